// Layer observe: `cilium-dbg monitor`'s printer (pkg/monitor/format, DumpInfo of datapath_trace.go,
// datapath_drop.go, datapath_sock_trace.go) and its filters (--type, --from, --to, --related-to). INFO and
// DEBUG (-v) print traces and drops alike; socket-LB traces appear only at DEBUG, with the CPU prefix.

import { connectionSummary } from './connection-summary.js';
import { dropText } from './drop-reasons.js';
import { MESSAGE_TYPE, traceSummary } from './monitor-api.js';
import type { MonitorEvent } from './monitor-event.js';
import { identityName } from './identity-name.js';

export interface MonitorFormatOptions {
  readonly verbosity: 'info' | 'debug';
  /** -n: identities as numbers ("2" instead of "world"). */
  readonly isNumeric: boolean;
  readonly types: readonly number[];
  readonly from: readonly number[];
  readonly to: readonly number[];
  readonly related: readonly number[];
  /** The node's CPU count: the "CPU 01:" prefix picks one per flow. */
  readonly cpus: number;
}

/** %#x of a uint32. */
function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}

function srcDst(e: MonitorEvent): [number, number] {
  return e.kind === 'trace-sock' ? [0, 0] : [e.source, e.dstId];
}

/** MonitorFormatter.match. */
function matches(e: MonitorEvent, o: MonitorFormatOptions): boolean {
  const [src, dst] = srcDst(e);
  if (o.types.length > 0 && !o.types.includes(MESSAGE_TYPE[e.kind])) return false;
  if (o.from.length > 0 && !o.from.includes(src)) return false;
  if (o.to.length > 0 && !o.to.includes(dst)) return false;
  if (o.related.length > 0 && !o.related.includes(src) && !o.related.includes(dst)) return false;
  return true;
}

/** The line(s) the monitor prints for `e`, or '' when filtered out or not shown at this verbosity. */
export function formatMonitorEvent(e: MonitorEvent, o: MonitorFormatOptions): string {
  if (!matches(e, o)) return '';
  const id = (n: number) => (o.isNumeric ? String(n) : identityName(n));
  switch (e.kind) {
    case 'trace':
      return `${traceSummary(e.point, e.source, e.dstId)} flow ${hex(e.hash)} , identity ${id(e.srcLabel)}->${id(e.dstLabel)} state ${e.reason} ifindex ${e.ifname} orig-ip 0.0.0.0: ${connectionSummary(e.data)}\n`;
    case 'drop':
      return `xx drop (${dropText(e.code)}) flow ${hex(e.hash)} to endpoint ${e.dstId}, ifindex ${e.ifindex}, file ${e.file}:0, , identity ${id(e.srcLabel)}->${id(e.dstLabel)}: ${connectionSummary(e.data)}\n`;
    case 'trace-sock': {
      if (o.verbosity !== 'debug') return '';
      const cpu = String(e.cookie % Math.max(1, o.cpus)).padStart(2, '0');
      return `CPU ${cpu}: [${e.xlate}] cgroup_id: ${e.cgroupId} sock_cookie: ${e.cookie}, dst [${e.dstIp}]:${e.dstPort} ${e.proto} \n`;
    }
  }
}
