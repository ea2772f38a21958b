// Layer net: struct net_device. A device belongs to one network namespace, has an ifindex, a MAC, an MTU,
// IPv4 addresses, link flags, counters, and a tc hook on each side; `startXmit` is ndo_start_xmit, the
// driver's job once the stack (and any tc egress program) has decided to send a frame out of it.

import type { MacAddr } from '../addr/index.js';
import type { IfAddr } from './if-addr.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';
import type { TcProgram } from './tc.js';

export type DeviceKind = 'loopback' | 'ethernet' | 'veth' | 'dummy' | 'vxlan' | 'geneve';

export interface DeviceStats {
  rxPackets: number;
  rxBytes: number;
  rxErrors: number;
  rxDropped: number;
  rxMulticast: number;
  txPackets: number;
  txBytes: number;
  txErrors: number;
  txDropped: number;
}

export interface DeviceOptions {
  readonly name: string;
  readonly mac: MacAddr;
  readonly mtu?: number;
  readonly qdisc?: string;
  readonly txqlen?: number;
  readonly altnames?: readonly string[];
  readonly noArp?: boolean;
}

export abstract class NetDevice {
  abstract readonly kind: DeviceKind;
  ifindex = 0;
  name: string;
  mac: MacAddr;
  mtu: number;
  /** The qdisc the device gets when first brought up (until then it has "noop", as `ip link` shows). */
  defaultQdisc: string;
  txqlen: number;
  altnames: readonly string[];
  /** IFF_UP: administratively up (`ip link set dev X up`). */
  isUp = false;
  /** Whether it has ever been up: dev_activate attaches the default qdisc on the first open. */
  hasBeenUp = false;
  /** IFF_NOARP: no ARP on this device (cilium_host, cilium_net). */
  isNoArp: boolean;
  /** IFF_PROMISC. */
  isPromisc = false;
  addrs: IfAddr[] = [];
  tcIngress: TcProgram | undefined;
  tcEgress: TcProgram | undefined;
  readonly stats: DeviceStats = {
    rxPackets: 0,
    rxBytes: 0,
    rxErrors: 0,
    rxDropped: 0,
    rxMulticast: 0,
    txPackets: 0,
    txBytes: 0,
    txErrors: 0,
    txDropped: 0,
  };
  netns: Netns | undefined;

  constructor(opts: DeviceOptions) {
    this.name = opts.name;
    this.mac = opts.mac;
    this.mtu = opts.mtu ?? 1500;
    this.defaultQdisc = opts.qdisc ?? 'noqueue';
    this.txqlen = opts.txqlen ?? 1000;
    this.altnames = opts.altnames ?? [];
    this.isNoArp = opts.noArp ?? false;
  }

  /** IFF_LOWER_UP / carrier: whether frames can actually leave. */
  abstract get hasCarrier(): boolean;

  /** The qdisc `ip link` shows: "noop" until the device is first brought up. */
  get qdisc(): string {
    return this.hasBeenUp ? this.defaultQdisc : 'noop';
  }

  /** ndo_open / ndo_stop: what the driver does when the device goes up or down (a tunnel binds its socket). */
  open(_ns: Netns): void {}

  stop(): void {}

  /** ndo_start_xmit: the frame leaves through this device's medium. */
  abstract startXmit(skb: Skb): void;

  /** The device this one is stacked on or paired with, for `name@link` in `ip link` (veth peer). */
  get link(): NetDevice | undefined {
    return undefined;
  }

  /** RFC 2863 operstate as `ip link` prints it. */
  get operState(): 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN' {
    if (!this.isUp) return 'DOWN';
    return this.hasCarrier ? 'UP' : 'LOWERLAYERDOWN';
  }
}
