// Layer net: icmp_rcv (net/ipv4/icmp.c). An echo request is answered (icmp_echo: same id, sequence and
// data, from the address it was sent to, no DF, a fresh IP id); errors are passed to the socket whose
// packet they quote (UDP and TCP get ECONNREFUSED, EHOSTUNREACH, ...); raw sockets have had their copy.

import { ICMP_DEST_UNREACH, ICMP_ECHO, ICMP_TIME_EXCEEDED, IPPROTO_ICMP, emitIcmp, icmpEcho, icmpType, ipv4Dst, ipv4Src, parseIcmp } from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { l4Offset } from './ip-input.js';
import { sendIpPacket } from './ip-send.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';

export function icmpRcv(ns: Netns, dev: NetDevice, skb: Skb): void {
  const off = l4Offset(skb);
  const type = icmpType(skb.data, off);
  if (type === ICMP_ECHO) return icmpEchoReply(ns, dev, skb, off);
  if (type === ICMP_DEST_UNREACH || type === ICMP_TIME_EXCEEDED) ns.sockets.deliverIcmpError(skb, off);
}

function icmpEchoReply(ns: Netns, dev: NetDevice, skb: Skb, off: number): void {
  if (ns.sysctl.get('net.ipv4.icmp_echo_ignore_all') === '1') return ns.drop(dev, skb, 'NOT_SPECIFIED', 'icmp_echo', 'icmp_echo_ignore_all');
  const parsed = parseIcmp(skb.data.subarray(off));
  if (!parsed.ok) return ns.drop(dev, skb, parsed.error.kind === 'bad-checksum' ? 'NOT_SPECIFIED' : 'PKT_TOO_SMALL', 'icmp_rcv', parsed.error.detail);
  const h = parsed.value.header;
  if (h.kind !== 'echo') return;
  const dst = ipv4Dst(skb.data, L3_OFF);
  const src = ns.isLocalAddr(dst) ? dst : undefined;
  const reply = emitIcmp(icmpEcho('reply', h.id, h.seq), parsed.value.payload);
  const o = { dst: ipv4Src(skb.data, L3_OFF), src, protocol: IPPROTO_ICMP, df: false, causeTraceId: skb.meta.traceId };
  // The reply leaves after the host's softirq work, so even a loopback or same-node ping takes some time.
  ns.afterForwardingDelay(() => sendIpPacket(ns, o, reply));
}
