// Layer observe: one packet's trail through the lab from the recorded events of its trace id: each frame
// seen on a device, each routing and datapath decision with its entries, and where it ended — delivered
// (it reached the namespace that owns its destination address), dropped (with the reason and the function
// or program), or lost from sight.

import type { Netns } from '../../net/netns.js';
import { ipv4Dst, ipv4Ttl } from '../../wire/index.js';
import type { Fate, PacketTrail, Step } from './explanation.js';
import { headerStack } from './header-stack.js';
import type { Recorded } from './recorder.js';
import { flowTuple } from '../monitor/captured-packet.js';

/** "k8s-ctr" for a VM, "k8s-ctr" + pod "default/curl-pod" for a pod's namespace ("k8s-ctr/default/curl-pod"). */
export function placeOf(ns: Netns): { host: string; pod: string | undefined } {
  const i = ns.name.indexOf('/');
  return i < 0 ? { host: ns.name, pod: undefined } : { host: ns.name.slice(0, i), pod: ns.name.slice(i + 1) };
}

function stepOf(r: Recorded): Step {
  const { host, pod } = placeOf(r.e.netns);
  const base = { host, pod, timeUs: r.e.timeUs };
  switch (r.kind) {
    case 'packet':
      return { ...base, dev: r.e.dev.name, dir: r.e.dir, kind: 'tap', decision: r.e.dir === 'out' ? 'transmit' : 'receive', entries: r.entries, headers: headerStack(r.e.data) };
    case 'drop':
      return { ...base, dev: r.e.dev?.name, dir: undefined, kind: 'drop', decision: `drop ${r.e.reason} in ${r.where}`, entries: r.e.detail !== undefined ? [r.e.detail] : [], headers: headerStack(r.e.data) };
    case 'hop': {
      const h = r.e;
      const d = h.detail ?? {};
      const kind = h.stage === 'fib' ? 'route' : h.stage === 'ip_local_out' ? 'send' : h.stage === 'sock-lb' ? 'socket-lb' : 'datapath';
      const decision = h.stage === 'cilium' ? `${d['program'] ?? 'bpf'}: ${h.decision}` : h.stage === 'fib' ? 'ip_forward' : h.stage === 'ip_local_out' ? 'ip_local_out' : `${d['program'] ?? 'bpf_sock'}: ${h.decision}`;
      return { ...base, dev: h.dev?.name, dir: undefined, kind, decision, entries: r.entries, headers: undefined };
    }
  }
}

/** Recorded events of `traceId`, in the order they happened. */
export function eventsOf(events: readonly Recorded[], traceId: number): Recorded[] {
  return events.filter((r) => r.e.traceId === traceId);
}

/** The packets `traceId` caused (its reply, the ICMP errors about it), first frame of each. */
export function causedBy(events: readonly Recorded[], traceId: number): number[] {
  const out: number[] = [];
  for (const r of events) if (r.kind === 'packet' && r.e.causeTraceId === traceId && !out.includes(r.e.traceId)) out.push(r.e.traceId);
  return out;
}

/** A TCP or UDP answer the stack sent without naming its cause: the first frame back on the reversed tuple. */
export function answerByTuple(events: readonly Recorded[], traceId: number): number | undefined {
  const first = events.find((r) => r.kind === 'packet' && r.e.traceId === traceId);
  if (first?.kind !== 'packet') return undefined;
  const q = flowTuple(first.e.data);
  if (!q || q.proto === 1) return undefined;
  const start = events.indexOf(first);
  for (const r of events.slice(start)) {
    if (r.kind !== 'packet' || r.e.dir !== 'out') continue;
    const a = flowTuple(r.e.data);
    if (a && a.proto === q.proto && a.src === q.dst && a.dst === q.src && a.sport === q.dport && a.dport === q.sport) return r.e.traceId;
  }
  return undefined;
}

function fateOf(mine: readonly Recorded[]): Fate {
  const drop = [...mine].reverse().find((r) => r.kind === 'drop');
  if (drop?.kind === 'drop') {
    const { host, pod } = placeOf(drop.e.netns);
    return { kind: 'dropped', host, pod, dev: drop.e.dev?.name, reason: drop.e.reason, where: drop.where, detail: drop.e.detail };
  }
  const last = mine[mine.length - 1];
  if (last?.kind === 'packet' && last.e.dir === 'in' && last.e.data.length >= 34 && last.e.netns.isLocalAddr(ipv4Dst(last.e.data, 14))) {
    const { host, pod } = placeOf(last.e.netns);
    return { kind: 'delivered', host, pod, dev: last.e.dev.name, ttl: ipv4Ttl(last.e.data, 14) };
  }
  const at = last ? placeOf(last.e.netns) : { host: '', pod: undefined };
  return { kind: 'unanswered', ...at, detail: last?.kind === 'packet' ? `last seen ${last.e.dir === 'out' ? 'leaving' : 'arriving on'} ${last.e.dev.name}` : 'never seen on a device' };
}

export function buildTrail(events: readonly Recorded[], traceId: number, role: string): PacketTrail {
  const mine = eventsOf(events, traceId);
  const steps = mine.map(stepOf);
  const first = steps.find((s) => s.headers !== undefined);
  const summary = first?.headers?.filter((h) => h.proto !== 'ethernet').map((h) => h.text).join(', ') ?? '';
  return { traceId, role, summary, steps, fate: fateOf(mine) };
}
