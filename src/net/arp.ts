// Layer net: ARP for IPv4 over Ethernet (net/ipv4/arp.c). arp_process answers requests for any local
// address of the namespace (arp_ignore=0) or, with proxy_arp, for addresses routed through another
// device; replies and requests teach the neighbour table. arp_solicit picks the sender address from the
// queued packet when that is local, else from the device (inet_select_addr at link scope).

import type { Ipv4Addr } from '../addr/index.js';
import { MAC_BROADCAST, MAC_ZERO } from '../addr/index.js';
import { ARPOP_REPLY, ARPOP_REQUEST, ETH_P_ARP, arp, emitArp, parseArp, ipv4Src } from '../wire/index.js';
import { ADDR_SCOPE_VALUE, selectSrcAddr } from './fib.js';
import { frameWith, L3_OFF, setMacs } from './frame.js';
import type { NeighEntry } from './neigh-table.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import { newMeta, type Skb } from './skb.js';

export function arpRcv(ns: Netns, dev: NetDevice, skb: Skb): void {
  if (dev.isNoArp) return ns.drop(dev, skb, 'ARP_PVLAN_DISABLE', 'arp_rcv', 'device has NOARP');
  const parsed = parseArp(skb.data.subarray(L3_OFF));
  if (!parsed.ok) return ns.drop(dev, skb, 'PKT_TOO_SMALL', 'arp_rcv');
  const h = parsed.value.header;
  const isRequest = h.op === ARPOP_REQUEST;
  const targetLocal = ns.isLocalAddr(h.tpa);
  if (isRequest && (targetLocal || proxies(ns, dev, h.tpa))) {
    ns.neigh.update(dev, h.spa, h.sha, { confirmed: false, create: true });
    sendArp(ns, dev, ARPOP_REPLY, h.tpa, h.sha, h.spa, h.sha);
    return;
  }
  // A reply, or a request that names a neighbour we know: learn (never create from a stray reply; arp_accept=0).
  const known = ns.neigh.get(dev, h.spa);
  if (known) ns.neigh.update(dev, h.spa, h.sha, { confirmed: !isRequest && targetLocal, create: false });
}

/** proxy_arp: answer for an address this namespace routes out of a different device. */
function proxies(ns: Netns, dev: NetDevice, target: Ipv4Addr): boolean {
  if (ns.sysctl.get(`net.ipv4.conf.${dev.name}.proxy_arp`) !== '1' && ns.sysctl.get('net.ipv4.conf.all.proxy_arp') !== '1') return false;
  const r = ns.fib.lookup({ dst: target });
  return r !== undefined && r.type === 'unicast' && r.dev !== dev;
}

export function arpSolicit(ns: Netns, e: NeighEntry, unicast: boolean): void {
  const queued = e.queue[0];
  const fromPkt = queued ? ipv4Src(queued.data, L3_OFF) : undefined;
  const spa =
    fromPkt !== undefined && ns.isLocalAddr(fromPkt) ? fromPkt : selectSrcAddr(ns.devices.values(), e.dev, e.ip, ADDR_SCOPE_VALUE.link) ?? (0 as Ipv4Addr);
  const dstMac = unicast && e.lladdr !== undefined ? e.lladdr : MAC_BROADCAST;
  sendArp(ns, e.dev, ARPOP_REQUEST, spa, dstMac, e.ip, unicast && e.lladdr !== undefined ? e.lladdr : MAC_ZERO);
}

function sendArp(ns: Netns, dev: NetDevice, op: number, spa: Ipv4Addr, dstMac: typeof MAC_BROADCAST, tpa: Ipv4Addr, tha: typeof MAC_ZERO): void {
  const frame = frameWith(emitArp(arp({ op, sha: dev.mac, spa, tha, tpa })), ETH_P_ARP);
  setMacs(frame, dstMac, dev.mac);
  ns.devQueueXmit(dev, { data: frame, meta: newMeta(ns.ctx.nextTraceId()) });
}
