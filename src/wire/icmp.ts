// Layer wire: ICMP for IPv4 (RFC 792): echo request/reply, destination unreachable (with the next-hop MTU
// of RFC 1191 for code 4, "fragmentation needed"), time exceeded, and a generic form for the rest. The
// checksum covers the whole ICMP message. Error messages quote the offending datagram as Linux's
// __icmp_send() does: as much as fits in 576 bytes of IP (net/ipv4/icmp.c, "room").

import { readU16, readU32, writeU16, writeU32 } from './bytes.js';
import { internetChecksum } from './checksum.js';
import { IPV4_HEADER_LEN, ipv4TotalLen, ipv4Version } from './ipv4.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const ICMP_HEADER_LEN = 8;
// Types (Linux include/uapi/linux/icmp.h names).
export const ICMP_ECHOREPLY = 0;
export const ICMP_DEST_UNREACH = 3;
export const ICMP_ECHO = 8;
export const ICMP_TIME_EXCEEDED = 11;
// Codes for ICMP_DEST_UNREACH.
export const ICMP_NET_UNREACH = 0;
export const ICMP_HOST_UNREACH = 1;
export const ICMP_PROT_UNREACH = 2;
export const ICMP_PORT_UNREACH = 3;
export const ICMP_FRAG_NEEDED = 4;
export const ICMP_PKT_FILTERED = 13;
// Codes for ICMP_TIME_EXCEEDED.
export const ICMP_EXC_TTL = 0;
export const ICMP_EXC_FRAGTIME = 1;
/** RFC 1812 §4.3.2.3 / Linux: an ICMP error's IP datagram is at most 576 bytes. */
export const ICMP_ERROR_MAX_IP_LEN = 576;
/** Bytes of the original datagram a Linux ICMP error quotes at most: 576 - 20 (IP) - 8 (ICMP). */
export const ICMP_ERROR_MAX_QUOTE = ICMP_ERROR_MAX_IP_LEN - IPV4_HEADER_LEN - ICMP_HEADER_LEN;

const OFF = { type: 0, code: 1, checksum: 2, rest: 4, id: 4, seq: 6, mtu: 6 } as const;

/** Echo request (type 8) or reply (type 0); the payload is the echo data. */
export interface IcmpEchoHeader {
  readonly kind: 'echo';
  readonly type: typeof ICMP_ECHO | typeof ICMP_ECHOREPLY;
  readonly code: number;
  readonly id: number;
  readonly seq: number;
  readonly checksum?: number;
}

/** Destination unreachable; `nextHopMtu` is meaningful for ICMP_FRAG_NEEDED (RFC 1191) and 0 otherwise. */
export interface IcmpDestUnreachHeader {
  readonly kind: 'dest-unreach';
  readonly type: typeof ICMP_DEST_UNREACH;
  readonly code: number;
  readonly nextHopMtu: number;
  readonly checksum?: number;
}

export interface IcmpTimeExceededHeader {
  readonly kind: 'time-exceeded';
  readonly type: typeof ICMP_TIME_EXCEEDED;
  readonly code: number;
  readonly checksum?: number;
}

/** Any other message, or one whose unused bytes are not zero: the 32-bit rest-of-header kept raw. */
export interface IcmpOtherHeader {
  readonly kind: 'other';
  readonly type: number;
  readonly code: number;
  readonly rest: number;
  readonly checksum?: number;
}

export type IcmpHeader = IcmpEchoHeader | IcmpDestUnreachHeader | IcmpTimeExceededHeader | IcmpOtherHeader;
export type ParsedIcmpHeader = IcmpHeader & { readonly checksum: number };

export interface IcmpParseOptions {
  /** Default true: a message whose checksum does not verify is a 'bad-checksum' error. */
  readonly verifyChecksum?: boolean;
}

/** Parses an ICMP message (the IPv4 payload). @example parseIcmp(ip.payload).value.header.kind === 'echo' */
export function parseIcmp(b: Uint8Array, opts: IcmpParseOptions = {}): WireResult<Parsed<ParsedIcmpHeader>> {
  if (b.length < ICMP_HEADER_LEN) return wireErr('truncated', 'icmp', b.length, `${b.length} < ${ICMP_HEADER_LEN} bytes`);
  if (opts.verifyChecksum !== false && internetChecksum(b) !== 0) {
    return wireErr('bad-checksum', 'icmp', OFF.checksum, `checksum 0x${readU16(b, OFF.checksum).toString(16).padStart(4, '0')}`);
  }
  return wireOk({ header: readIcmpHeader(b, 0), payload: b.subarray(ICMP_HEADER_LEN) });
}

export function readIcmpHeader(b: Uint8Array, off: number): ParsedIcmpHeader {
  const type = b[off + OFF.type] ?? 0;
  const code = b[off + OFF.code] ?? 0;
  const checksum = readU16(b, off + OFF.checksum);
  const rest = readU32(b, off + OFF.rest);
  if (type === ICMP_ECHO || type === ICMP_ECHOREPLY) {
    return { kind: 'echo', type, code, id: rest >>> 16, seq: rest & 0xffff, checksum };
  }
  if (type === ICMP_DEST_UNREACH && rest >>> 16 === 0) {
    return { kind: 'dest-unreach', type, code, nextHopMtu: rest & 0xffff, checksum };
  }
  if (type === ICMP_TIME_EXCEEDED && rest === 0) return { kind: 'time-exceeded', type, code, checksum };
  return { kind: 'other', type, code, rest, checksum };
}

function restOfHeader(h: IcmpHeader): number {
  switch (h.kind) {
    case 'echo':
      return (((h.id & 0xffff) << 16) | (h.seq & 0xffff)) >>> 0;
    case 'dest-unreach':
      return h.nextHopMtu & 0xffff;
    case 'time-exceeded':
      return 0;
    case 'other':
      return h.rest >>> 0;
  }
}

/** Emits header + payload with the checksum computed over both (unless `h.checksum` is given). */
export function emitIcmp(h: IcmpHeader, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(ICMP_HEADER_LEN + payload.length);
  out[OFF.type] = h.type & 0xff;
  out[OFF.code] = h.code & 0xff;
  writeU32(out, OFF.rest, restOfHeader(h));
  out.set(payload, ICMP_HEADER_LEN);
  writeU16(out, OFF.checksum, h.checksum ?? internetChecksum(out));
  return out;
}

/** @example emitIcmp(icmpEcho('request', 0x1b40, 1), data) */
export function icmpEcho(dir: 'request' | 'reply', id: number, seq: number): IcmpEchoHeader {
  return { kind: 'echo', type: dir === 'request' ? ICMP_ECHO : ICMP_ECHOREPLY, code: 0, id, seq };
}

export interface IcmpErrorOptions {
  /** For ICMP_DEST_UNREACH / ICMP_FRAG_NEEDED: the MTU of the next hop (RFC 1191). */
  readonly nextHopMtu?: number;
  /** Most bytes of the original datagram to quote (default ICMP_ERROR_MAX_QUOTE = 548). */
  readonly maxLen?: number;
}

/**
 * Builds an ICMP error message quoting `originalIpPacket` the way __icmp_send() does: the datagram from its
 * IP header on, trimmed to its tot_len, then to `maxLen` bytes (min(route MTU, 576) - 20 - 8 in Linux).
 * @example emitIcmpError(ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, pkt, { nextHopMtu: 1450 })
 */
export function emitIcmpError(type: number, code: number, originalIpPacket: Uint8Array, opts: IcmpErrorOptions = {}): Uint8Array {
  const maxLen = opts.maxLen ?? ICMP_ERROR_MAX_QUOTE;
  const quoteLen = Math.max(0, Math.min(datagramLen(originalIpPacket), maxLen));
  const quote = originalIpPacket.subarray(0, quoteLen);
  const mtu = opts.nextHopMtu ?? 0;
  const h: IcmpHeader =
    type === ICMP_DEST_UNREACH
      ? { kind: 'dest-unreach', type, code, nextHopMtu: mtu }
      : type === ICMP_TIME_EXCEEDED
        ? { kind: 'time-exceeded', type, code }
        : { kind: 'other', type, code, rest: mtu };
  return emitIcmp(h, quote);
}

/** Length of the datagram as the kernel sees it after ip_rcv() trimmed it to tot_len. */
function datagramLen(b: Uint8Array): number {
  if (b.length < IPV4_HEADER_LEN || ipv4Version(b) !== 4) return b.length;
  const total = ipv4TotalLen(b);
  return total >= IPV4_HEADER_LEN && total < b.length ? total : b.length;
}

// Hot-path accessors (off = start of the ICMP message).
export function icmpType(b: Uint8Array, off = 0): number {
  return b[off + OFF.type] ?? 0;
}

export function icmpCode(b: Uint8Array, off = 0): number {
  return b[off + OFF.code] ?? 0;
}

export function icmpEchoId(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.id);
}

export function icmpEchoSeq(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.seq);
}

export function icmpNextHopMtu(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.mtu);
}
