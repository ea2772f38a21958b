// Layer net: icmp_send (net/ipv4/icmp.c) for the errors the kernel raises: time exceeded, destination
// unreachable (net, host, protocol, port, fragmentation needed). No error answers an ICMP error, a
// non-first fragment, or a broadcast; the source is the original destination when that was local, else the
// address the route back picks; TOS gets the internetwork-control precedence; errors to one peer are
// rate-limited (a token bucket of 6, one per icmp_ratelimit = 1 s).

import type { Ipv4Addr } from '../addr/index.js';
import { IPV4_BROADCAST, isMulticast } from '../addr/index.js';
import {
  ICMP_DEST_UNREACH,
  ICMP_TIME_EXCEEDED,
  IPPROTO_ICMP,
  emitIcmpError,
  ipv4Dst,
  IP_OFFSET,
  ipv4FragWord,
  ipv4Protocol,
  ipv4Src,
  ipv4Tos,
  icmpType,
} from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { l4Offset } from './ip-input.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';
import { sendIpPacket } from './ip-send.js';

const UNREACH_CODES = { net: 0, host: 1, protocol: 2, port: 3, 'frag-needed': 4, filtered: 13 } as const;
export type UnreachKind = keyof typeof UNREACH_CODES;

const ICMP_ERROR_TYPES = new Set([3, 4, 5, 11, 12]);
const XRLIM_BURST = 6;

export function icmpSendTimeExceeded(ns: Netns, skb: Skb, code: 0 | 1): void {
  icmpSend(ns, skb, ICMP_TIME_EXCEEDED, code, 0);
}

export function icmpSendUnreachable(ns: Netns, skb: Skb, kind: UnreachKind): void {
  icmpSend(ns, skb, ICMP_DEST_UNREACH, UNREACH_CODES[kind], 0);
}

export function icmpSendFragNeeded(ns: Netns, skb: Skb, mtu: number): void {
  icmpSend(ns, skb, ICMP_DEST_UNREACH, UNREACH_CODES['frag-needed'], mtu);
}

export function icmpSendHostUnreachable(ns: Netns, skb: Skb): void {
  icmpSendUnreachable(ns, skb, 'host');
}

function icmpSend(ns: Netns, skb: Skb, type: number, code: number, mtu: number): void {
  const b = skb.data;
  const origDst = ipv4Dst(b, L3_OFF);
  const origSrc = ipv4Src(b, L3_OFF);
  if (origDst === IPV4_BROADCAST || isMulticast(origDst) || origSrc === 0 || isMulticast(origSrc)) return;
  if ((ipv4FragWord(b, L3_OFF) & IP_OFFSET) !== 0) return;
  if (ipv4Protocol(b, L3_OFF) === IPPROTO_ICMP && ICMP_ERROR_TYPES.has(icmpType(b, l4Offset(skb)))) return;
  if (!ns.icmpRateAllow(origSrc, XRLIM_BURST)) return;
  const src: Ipv4Addr | undefined = ns.isLocalAddr(origDst) ? origDst : undefined;
  const icmp = emitIcmpError(type, code, b.subarray(L3_OFF), { nextHopMtu: mtu });
  const tos = (ipv4Tos(b, L3_OFF) & 0x1e) | 0xc0;
  sendIpPacket(ns, { dst: origSrc, src, protocol: IPPROTO_ICMP, tos, ttl: 64, df: false, causeTraceId: skb.meta.traceId }, icmp);
}
