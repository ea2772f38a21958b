// Layer tools (ip): what RTM_GETLINK reports for a NetDevice, derived from its kind and state: ifi_flags
// (dev_get_flags: RUNNING/LOWER_UP only while up), the link type, the `@peer` link and, for a veth whose peer
// lives in another namespace, that namespace's id or name (IFLA_LINK_NETNSID). Shared by ip and ifconfig.

import type { Machine } from '../../net/machine.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Netns } from '../../net/netns.js';
import { netnsName } from './netns-names.js';

/** IFF_* bits, for ifconfig's flags=N and ip's <...> list. */
export const IFF = {
  UP: 0x1,
  BROADCAST: 0x2,
  LOOPBACK: 0x8,
  POINTOPOINT: 0x10,
  RUNNING: 0x40,
  NOARP: 0x80,
  PROMISC: 0x100,
  ALLMULTI: 0x200,
  MULTICAST: 0x1000,
  LOWER_UP: 0x10000,
} as const;

/** dev_get_flags(). */
export function ifFlags(dev: NetDevice): number {
  let f = 0;
  if (dev.kind === 'loopback') f |= IFF.LOOPBACK;
  else f |= IFF.BROADCAST;
  // dummy_setup() clears IFF_MULTICAST and sets IFF_NOARP; loopback has neither.
  if (dev.kind !== 'loopback' && dev.kind !== 'dummy') f |= IFF.MULTICAST;
  if (dev.isNoArp || dev.kind === 'dummy') f |= IFF.NOARP;
  if (dev.isPromisc) f |= IFF.PROMISC;
  if (dev.isUp) {
    f |= IFF.UP;
    if (dev.hasCarrier) f |= IFF.RUNNING | IFF.LOWER_UP;
  }
  return f;
}

/** ll_type_n2a(ifi_type). */
export function linkType(dev: NetDevice): 'loopback' | 'ether' {
  return dev.kind === 'loopback' ? 'loopback' : 'ether';
}

/** IFLA_INFO_KIND: what `ip -d link` prints on its third line and `type` filters on. */
export function linkKind(dev: NetDevice): string | undefined {
  return dev.kind === 'loopback' || dev.kind === 'ethernet' ? undefined : dev.kind;
}

export interface LinkPeer {
  /** ifindex of the peer (IFLA_LINK). */
  readonly ifindex: number;
  readonly dev: NetDevice;
  /** Set when the peer is in another namespace (IFLA_LINK_NETNSID). */
  readonly netnsid: number | undefined;
  /** The peer namespace's name under /run/netns, if it has one. */
  readonly netnsName: string | undefined;
}

export function linkPeer(dev: NetDevice, ns: Netns, machine: Machine | undefined): LinkPeer | undefined {
  const peer = dev.link;
  if (!peer) return undefined;
  const peerNs = peer.netns;
  if (!peerNs || peerNs === ns) return { ifindex: peer.ifindex, dev: peer, netnsid: undefined, netnsName: undefined };
  return { ifindex: peer.ifindex, dev: peer, netnsid: netnsId(ns, peerNs) ?? 0, netnsName: peerNs === machine?.root ? undefined : netnsName(machine, peerNs) };
}

/**
 * peernet2id as seen from `from`: ids are handed out 0, 1, ... as the namespace first refers to another one,
 * which for a veth is when the pair is made; so: the order of first appearance over `from`'s devices.
 */
export function netnsId(from: Netns, to: Netns): number | undefined {
  const seen: Netns[] = [];
  for (const d of devicesInOrder(from)) {
    const peerNs = d.link?.netns;
    if (peerNs && peerNs !== from && !seen.includes(peerNs)) seen.push(peerNs);
  }
  const i = seen.indexOf(to);
  return i < 0 ? undefined : i;
}

/** The devices of a namespace in ifindex order (the order of a link dump). */
export function devicesInOrder(ns: Netns): NetDevice[] {
  return [...ns.devices.values()].sort((a, b) => a.ifindex - b.ifindex);
}
