// Layer observe: each node's perf ring (pkg/monitor/agent): the trace, drop and socket-LB notifications its
// BPF programs send, built from the lab's trace bus ('notify' and Cilium drops) with the identities,
// endpoint ids, interface and conntrack state the program had, after monitor aggregation. Listeners are
// the node's Hubble observer and `cilium-dbg monitor` sessions; without listeners nothing is computed.

import type { CiliumAgent } from '../../cilium/agent.js';
import { ipcacheLookup } from '../../cilium/ipcache.js';
import type { Lab } from '../../lab/index.js';
import { formatIpv4, parseIpv4 } from '../../addr/index.js';
import { isCiliumDropReason } from '../../net/drop-reason.js';
import { innerFlowHash } from '../../net/flow-hash.js';
import type { DropEvent, HopEvent } from '../../net/net-context.js';
import type { Netns } from '../../net/netns.js';
import { fnv1a32 } from '../../sim/index.js';
import { aggregationLevel, ConntrackReports, TRACE_AGGREGATE_ACTIVE_CT, TRACE_AGGREGATE_RX } from './aggregation.js';
import { decodeCaptured, flowTuple } from './captured-packet.js';
import { dropCode } from './drop-reasons.js';
import { OBS_POINTS, type ObsPointName, type TraceReason } from './monitor-api.js';
import type { DropNotify, MonitorEvent, TraceNotify, TraceSockNotify } from './monitor-event.js';

type Listener = (e: MonitorEvent) => void;

/** The BPF object file of each program (api.BPFFileName of the drop notification's file id). */
const PROGRAM_FILE: Readonly<Record<string, string>> = {
  cil_from_container: 'bpf_lxc.c',
  cil_from_host: 'bpf_host.c',
  cil_to_host: 'bpf_host.c',
  cil_from_netdev: 'bpf_host.c',
  cil_to_netdev: 'bpf_host.c',
  cil_from_overlay: 'bpf_overlay.c',
};

const MONITORS = new WeakMap<Lab, DatapathMonitor>();

export class DatapathMonitor {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly conntrack = new Map<string, ConntrackReports>();
  private offs: Array<() => void> = [];

  private constructor(private readonly lab: Lab) {}

  /** The lab's monitor (one per lab). */
  static of(lab: Lab): DatapathMonitor {
    let m = MONITORS.get(lab);
    if (!m) {
      m = new DatapathMonitor(lab);
      MONITORS.set(lab, m);
    }
    return m;
  }

  /** Receives `node`'s notifications until the returned function is called. */
  listen(node: string, fn: Listener): () => void {
    const set = this.listeners.get(node) ?? new Set<Listener>();
    this.listeners.set(node, set);
    set.add(fn);
    if (this.offs.length === 0) this.attach();
    return () => {
      set.delete(fn);
      if ([...this.listeners.values()].every((s) => s.size === 0)) this.detach();
    };
  }

  private attach(): void {
    const bus = this.lab.ctx.trace;
    this.offs = [bus.on('notify', (e) => this.onNotify(e)), bus.on('drop', (e) => this.onDrop(e))];
  }

  private detach(): void {
    for (const off of this.offs) off();
    this.offs = [];
  }

  private agentOf(ns: Netns): CiliumAgent | undefined {
    for (const a of this.lab.agents.values()) if (a.netns === ns) return a;
    return undefined;
  }

  private emit(node: string, e: MonitorEvent): void {
    const set = this.listeners.get(node);
    if (set) for (const fn of [...set]) fn(e);
  }

  private onNotify(h: HopEvent): void {
    if (h.stage === 'sock-lb') return this.onSock(h);
    const agent = this.agentOf(h.netns);
    const point = h.decision as ObsPointName;
    if (!agent?.dp || !this.listeners.get(agent.nodeName)?.size || !(OBS_POINTS as readonly string[]).includes(point) || !h.data) return;
    const level = aggregationLevel(agent.dp.config.monitorAggregation);
    if (level >= TRACE_AGGREGATE_RX && point.startsWith('from-')) return;
    const d = h.detail ?? {};
    const program = String(d['program'] ?? '');
    const lxcEp = h.dev ? agent.endpointsByLxc.get(h.dev.ifindex) : undefined;
    const dstEp = typeof d['endpoint'] === 'number' ? d['endpoint'] : 0;
    const source = point === 'to-endpoint' ? dstEp : program === 'cil_from_container' ? (lxcEp?.id ?? 0) : 0;
    const ct = this.ctState(agent, point, program, source, lxcEp?.id ?? 0, h);
    if (level >= TRACE_AGGREGATE_ACTIVE_CT && !ct.isReported) return;
    const ifindex = this.ifindexOf(agent, point, h);
    const e: TraceNotify = {
      kind: 'trace',
      node: agent.nodeName,
      timeUs: h.timeUs,
      traceId: h.traceId,
      source,
      hash: innerFlowHash(h.data, agent.netns.flowHashSeed),
      origLen: h.origLen ?? h.data.length,
      data: h.data,
      srcLabel: Number(d['srcIdentity'] ?? 0),
      dstLabel: Number(d['dstIdentity'] ?? 0),
      dstId: point === 'to-endpoint' ? dstEp : 0,
      ifindex,
      ifname: agent.netns.devices.get(ifindex)?.name ?? String(ifindex),
      program,
      point,
      reason: ct.reason,
    };
    this.emit(agent.nodeName, e);
  }

  /**
   * The conntrack lookups the programs made: the sender's egress in bpf_lxc, the receiver's ingress policy
   * (both, for a pod-to-pod packet delivered on the node: the trace carries the ingress one).
   */
  private ctState(agent: CiliumAgent, point: ObsPointName, program: string, source: number, sender: number, h: HopEvent): { reason: TraceReason; isReported: boolean } {
    const isFromLxc = program === 'cil_from_container' && !point.startsWith('from-');
    if ((point !== 'to-endpoint' && !isFromLxc) || !h.data) return { reason: 'unknown', isReported: false };
    let ct = this.conntrack.get(agent.nodeName);
    if (!ct) {
      ct = new ConntrackReports(agent.dp?.config.monitorAggregationIntervalUs ?? 5_000_000);
      this.conntrack.set(agent.nodeName, ct);
    }
    const tuple = flowTuple(h.data);
    if (isFromLxc && point === 'to-endpoint') ct.lookup(sender, tuple, h.timeUs);
    return ct.lookup(source, tuple, h.timeUs);
  }

  private ifindexOf(agent: CiliumAgent, point: ObsPointName, h: HopEvent): number {
    const d = h.detail ?? {};
    switch (point) {
      case 'to-endpoint': {
        const ep = [...agent.endpoints.values()].find((x) => x.id === d['endpoint']);
        return ep?.lxc.ifindex ?? 0;
      }
      case 'to-overlay':
        return agent.devices?.tunnel?.ifindex ?? 0;
      case 'to-network':
        return typeof d['egress'] === 'string' ? (agent.netns.dev(d['egress'])?.ifindex ?? 0) : (h.dev?.ifindex ?? 0);
      case 'from-endpoint':
      case 'to-stack':
        return 0;
      default:
        return h.dev?.ifindex ?? 0;
    }
  }

  private onDrop(e: DropEvent): void {
    if (!isCiliumDropReason(e.reason)) return;
    const agent = this.agentOf(e.netns);
    const code = dropCode(e.reason);
    if (!agent || code === undefined || !this.listeners.get(agent.nodeName)?.size) return;
    const prog = e.where === 'tc ingress' ? e.dev?.tcIngress?.name : e.where === 'tc egress' ? e.dev?.tcEgress?.name : e.where;
    const program = prog ?? e.where;
    const pkt = decodeCaptured(e.data);
    const src = pkt.ipSrc !== undefined ? parseIpv4(pkt.ipSrc) : undefined;
    const lxcEp = e.dev ? agent.endpointsByLxc.get(e.dev.ifindex) : undefined;
    const drop: DropNotify = {
      kind: 'drop',
      node: agent.nodeName,
      timeUs: e.timeUs,
      traceId: e.traceId,
      source: program === 'cil_from_container' ? (lxcEp?.id ?? 0) : 0,
      hash: innerFlowHash(e.data, agent.netns.flowHashSeed),
      origLen: e.data.length,
      data: e.data.slice(0, 128),
      srcLabel: src !== undefined ? ipcacheLookup(agent, src).identity : 0,
      dstLabel: 0,
      dstId: 0,
      ifindex: e.dev?.ifindex ?? 0,
      ifname: e.dev?.name ?? '0',
      program,
      code,
      file: PROGRAM_FILE[program] ?? 'bpf_host.c',
    };
    this.emit(agent.nodeName, drop);
  }

  /** bpf_sock.c traces the frontend (pre-xlate) and, when a backend was found, the backend (post-xlate). */
  private onSock(h: HopEvent): void {
    const d = h.detail ?? {};
    const node = String(d['node'] ?? '');
    if (!this.listeners.get(node)?.size) return;
    const agent = this.lab.agents.get(node);
    const ep = agent ? [...agent.endpoints.values()].find((x) => x.podNetns === h.netns) : undefined;
    if (!ep) return;
    const proto: 'tcp' | 'udp' = d['proto'] === 'udp' ? 'udp' : 'tcp';
    const base = { kind: 'trace-sock' as const, node, timeUs: h.timeUs, proto, cookie: Number(d['cookie'] ?? 0), cgroupId: 10_000 + (fnv1a32(`cgroup/${h.netns.name}`) % 90_000), srcIp: formatIpv4(ep.ipv4) };
    const [fIp, fPort] = splitAddr(String(d['frontend'] ?? ''));
    const pre: TraceSockNotify = { ...base, xlate: 'pre-xlate-fwd', dstIp: fIp, dstPort: fPort };
    this.emit(node, pre);
    if (typeof d['backend'] !== 'string') return;
    const [bIp, bPort] = splitAddr(d['backend']);
    this.emit(node, { ...base, xlate: 'post-xlate-fwd', dstIp: bIp, dstPort: bPort });
  }
}

function splitAddr(text: string): [string, number] {
  const i = text.lastIndexOf(':');
  return [text.slice(0, i), Number(text.slice(i + 1))];
}
