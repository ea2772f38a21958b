// Layer tools (host): one UDP probe with a chosen TTL, as tracepath and traceroute send them, and the ICMP
// error that answers it (IP_RECVERR): a raw ICMP socket sees every ICMP packet the namespace receives, and
// the one quoting this probe's ports says who answered, how (time exceeded, port/net/host unreachable,
// fragmentation needed) and with what TTL it arrived. Time is the lab's virtual clock.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { L3_OFF } from '../../net/frame.js';
import { sendIp } from '../../net/ip-send.js';
import { RawSocket } from '../../net/raw-socket.js';
import type { Errno } from '../../net/netlink-error.js';
import {
  ICMP_DEST_UNREACH,
  ICMP_TIME_EXCEEDED,
  IPPROTO_ICMP,
  IPPROTO_UDP,
  UDP_HEADER_LEN,
  icmpCode,
  icmpNextHopMtu,
  icmpType,
  ipv4Dst,
  ipv4HeaderLen,
  ipv4Protocol,
  ipv4Src,
  ipv4Ttl,
  udpDstPort,
  udpSrcPort,
  writeUdp,
} from '../../wire/index.js';
import type { Process } from '../process.js';

export interface ProbeSpec {
  readonly dst: Ipv4Addr;
  readonly ttl: number;
  readonly srcPort: number;
  readonly dstPort: number;
  /** Total IP packet length. */
  readonly length: number;
  readonly timeoutUs: number;
  /** IP_PMTUDISC_PROBE/DO: DF set, no local fragmentation. */
  readonly df: boolean;
}

export type ProbeResult =
  | { readonly kind: 'answer'; readonly from: Ipv4Addr; readonly type: number; readonly code: number; readonly rttUs: number; readonly replyTtl: number; readonly mtu: number }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'local-error'; readonly errno: Errno; readonly mtu: number | undefined };

export async function sendProbe(p: Process, ns: Netns, s: ProbeSpec): Promise<ProbeResult> {
  const sock = new RawSocket(ns, IPPROTO_ICMP);
  let result: ProbeResult | undefined;
  const sentUs = ns.now;
  sock.onPacket = (skb) => {
    const answer = matchError(skb.data, s);
    if (answer && !result) result = { kind: 'answer', ...answer, rttUs: ns.now - sentUs };
  };
  const udpLen = Math.max(UDP_HEADER_LEN, s.length - 20);
  const payload = new Uint8Array(udpLen - UDP_HEADER_LEN);
  const r = sendIp(ns, { dst: s.dst, protocol: IPPROTO_UDP, ttl: s.ttl, df: s.df, pmtudisc: s.df ? 'do' : 'want' }, udpLen, (frame, off, src) => {
    writeUdp(frame, off, { srcPort: s.srcPort, dstPort: s.dstPort }, payload, { src, dst: s.dst });
  });
  if (!r.ok) {
    sock.close();
    return { kind: 'local-error', errno: r.errno, mtu: r.mtu };
  }
  await p.until(() => result !== undefined, s.timeoutUs);
  sock.close();
  return result ?? { kind: 'timeout' };
}

/** An ICMP error quoting a UDP packet with our ports and destination. */
function matchError(b: Uint8Array, s: ProbeSpec): { from: Ipv4Addr; type: number; code: number; replyTtl: number; mtu: number } | undefined {
  if (b.length < L3_OFF + 20 || ipv4Protocol(b, L3_OFF) !== IPPROTO_ICMP) return undefined;
  const icmp = L3_OFF + ipv4HeaderLen(b, L3_OFF);
  const type = icmpType(b, icmp);
  if (type !== ICMP_TIME_EXCEEDED && type !== ICMP_DEST_UNREACH) return undefined;
  const quoted = icmp + 8;
  if (b.length < quoted + 28 || ipv4Protocol(b, quoted) !== IPPROTO_UDP || ipv4Dst(b, quoted) !== s.dst) return undefined;
  const l4 = quoted + ipv4HeaderLen(b, quoted);
  if (udpSrcPort(b, l4) !== s.srcPort || udpDstPort(b, l4) !== s.dstPort) return undefined;
  return { from: ipv4Src(b, L3_OFF), type, code: icmpCode(b, icmp), replyTtl: ipv4Ttl(b, L3_OFF), mtu: icmpNextHopMtu(b, icmp) };
}

/** How traceroute marks an unreachable answer ("" for port unreachable from the target). */
export function unreachMark(type: number, code: number): string {
  if (type !== ICMP_DEST_UNREACH) return '';
  const marks: Readonly<Record<number, string>> = { 0: '!N', 1: '!H', 2: '!P', 4: '!F', 5: '!S', 9: '!X', 10: '!X', 13: '!X' };
  return code === 3 ? '' : marks[code] ?? `!<${code}>`;
}
