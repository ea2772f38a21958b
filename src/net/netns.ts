// Layer net: a network namespace (struct net): its devices, addresses, FIB, neighbour table, sysctls and
// sockets, and the two doors every frame passes: netifRx (__netif_receive_skb: tap, tc ingress, protocol
// demux) and devQueueXmit (__dev_queue_xmit: tc egress, tap, the driver). A VM's root namespace and each
// pod's namespace are both a Netns. Configuration methods validate like the kernel and throw NetlinkError.

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import { broadcast, isNetworkAddress, ipv4, network, MAC_BROADCAST, macFromBytes, isMulticastMac } from '../addr/index.js';
import { arpRcv } from './arp.js';
import { LoopbackDevice } from './devices/loopback.js';
import type { DropReason } from './drop-reason.js';
import { Fib } from './fib.js';
import type { AddrScope, IfAddr } from './if-addr.js';
import { ipRcv } from './ip-input.js';
import type { NetContext } from './net-context.js';
import type { NetDevice } from './net-device.js';
import { NeighTable } from './neigh-table.js';
import { neighOps } from './neigh-output.js';
import { NetlinkError } from './netlink-error.js';
import { makeRoute, RT_TABLE_LOCAL, RT_TABLE_MAIN, type Route, type RouteInit } from './route.js';
import { checkNexthop } from './route-check.js';
import type { PacketType, Skb } from './skb.js';
import { copySkbData } from './skb-data.js';
import { SocketTable } from './socket-table.js';
import type { SockHooks } from './sock-hooks.js';
import { Sysctl } from './sysctl.js';
import type { TcVerdict } from './tc.js';
import { ETH_P_ARP, ETH_P_IP, ethType, ipv4Dst } from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { icmpSendTimeExceeded } from './icmp-send.js';
import { Reassembler } from './ip-fragment.js';
import { neighOutput } from './ip-output.js';
import { routeOutput, type CachedRoute } from './route-output.js';

/** How many transmit hops a packet may take before the lab calls it a loop (far above any TTL). */
const MAX_HOPS = 512;

export interface AddrOptions {
  readonly scope?: AddrScope;
  readonly label?: string;
  readonly metric?: number;
  readonly dynamic?: boolean;
  readonly validLftS?: number;
  readonly preferredLftS?: number;
  readonly noPrefixRoute?: boolean;
  /** IFA_BROADCAST: undefined computes it (as netplan/DHCP configure it), null leaves it out (`ip addr add` without brd). */
  readonly broadcast?: Ipv4Addr | null;
  /** When the address was configured (a DHCP lease granted at boot, before t=0). */
  readonly sinceUs?: number;
}

export class Netns {
  readonly devices = new Map<number, NetDevice>();
  readonly fib = new Fib();
  readonly sysctl = new Sysctl();
  readonly neigh: NeighTable;
  readonly sockets: SocketTable;
  readonly dropCount = new Map<DropReason, number>();
  readonly lo: LoopbackDevice;
  readonly reassembler: Reassembler;
  sockHooks: SockHooks = {};
  /** Virtual time a forwarded packet spends in this host (softirq, the router's CPU). */
  forwardDelayUs = 20;
  /** hashrnd: the per-boot seed of the flow dissector's hash (shared by a machine's namespaces). */
  flowHashSeed: number;
  private nextIfindex = 1;
  private readonly idents = new Map<number, { id: number; lastUs: number }>();
  /** Learned path MTUs by destination as `dst | 0` (a small integer key, where the address may be a boxed double). */
  private readonly pmtu = new Map<number, { mtu: number; expiresUs: number }>();
  private readonly icmpTokens = new Map<number, { tokens: number; lastUs: number }>();
  /** ip_route_output's answers for plain lookups by `dst | 0`, each valid for one FIB genid (route-output.ts keeps it). */
  readonly dstCache = new Map<number, CachedRoute>();

  constructor(
    readonly name: string,
    readonly ctx: NetContext,
  ) {
    this.neigh = new NeighTable(ctx.scheduler, ctx.rng.fork(`neigh/${name}`), neighOps(this));
    this.sockets = new SocketTable(this, ctx.rng.fork(`sockets/${name}`));
    this.reassembler = new Reassembler(this, (first) => icmpSendTimeExceeded(this, first, 1));
    this.flowHashSeed = ctx.rng.fork(`hashrnd/${name}`).u32();
    this.lo = new LoopbackDevice();
    this.addDevice(this.lo);
    this.setUp(this.lo, true);
    this.addAddr(this.lo, { addr: ipv4(0x7f000001), prefixLen: 8 }, { scope: 'host' });
  }

  get now(): number {
    return this.ctx.scheduler.nowUs;
  }

  // ---- devices -------------------------------------------------------------------------------

  dev(name: string): NetDevice | undefined {
    for (const d of this.devices.values()) if (d.name === name || d.altnames.includes(name)) return d;
    return undefined;
  }

  /** Registers a device under the next free ifindex (or a chosen one, as `ip link add ... index N`). */
  addDevice(dev: NetDevice, ifindex?: number): NetDevice {
    if (this.dev(dev.name)) throw new NetlinkError('EEXIST');
    const idx = ifindex ?? this.nextIfindex;
    dev.ifindex = idx;
    this.nextIfindex = Math.max(this.nextIfindex, idx + 1);
    dev.netns = this;
    this.devices.set(idx, dev);
    this.sysctl.addDevice(dev.name);
    return dev;
  }

  /** unregister_netdevice: down, addresses and routes gone; a veth takes its peer with it. */
  deleteDevice(dev: NetDevice): void {
    this.unregister(dev);
    const peer = dev.kind === 'veth' ? dev.link : undefined;
    if (peer?.netns) peer.netns.unregister(peer);
  }

  /** dev_change_net_namespace: down, addresses gone, the same ifindex in `to` when it is free there. */
  moveDevice(dev: NetDevice, to: Netns): void {
    const idx = dev.ifindex;
    this.unregister(dev);
    to.addDevice(dev, to.devices.has(idx) ? undefined : idx);
  }

  private unregister(dev: NetDevice): void {
    this.setUp(dev, false);
    dev.addrs = [];
    this.devices.delete(dev.ifindex);
    this.sysctl.removeDevice(dev.name);
    dev.netns = undefined;
  }

  /** The ifindex the next device will get. */
  get nextFreeIfindex(): number {
    return this.nextIfindex;
  }

  /** Reserves ifindexes so the next device gets `next` (a VM whose devices came and went before t=0). */
  skipIfindexTo(next: number): void {
    this.nextIfindex = Math.max(this.nextIfindex, next);
  }

  /** `ip link set dev X up|down`: up adds the routes of its addresses; down removes every route through it. */
  setUp(dev: NetDevice, up: boolean): void {
    if (dev.isUp === up) return;
    dev.isUp = up;
    this.fib.genid++; // routes through the device become usable or not
    if (up) {
      dev.hasBeenUp = true;
      dev.open(this);
      for (const a of dev.addrs) this.addAddrRoutes(dev, a);
    } else {
      dev.stop();
      for (const r of this.fib.allRoutes()) if (r.dev === dev) this.fib.remove(r);
      this.neigh.flushDev(dev);
    }
  }

  // ---- addresses -----------------------------------------------------------------------------

  /** `ip addr add A/N dev X`: adds the address plus its local, broadcast and prefix routes. */
  addAddr(dev: NetDevice, c: Ipv4Cidr, opts: AddrOptions = {}): IfAddr {
    if (dev.addrs.some((a) => a.local === c.addr && a.prefixLen === c.prefixLen)) throw new NetlinkError('EEXIST');
    const secondary = dev.addrs.some((a) => a.prefixLen === c.prefixLen && network({ addr: a.local, prefixLen: a.prefixLen }).addr === network(c).addr);
    const a: IfAddr = {
      local: c.addr,
      prefixLen: c.prefixLen,
      broadcast: opts.broadcast === null ? undefined : (opts.broadcast ?? (c.prefixLen < 31 ? broadcast(c) : undefined)),
      scope: opts.scope ?? 'global',
      label: opts.label ?? dev.name,
      metric: opts.metric ?? 0,
      dynamic: opts.dynamic ?? false,
      validLftS: opts.validLftS,
      preferredLftS: opts.preferredLftS,
      sinceUs: opts.sinceUs ?? this.now,
      noPrefixRoute: opts.noPrefixRoute ?? false,
      secondary,
    };
    dev.addrs = [...dev.addrs, a];
    if (dev.isUp) this.addAddrRoutes(dev, a);
    return a;
  }

  delAddr(dev: NetDevice, c: Ipv4Cidr): void {
    const a = dev.addrs.find((x) => x.local === c.addr && (c.prefixLen === 32 || x.prefixLen === c.prefixLen));
    if (!a) throw new NetlinkError('EADDRNOTAVAIL');
    dev.addrs = dev.addrs.filter((x) => x !== a);
    for (const r of this.fib.allRoutes()) if (r.dev === dev && r.prefsrc === a.local && r.protocol === 'kernel') this.fib.remove(r);
  }

  /** Whether `addr` is one of this namespace's own addresses (a local-table hit). */
  isLocalAddr(addr: Ipv4Addr): boolean {
    return this.fib.isLocal(addr);
  }

  private addAddrRoutes(dev: NetDevice, a: IfAddr): void {
    const src = a.local;
    const local = (dst: Ipv4Cidr, type: 'local' | 'broadcast') =>
      this.fib.insert(makeRoute({ table: RT_TABLE_LOCAL, type, dst, dev, protocol: 'kernel', scope: type === 'local' ? 'host' : 'link', prefsrc: src }));
    if (dev.kind === 'loopback' && a.prefixLen < 32) local(network({ addr: a.local, prefixLen: a.prefixLen }), 'local');
    local({ addr: a.local, prefixLen: 32 }, 'local');
    // fib_add_ifaddr: the network's broadcast route for any prefix shorter than /31, and IFA_BROADCAST's if different.
    const netBroadcast = a.prefixLen < 31 ? broadcast({ addr: a.local, prefixLen: a.prefixLen }) : undefined;
    if (netBroadcast !== undefined && !a.secondary) local({ addr: netBroadcast, prefixLen: 32 }, 'broadcast');
    if (a.broadcast !== undefined && a.broadcast !== netBroadcast && a.broadcast !== 0xffffffff) local({ addr: a.broadcast, prefixLen: 32 }, 'broadcast');
    if (a.noPrefixRoute || a.prefixLen === 32 || dev.kind === 'loopback' || a.secondary) return;
    const dst = network({ addr: a.local, prefixLen: a.prefixLen });
    this.fib.insert(makeRoute({ dst, dev, protocol: 'kernel', scope: a.scope === 'host' ? 'host' : 'link', prefsrc: src, metric: a.metric }));
  }

  // ---- routes --------------------------------------------------------------------------------

  /**
   * `ip route add|replace|append`: validates like fib_table_insert + fib_check_nh and inserts. Without
   * `replace` or `append` a route with the same prefix and metric exists already (EEXIST); `append` only
   * refuses an identical one (NLM_F_APPEND).
   */
  routeAdd(init: RouteInit, opts: { replace?: boolean; append?: boolean } = {}): Route {
    if (!isNetworkAddress(init.dst)) throw new NetlinkError('EINVAL', 'Invalid prefix for given prefix length');
    const table = init.table ?? RT_TABLE_MAIN;
    const metric = init.metric ?? 0;
    const nh = checkNexthop(this, init);
    const r = makeRoute({ ...init, table, metric, dev: nh.dev, nhScope: nh.scope });
    const same = this.fib.table(table).exact(init.dst.addr, init.dst.prefixLen).filter((x) => x.metric === metric);
    if (opts.append) {
      if (same.some((x) => x.gateway === r.gateway && x.dev === r.dev && x.type === r.type)) throw new NetlinkError('EEXIST');
    } else if (same.length > 0) {
      if (!opts.replace) throw new NetlinkError('EEXIST');
      this.fib.remove(same[0] as Route);
    }
    this.fib.insert(r);
    return r;
  }

  /** `ip route del`: removes the first route matching every field given. */
  routeDel(match: RouteInit): Route {
    const table = match.table ?? RT_TABLE_MAIN;
    const r = this.fib
      .table(table)
      .exact(match.dst.addr, match.dst.prefixLen)
      .find(
        (x) =>
          (match.gateway === undefined || x.gateway === match.gateway) &&
          (match.dev === undefined || x.dev === match.dev) &&
          (match.metric === undefined || x.metric === match.metric) &&
          (match.protocol === undefined || x.protocol === match.protocol),
      );
    if (!r) throw new NetlinkError('ESRCH');
    this.fib.remove(r);
    return r;
  }

  // ---- the two doors -------------------------------------------------------------------------

  /** A frame arrives on `dev` (from a wire, a veth peer, a tunnel decap, or a redirect). */
  netifRx(dev: NetDevice, skb: Skb): void {
    if (!dev.isUp) return this.drop(dev, skb, 'DEV_READY', 'netif_receive_skb');
    skb.meta.ingressIfindex = dev.ifindex;
    dev.stats.rxPackets++;
    dev.stats.rxBytes += skb.data.length;
    this.tap(dev, skb, 'in');
    if (dev.tcIngress) {
      const v = dev.tcIngress.run(skb, dev);
      if (v.kind !== 'ok') return this.applyVerdict(v, dev, skb, 'tc ingress');
    }
    this.deliverToStack(dev, skb);
  }

  /** Past tc ingress: hand the frame to ARP or IPv4 (the protocol handlers of __netif_receive_skb). */
  deliverToStack(dev: NetDevice, skb: Skb): void {
    const type = ethType(skb.data);
    const pktType = packetType(dev, skb);
    skb.meta.pktTypeOverride = undefined;
    if (type === ETH_P_IP) return ipRcv(this, dev, skb, pktType);
    if (type === ETH_P_ARP) return arpRcv(this, dev, skb);
    this.drop(dev, skb, 'UNHANDLED_PROTO', '__netif_receive_skb_core', `ethertype 0x${type.toString(16).padStart(4, '0')}`);
  }

  /** Sends a complete frame out of `dev`: tc egress, the tap, then the driver. */
  devQueueXmit(dev: NetDevice, skb: Skb): void {
    if (!dev.isUp) return this.drop(dev, skb, 'DEV_READY', '__dev_queue_xmit');
    if (++skb.meta.hops > MAX_HOPS) return this.drop(dev, skb, 'HOP_LIMIT', '__dev_queue_xmit');
    if (dev.tcEgress) {
      const v = dev.tcEgress.run(skb, dev);
      if (v.kind !== 'ok') return this.applyVerdict(v, dev, skb, 'tc egress');
    }
    this.tap(dev, skb, 'out');
    dev.stats.txPackets++;
    dev.stats.txBytes += skb.data.length;
    dev.startXmit(skb);
  }

  /** What skb_do_redirect and friends do with a tc program's answer. */
  applyVerdict(v: TcVerdict, dev: NetDevice, skb: Skb, where: string): void {
    switch (v.kind) {
      case 'ok':
        return this.deliverToStack(dev, skb);
      case 'stolen':
        return;
      case 'drop':
        return this.drop(dev, skb, v.reason, where, v.detail);
      case 'redirect':
        return v.ingress ? v.dev.netns?.netifRx(v.dev, skb) : v.dev.netns?.devQueueXmit(v.dev, skb);
      case 'redirect-peer': {
        const peer = v.dev.link;
        if (!peer?.netns) return this.drop(dev, skb, 'DEV_READY', 'bpf_redirect_peer');
        return peer.netns.netifRxPeer(peer, skb);
      }
      case 'redirect-neigh':
        return redirectNeigh(this, v.dev, v.nexthop, skb);
    }
  }

  /** bpf_redirect_peer: straight into the peer's ingress, skipping the host-side device entirely. */
  netifRxPeer(dev: NetDevice, skb: Skb): void {
    this.netifRx(dev, skb);
  }

  drop(dev: NetDevice | undefined, skb: Skb, reason: DropReason, where: string, detail?: string): void {
    if (dev) dev.stats.rxDropped++;
    this.ctx.drop(this, dev, skb, reason, where, detail);
  }

  // ---- helpers the protocol handlers share -----------------------------------------------------

  /**
   * __ip_rt_update_pmtu: a "fragmentation needed" for a packet we sent lowers the path MTU towards its
   * destination for ip_rt_mtu_expires (600 s), never below ip_rt_min_pmtu (552).
   */
  learnPmtu(dst: Ipv4Addr, mtu: number): void {
    const cur = this.pmtu.get(dst | 0);
    const value = Math.max(552, mtu);
    if (cur && cur.expiresUs > this.now && cur.mtu <= value) return;
    this.pmtu.set(dst | 0, { mtu: value, expiresUs: this.now + 600_000_000 });
  }

  /** The learned path MTU towards `dst`, if one is current. */
  pmtuOf(dst: Ipv4Addr): { mtu: number; expiresUs: number } | undefined {
    if (this.pmtu.size === 0) return undefined;
    const e = this.pmtu.get(dst | 0);
    if (!e) return undefined;
    if (e.expiresUs <= this.now) {
      this.pmtu.delete(dst | 0);
      return undefined;
    }
    return e;
  }

  /** Runs `fn(arg)` after this host's forwarding delay (and so never deeper on the JS stack). */
  afterForwardingDelay<A = undefined>(fn: (arg: A) => void, arg?: A): void {
    this.ctx.scheduler.after(this.forwardDelayUs, fn, arg);
  }

  /** The source address a socket would use towards `dst`. */
  sourceFor(dst: Ipv4Addr): Ipv4Addr | undefined {
    const r = routeOutput(this, { dst });
    return r.ok ? r.value.src : undefined;
  }

  /** ip_idents_reserve: a per-destination counter that also jumps by a random amount as time passes. */
  ipIdent(dst: Ipv4Addr, src: Ipv4Addr, protocol: number): number {
    const key = ((dst ^ Math.imul(src, 0x9e3779b1) ^ (protocol << 24)) >>> 0) & 2047;
    const now = this.now;
    let e = this.idents.get(key);
    if (!e) {
      e = { id: this.ctx.rng.int(0, 65535), lastUs: now };
      this.idents.set(key, e);
    }
    const elapsedJiffies = Math.floor((now - e.lastUs) / 4000);
    e.id = (e.id + 1 + (elapsedJiffies > 0 ? this.ctx.rng.int(0, Math.min(elapsedJiffies, 65535)) : 0)) & 0xffff;
    e.lastUs = now;
    return e.id;
  }

  /** icmpv4_xrlim_allow: a token bucket per peer, `burst` deep, refilled one per icmp_ratelimit ms. */
  icmpRateAllow(peer: Ipv4Addr, burst: number): boolean {
    const rateUs = this.sysctl.getNumber('net.ipv4.icmp_ratelimit') * 1000;
    if (rateUs === 0 || this.isLocalAddr(peer)) return true;
    const now = this.now;
    const b = this.icmpTokens.get(peer) ?? { tokens: burst, lastUs: now };
    b.tokens = Math.min(burst, b.tokens + (now - b.lastUs) / rateUs);
    b.lastUs = now;
    this.icmpTokens.set(peer, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private tap(dev: NetDevice, skb: Skb, dir: 'in' | 'out'): void {
    const trace = this.ctx.trace;
    if (!trace.has('packet')) return;
    trace.emit('packet', { netns: this, dev, dir, data: copySkbData(skb.data), timeUs: this.now, traceId: skb.meta.traceId, causeTraceId: skb.meta.causeTraceId });
  }

  toString(): string {
    return `netns ${this.name}`;
  }
}

/** eth_type_trans: how the frame was addressed relative to the receiving device (or as a program set it). */
function packetType(dev: NetDevice, skb: Skb): PacketType {
  if (skb.meta.pktTypeOverride !== undefined) return skb.meta.pktTypeOverride;
  const dst = macFromBytes(skb.data, 0);
  if (dst === dev.mac) return 'host';
  if (dst === MAC_BROADCAST) return 'broadcast';
  if (isMulticastMac(dst)) return 'multicast';
  return dev.kind === 'loopback' ? 'host' : 'otherhost';
}

/** bpf_redirect_neigh: egress through `dev` with the neighbour subsystem resolving the next hop. */
function redirectNeigh(ns: Netns, dev: NetDevice, nexthop: Ipv4Addr | undefined, skb: Skb): void {
  const target = dev.netns;
  if (!target) return ns.drop(dev, skb, 'DEV_READY', 'bpf_redirect_neigh');
  neighOutput(target, dev, nexthop ?? ipv4Dst(skb.data, L3_OFF), skb);
}
