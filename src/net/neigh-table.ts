// Layer net: the ARP neighbour table (net/core/neighbour.c with arp_tbl's defaults). An entry moves
// INCOMPLETE -> REACHABLE on a reply, REACHABLE -> STALE when its reachable time (base 30 s, randomised
// to 0.5..1.5x) runs out, STALE -> DELAY on use, DELAY -> PROBE after 5 s without confirmation, and to
// FAILED after 3 unanswered probes. Packets wait in the entry's queue (unres_qlen 101) while it resolves.

import type { Ipv4Addr, MacAddr } from '../addr/index.js';
import type { Rng, Scheduler, Timer } from '../sim/index.js';
import type { NetDevice } from './net-device.js';
import type { Skb } from './skb.js';

export type NeighState = 'INCOMPLETE' | 'REACHABLE' | 'STALE' | 'DELAY' | 'PROBE' | 'FAILED' | 'PERMANENT' | 'NOARP';

export const NEIGH_PARAMS = {
  baseReachableUs: 30_000_000,
  retransUs: 1_000_000,
  delayFirstProbeUs: 5_000_000,
  mcastSolicit: 3,
  ucastProbes: 3,
  unresQlen: 101,
} as const;

export interface NeighEntry {
  readonly ip: Ipv4Addr;
  readonly dev: NetDevice;
  lladdr: MacAddr | undefined;
  state: NeighState;
  isRouter: boolean;
  /** When the entry was last confirmed reachable, and how long that lasts. */
  confirmedUs: number;
  reachableUs: number;
  updatedUs: number;
  usedUs: number;
  probes: number;
  readonly queue: Skb[];
  timer: Timer | undefined;
}

/** What the table asks of its namespace: send a solicitation, and settle queued packets. */
export interface NeighOps {
  solicit(e: NeighEntry, unicast: boolean): void;
  transmit(e: NeighEntry, skb: Skb): void;
  fail(e: NeighEntry, skb: Skb): void;
}

export class NeighTable {
  /** Every entry in creation order (`ip neigh` lists them so). */
  private readonly entries = new Set<NeighEntry>();
  /** The same entries by ifindex, then address as `ip | 0`: small integer keys for the per-packet lookup. */
  private readonly byDev = new Map<number, Map<number, NeighEntry>>();
  /** The entry the last lookup found (a flow's packets ask for the same neighbour again and again). */
  private lastFound: NeighEntry | undefined;

  constructor(
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
    private readonly ops: NeighOps,
  ) {}

  get(dev: NetDevice, ip: Ipv4Addr): NeighEntry | undefined {
    const last = this.lastFound;
    const e = last !== undefined && last.dev === dev && last.ip === ip ? last : this.byDev.get(dev.ifindex)?.get(ip | 0);
    if (e) {
      this.age(e);
      this.lastFound = e;
    }
    return e;
  }

  list(): NeighEntry[] {
    const all = [...this.entries.values()];
    for (const e of all) this.age(e);
    return all;
  }

  /** neigh_resolve_output: send `skb` to `ip` on `dev`, resolving it first if need be. */
  output(dev: NetDevice, ip: Ipv4Addr, skb: Skb): void {
    let e = this.get(dev, ip);
    if (!e || e.state === 'FAILED') e = this.create(dev, ip, e);
    e.usedUs = this.scheduler.nowUs;
    switch (e.state) {
      case 'INCOMPLETE':
        if (e.queue.length >= NEIGH_PARAMS.unresQlen) this.ops.fail(e, e.queue.shift() as Skb);
        e.queue.push(skb);
        return;
      case 'STALE':
        this.enterDelay(e);
        this.ops.transmit(e, skb);
        return;
      default:
        this.ops.transmit(e, skb);
    }
  }

  /** An ARP reply (or request naming us) told us `ip` is at `lladdr`. */
  update(dev: NetDevice, ip: Ipv4Addr, lladdr: MacAddr, opts: { confirmed: boolean; create: boolean }): void {
    let e = this.get(dev, ip);
    if (!e) {
      if (!opts.create) return;
      e = this.make(dev, ip);
      e.state = 'STALE';
    }
    if (e.state === 'PERMANENT' || e.state === 'NOARP') return;
    const changed = e.lladdr !== lladdr;
    e.lladdr = lladdr;
    e.updatedUs = this.scheduler.nowUs;
    if (opts.confirmed) this.confirm(e);
    else if (changed || e.state === 'INCOMPLETE' || e.state === 'FAILED') e.state = 'STALE';
    this.flush(e);
  }

  /** Upper-layer confirmation (TCP progress) or an ARP reply: the neighbour is reachable. */
  confirm(e: NeighEntry): void {
    if (e.state === 'PERMANENT' || e.state === 'NOARP' || e.lladdr === undefined) return;
    this.scheduler.cancel(e.timer);
    e.timer = undefined;
    e.state = 'REACHABLE';
    e.probes = 0;
    e.confirmedUs = this.scheduler.nowUs;
    e.reachableUs = this.randomReachable();
  }

  addPermanent(dev: NetDevice, ip: Ipv4Addr, lladdr: MacAddr | undefined, state: 'PERMANENT' | 'NOARP' = 'PERMANENT'): NeighEntry {
    const e = this.make(dev, ip);
    e.lladdr = lladdr;
    e.state = state;
    return e;
  }

  delete(dev: NetDevice, ip: Ipv4Addr): boolean {
    const onDev = this.byDev.get(dev.ifindex);
    const e = onDev?.get(ip | 0);
    if (!e) return false;
    if (this.lastFound === e) this.lastFound = undefined;
    this.scheduler.cancel(e.timer);
    onDev?.delete(ip | 0);
    return this.entries.delete(e);
  }

  /** Forget every entry on a device (link down, device deleted). */
  flushDev(dev: NetDevice): void {
    for (const e of [...this.entries.values()]) if (e.dev === dev) this.delete(dev, e.ip);
  }

  private create(dev: NetDevice, ip: Ipv4Addr, old: NeighEntry | undefined): NeighEntry {
    if (old) this.delete(dev, ip);
    const e = this.make(dev, ip);
    e.state = 'INCOMPLETE';
    this.probe(e, false);
    return e;
  }

  private make(dev: NetDevice, ip: Ipv4Addr): NeighEntry {
    const now = this.scheduler.nowUs;
    const e: NeighEntry = {
      ip,
      dev,
      lladdr: undefined,
      state: 'INCOMPLETE',
      isRouter: false,
      confirmedUs: now,
      reachableUs: 0,
      updatedUs: now,
      usedUs: now,
      probes: 0,
      queue: [],
      timer: undefined,
    };
    this.entries.add(e);
    let onDev = this.byDev.get(dev.ifindex);
    if (!onDev) {
      onDev = new Map();
      this.byDev.set(dev.ifindex, onDev);
    }
    onDev.set(ip | 0, e);
    return e;
  }

  /** Sends one solicitation and arms the retransmit timer (neigh_timer_handler). */
  private probe(e: NeighEntry, unicast: boolean): void {
    e.probes++;
    this.ops.solicit(e, unicast);
    e.timer = this.scheduler.after(NEIGH_PARAMS.retransUs, () => this.onRetrans(e, unicast));
  }

  private onRetrans(e: NeighEntry, unicast: boolean): void {
    e.timer = undefined;
    if (e.state !== 'INCOMPLETE' && e.state !== 'PROBE') return;
    const max = unicast ? NEIGH_PARAMS.ucastProbes : NEIGH_PARAMS.mcastSolicit;
    if (e.probes < max) return this.probe(e, unicast);
    e.state = 'FAILED';
    e.updatedUs = this.scheduler.nowUs;
    for (const skb of e.queue.splice(0)) this.ops.fail(e, skb);
  }

  private enterDelay(e: NeighEntry): void {
    e.state = 'DELAY';
    e.updatedUs = this.scheduler.nowUs;
    e.timer = this.scheduler.after(NEIGH_PARAMS.delayFirstProbeUs, () => {
      e.timer = undefined;
      if (e.state !== 'DELAY') return;
      e.state = 'PROBE';
      e.probes = 0;
      this.probe(e, true);
    });
  }

  private flush(e: NeighEntry): void {
    if (e.lladdr === undefined) return;
    for (const skb of e.queue.splice(0)) this.ops.transmit(e, skb);
  }

  /** Lazily applies the REACHABLE -> STALE timeout, as neigh_periodic_work would have. */
  private age(e: NeighEntry): void {
    if (e.state === 'REACHABLE' && this.scheduler.nowUs - e.confirmedUs > e.reachableUs) {
      e.state = 'STALE';
      e.updatedUs = e.confirmedUs + e.reachableUs;
    }
  }

  private randomReachable(): number {
    const base = NEIGH_PARAMS.baseReachableUs;
    return this.rng.int(base / 2, (base * 3) / 2 - 1);
  }
}
