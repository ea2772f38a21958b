// Layer observe: monitor aggregation (bpf/lib/trace.h emit_trace_notify, bpf/lib/conntrack.h
// __ct_update_timeout). At "lowest" and above, from-* points are not reported; at "medium" and above a
// trace is sent only when conntrack says so: a new connection, new TCP flags in a direction, or the first
// packet after monitor-aggregation-interval. The conntrack state (new/established/reply/related) rides along.

import type { FlowTuple } from './captured-packet.js';
import type { TraceReason } from './monitor-api.js';

/** pkg/option/monitor.go: none/disabled 0, lowest 1, low 2, medium 3, max/maximum 4. */
export function aggregationLevel(text: string): number {
  const levels: Readonly<Record<string, number>> = { '': 0, none: 0, disabled: 0, lowest: 1, low: 2, medium: 3, max: 4, maximum: 4 };
  return levels[text] ?? 0;
}

export const TRACE_AGGREGATE_RX = 1;
export const TRACE_AGGREGATE_ACTIVE_CT = 3;

/** CT lifetimes (bpf/lib/conntrack.h): TCP 6 h (10 s once closing), everything else 60 s. */
const LIFETIME_TCP_US = 21_600_000_000;
const LIFETIME_CLOSE_US = 10_000_000;
const LIFETIME_OTHER_US = 60_000_000;

interface CtEntry {
  /** The initiator's address and port, packed (src * 65536 + port). */
  readonly origin: number;
  expiresUs: number;
  txFlags: number;
  rxFlags: number;
  lastTxUs: number | undefined;
  lastRxUs: number | undefined;
}

export interface CtVerdict {
  readonly reason: TraceReason;
  /** Whether this packet is reported at ACTIVE_CT aggregation. */
  readonly isReported: boolean;
}

/** One node's conntrack, as far as trace reporting goes; keyed per endpoint and flow. */
export class ConntrackReports {
  private readonly entries = new Map<string, CtEntry>();

  constructor(private readonly intervalUs: number) {}

  lookup(endpoint: number, t: FlowTuple | undefined, nowUs: number): CtVerdict {
    if (!t) return { reason: 'unknown', isReported: true };
    if (t.isIcmpError) return { reason: 'related', isReported: true };
    const a = t.src * 65536 + t.sport;
    const b = t.dst * 65536 + t.dport;
    const key = `${endpoint}|${t.proto}|${Math.min(a, b)}|${Math.max(a, b)}`;
    let e = this.entries.get(key);
    if (e && e.expiresUs <= nowUs) e = undefined;
    const isNew = e === undefined;
    if (!e) {
      e = { origin: a, expiresUs: 0, txFlags: 0, rxFlags: 0, lastTxUs: undefined, lastRxUs: undefined };
      this.entries.set(key, e);
      if (this.entries.size > 65536) this.prune(nowUs);
    }
    const isOrig = e.origin === a;
    const flags = t.tcpFlags;
    e.expiresUs = nowUs + (t.proto !== 6 ? LIFETIME_OTHER_US : (flags & 0x05) !== 0 ? LIFETIME_CLOSE_US : LIFETIME_TCP_US);
    const isReported = isOrig ? this.report(e, 'tx', flags, nowUs) : this.report(e, 'rx', flags, nowUs);
    return { reason: isNew ? 'new' : isOrig ? 'established' : 'reply', isReported: isNew || isReported };
  }

  private report(e: CtEntry, dir: 'tx' | 'rx', flags: number, nowUs: number): boolean {
    const seen = dir === 'tx' ? e.txFlags : e.rxFlags;
    const last = dir === 'tx' ? e.lastTxUs : e.lastRxUs;
    const merged = seen | flags;
    if (last !== undefined && last + this.intervalUs >= nowUs && merged === seen) return false;
    if (dir === 'tx') {
      e.txFlags = merged;
      e.lastTxUs = nowUs;
    } else {
      e.rxFlags = merged;
      e.lastRxUs = nowUs;
    }
    return true;
  }

  private prune(nowUs: number): void {
    for (const [k, e] of this.entries) if (e.expiresUs <= nowUs) this.entries.delete(k);
  }
}
