// Layer apps: the bytes iputils ping puts on the wire and reads back (ping/ping.c ping4_send_probe,
// ping4_parse_reply). The echo data is `datalen` bytes filled with i & 0xff (or -p's pattern), the first 16 of them
// overwritten by a struct timeval (x86_64: tv_sec and tv_usec as little-endian 64-bit) when the packet is
// big enough to time. Replies and ICMP errors arrive as whole Ethernet frames on the raw socket.

import type { Ipv4Addr } from '../../addr/index.js';
import {
  ICMP_DEST_UNREACH,
  ICMP_ECHO,
  ICMP_ECHOREPLY,
  ICMP_TIME_EXCEEDED,
  emitIcmp,
  icmpEcho,
  internetChecksum,
  ipv4Dst,
  ipv4HeaderLen,
  ipv4Protocol,
  ipv4Src,
  ipv4TotalLen,
  ipv4Ttl,
  readU16,
  readU32,
} from '../../wire/index.js';

/** ICMP_PARAMETERPROB (include/uapi/linux/icmp.h). */
const ICMP_PARAMETERPROB_TYPE = 12;

/** sizeof(struct timeval) on a 64-bit Linux. */
export const TIMEVAL_LEN = 16;
const ETH_LEN = 14;
const IPPROTO_ICMP = 1;

/** The echo request ping sends for `seq`, stamped with `wallUs` (gettimeofday) when timing; -p repeats `pattern`. */
export function echoRequest(ident: number, seq: number, datalen: number, wallUs: number | undefined, pattern?: readonly number[]): Uint8Array {
  const data = new Uint8Array(datalen);
  if (pattern && pattern.length > 0) for (let i = 0; i < datalen; i++) data[i] = pattern[i % pattern.length] ?? 0;
  else for (let i = 0; i < datalen; i++) data[i] = i & 0xff;
  if (wallUs !== undefined && datalen >= TIMEVAL_LEN) writeTimeval(data, 0, wallUs);
  return emitIcmp(icmpEcho('request', ident, seq), data);
}

function writeTimeval(b: Uint8Array, off: number, wallUs: number): void {
  const sec = Math.floor(wallUs / 1e6);
  const usec = wallUs - sec * 1e6;
  writeLe64(b, off, sec);
  writeLe64(b, off + 8, usec);
}

function writeLe64(b: Uint8Array, off: number, v: number): void {
  let x = v;
  for (let i = 0; i < 8; i++) {
    b[off + i] = x % 256;
    x = Math.floor(x / 256);
  }
}

function readLe64(b: Uint8Array, off: number): number {
  let v = 0;
  for (let i = 7; i >= 0; i--) v = v * 256 + (b[off + i] ?? 0);
  return v;
}

/** The timeval a reply carries back, in µs (what gather_statistics subtracts from the receive time). */
export function readTimevalUs(echoData: Uint8Array): number {
  return readLe64(echoData, 0) * 1e6 + readLe64(echoData, 8);
}

export type PingInput =
  | { readonly kind: 'reply'; readonly from: Ipv4Addr; readonly id: number; readonly seq: number; readonly ttl: number; readonly icmpLen: number; readonly data: Uint8Array; readonly isBadChecksum: boolean }
  | { readonly kind: 'error'; readonly from: Ipv4Addr; readonly type: number; readonly code: number; readonly info: number; readonly quotedDst: Ipv4Addr; readonly quotedId: number; readonly quotedSeq: number }
  | { readonly kind: 'other' };

/** Classifies an ICMP frame the raw socket handed us (ping4_parse_reply plus the IP_RECVERR error queue). */
export function classifyIcmpFrame(frame: Uint8Array): PingInput {
  const ip = ETH_LEN;
  if (frame.length < ip + 20 || ipv4Protocol(frame, ip) !== IPPROTO_ICMP) return { kind: 'other' };
  const hl = ipv4HeaderLen(frame, ip);
  const end = Math.min(frame.length, ip + ipv4TotalLen(frame, ip));
  const icmp = ip + hl;
  if (end < icmp + 8) return { kind: 'other' };
  const type = frame[icmp] ?? 0;
  const from = ipv4Src(frame, ip);
  if (type === ICMP_ECHOREPLY) {
    return {
      kind: 'reply',
      from,
      id: readU16(frame, icmp + 4),
      seq: readU16(frame, icmp + 6),
      ttl: ipv4Ttl(frame, ip),
      icmpLen: end - icmp,
      data: frame.slice(icmp + 8, end),
      isBadChecksum: internetChecksum(frame, icmp, end) !== 0,
    };
  }
  if (type !== ICMP_DEST_UNREACH && type !== ICMP_TIME_EXCEEDED && type !== ICMP_PARAMETERPROB_TYPE) return { kind: 'other' };
  const q = icmp + 8;
  if (end < q + 20) return { kind: 'other' };
  const qIcmp = q + ipv4HeaderLen(frame, q);
  if (end < qIcmp + 8 || ipv4Protocol(frame, q) !== IPPROTO_ICMP || frame[qIcmp] !== ICMP_ECHO) return { kind: 'other' };
  const rest = readU32(frame, icmp + 4);
  return {
    kind: 'error',
    from,
    type,
    code: frame[icmp + 1] ?? 0,
    // sock_extended_err.ee_info: the next-hop MTU for "frag needed", the pointer for a parameter problem.
    info: type === ICMP_DEST_UNREACH ? rest & 0xffff : type === ICMP_PARAMETERPROB_TYPE ? rest >>> 24 : 0,
    quotedDst: ipv4Dst(frame, q),
    quotedId: readU16(frame, qIcmp + 4),
    quotedSeq: readU16(frame, qIcmp + 6),
  };
}
