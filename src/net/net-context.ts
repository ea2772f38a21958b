// Layer net: what every namespace of one lab shares: the scheduler (virtual clock), the seeded RNG, the
// trace bus that taps, drops and datapath decisions are published on, and the trace id counter.

import type { Ipv4Addr } from '../addr/index.js';
import type { Rng, Scheduler } from '../sim/index.js';
import { TraceBus } from '../sim/index.js';
import type { DropReason } from './drop-reason.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';
import { copySkbData } from './skb-data.js';

/** A frame seen by a packet socket (tcpdump): `data` is the caller's own copy. */
export interface PacketEvent {
  readonly netns: Netns;
  readonly dev: NetDevice;
  readonly dir: 'in' | 'out';
  readonly data: Uint8Array;
  readonly timeUs: number;
  readonly traceId: number;
  /** The trace id of the packet this one answers or reports on (0 when none): replies, ICMP errors. */
  readonly causeTraceId?: number;
}

export interface DropEvent {
  readonly netns: Netns;
  readonly dev: NetDevice | undefined;
  readonly reason: DropReason;
  /** Where it died: the kernel function or the Cilium program. */
  readonly where: string;
  readonly detail: string | undefined;
  readonly data: Uint8Array;
  readonly timeUs: number;
  readonly traceId: number;
}

/** A decision that moved a packet: the route that matched, the program and map entry, the neighbour. */
export interface HopEvent {
  readonly netns: Netns;
  readonly dev: NetDevice | undefined;
  readonly traceId: number;
  readonly timeUs: number;
  readonly stage: string;
  readonly decision: string;
  readonly detail?: Readonly<Record<string, string | number | undefined>>;
  readonly nexthop?: Ipv4Addr;
  /** For a trace notification: the packet's first bytes as the BPF program captured them (TRACE_PAYLOAD_LEN). */
  readonly data?: Uint8Array;
  /** For a trace notification: the packet's full length (len_orig). */
  readonly origLen?: number;
}

export interface NetEvents extends Record<string, unknown> {
  packet: PacketEvent;
  drop: DropEvent;
  hop: HopEvent;
  /** Cilium's datapath notifications (the perf ring `cilium-dbg monitor` and Hubble read): the 'cilium' (trace) and 'sock-lb' (trace-sock) hops. */
  notify: HopEvent;
}

export class NetContext {
  readonly trace = new TraceBus<NetEvents>();
  private lastTraceId = 0;

  constructor(
    readonly scheduler: Scheduler,
    readonly rng: Rng,
  ) {}

  nextTraceId(): number {
    return ++this.lastTraceId;
  }

  /** Publishes a drop (when anyone listens); the caller counts it. */
  drop(netns: Netns, dev: NetDevice | undefined, skb: Skb, reason: DropReason, where: string, detail?: string): void {
    netns.dropCount.set(reason, (netns.dropCount.get(reason) ?? 0) + 1);
    if (!this.trace.has('drop')) return;
    this.trace.emit('drop', {
      netns,
      dev,
      reason,
      where,
      detail,
      data: copySkbData(skb.data),
      timeUs: this.scheduler.nowUs,
      traceId: skb.meta.traceId,
    });
  }

  /** Whether anyone listens to datapath decisions; callers check it before building an event. */
  get isTracingHops(): boolean {
    return this.trace.has('hop');
  }

  hop(e: Omit<HopEvent, 'timeUs'>): void {
    if (this.trace.has('hop')) this.trace.emit('hop', { ...e, timeUs: this.scheduler.nowUs });
  }
}
