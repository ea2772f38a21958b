// Layer net: the IPv4 receive path (net/ipv4/ip_input.c + ip_route_input_slow in route.c). ipRcv checks
// the header and decides: local delivery (a local or broadcast route), forwarding (when the ingress device
// forwards), or a drop — without ICMP when forwarding is off (IP_INADDRERRORS), with "net unreachable"
// when there is no route (IP_INNOROUTES). ipLocalDeliver reassembles and hands the packet to its protocol.

import { IPV4_ANY, IPV4_BROADCAST, type Ipv4Addr } from '../addr/index.js';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, IP_MF, IP_OFFSET, ipv4Dst, ipv4FragWord, ipv4HeaderLen, ipv4Protocol, ipv4Src, ipv4HeaderError, ipv4TotalLen } from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { ipForward } from './ip-forward.js';
import { icmpRcv } from './icmp.js';
import { icmpSendUnreachable } from './icmp-send.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import { describeRoute } from './route-text.js';
import type { PacketType, Skb } from './skb.js';
import { tcpRcv } from './tcp/tcp-input.js';
import { udpRcv } from './udp.js';

/** ip_route_input's flowi4 (on the kernel's stack): one key reused by every lookup, which keeps none. */
const inputFlow: { dst: Ipv4Addr; src: Ipv4Addr; iif: string; mark: number } = { dst: IPV4_ANY, src: IPV4_ANY, iif: '', mark: 0 };

export function ipRcv(ns: Netns, dev: NetDevice, skb: Skb, pktType: PacketType): void {
  if (pktType === 'otherhost') return ns.drop(dev, skb, 'OTHERHOST', 'ip_rcv_core');
  const b = skb.data;
  const bad = ipv4HeaderError(b, L3_OFF);
  if (bad !== undefined) return ns.drop(dev, skb, bad === 'bad-checksum' ? 'IP_CSUM' : bad === 'truncated' ? 'PKT_TOO_SMALL' : 'IP_INHDR', 'ip_rcv_core', bad);
  const total = ipv4TotalLen(b, L3_OFF);
  if (b.length > L3_OFF + total) skb.data = b.subarray(0, L3_OFF + total);
  const dst = ipv4Dst(skb.data, L3_OFF);
  const src = ipv4Src(skb.data, L3_OFF);
  if (src >>> 24 === 127 && dev.kind !== 'loopback') return ns.drop(dev, skb, 'IP_INADDRERRORS', 'ip_route_input_slow', 'martian source');
  if (dst === IPV4_BROADCAST) return ipLocalDeliver(ns, dev, skb);
  const flow = inputFlow;
  flow.dst = dst;
  flow.src = src;
  flow.iif = dev.name;
  flow.mark = skb.meta.mark;
  const r = ns.fib.lookup(flow);
  if (r && (r.type === 'local' || r.type === 'broadcast')) return ipLocalDeliver(ns, dev, skb);
  const forwarding = ns.sysctl.isForwarding(dev.name);
  if (!r || r.type !== 'unicast') {
    if (!forwarding) return ns.drop(dev, skb, 'IP_INADDRERRORS', 'ip_error', 'forwarding disabled and no local address');
    icmpSendUnreachable(ns, skb, r?.type === 'prohibit' ? 'filtered' : r?.type === 'unreachable' ? 'host' : 'net');
    return ns.drop(dev, skb, 'IP_INNOROUTES', 'ip_error', 'no route to destination');
  }
  if (!forwarding) return ns.drop(dev, skb, 'IP_INADDRERRORS', 'ip_error', `forwarding is disabled on ${dev.name}`);
  if (ns.ctx.isTracingHops) ns.ctx.hop({ netns: ns, dev, traceId: skb.meta.traceId, stage: 'fib', decision: 'forward', detail: { route: describeRoute(r) } });
  ipForward(ns, dev, skb, r);
}

export function ipLocalDeliver(ns: Netns, dev: NetDevice, skb: Skb): void {
  let pkt: Skb | undefined = skb;
  if ((ipv4FragWord(skb.data, L3_OFF) & (IP_MF | IP_OFFSET)) !== 0) {
    pkt = ns.reassembler.add(skb);
    if (!pkt) return;
  }
  const proto = ipv4Protocol(pkt.data, L3_OFF);
  const raw = ns.sockets.deliverRaw(pkt, proto);
  switch (proto) {
    case IPPROTO_ICMP:
      return icmpRcv(ns, dev, pkt);
    case IPPROTO_UDP:
      return udpRcv(ns, dev, pkt);
    case IPPROTO_TCP:
      return tcpRcv(ns, dev, pkt);
    default:
      if (raw) return;
      icmpSendUnreachable(ns, pkt, 'protocol');
      return ns.drop(dev, pkt, 'IP_NOPROTO', 'ip_protocol_deliver_rcu', `protocol ${proto}`);
  }
}

export function l4Offset(skb: Skb): number {
  return L3_OFF + ipv4HeaderLen(skb.data, L3_OFF);
}

