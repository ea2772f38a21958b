// Layer wire: the IPv4 header (RFC 791 §3.1, Linux `struct iphdr`): version/ihl, tos (DSCP/ECN, RFC 2474/3168),
// tot_len, id, DF/MF flags and the fragment offset in 8-byte units, ttl, protocol, header checksum, saddr,
// daddr, options (raw bytes, padded to 4). parse validates like ip_rcv_core(): version, ihl >= 5, tot_len
// against the buffer, the header checksum; the payload is trimmed to tot_len (drops Ethernet padding).

import { ipv4FromBytes, writeIpv4, type Ipv4Addr } from '../addr/index.js';
import { readU16, writeU16 } from './bytes.js';
import { foldSum, internetChecksum, onesSum } from './checksum.js';
import { wireErr, wireOk, type Parsed, type WireErrorKind, type WireResult } from './wire-result.js';

export const IPV4_HEADER_LEN = 20;
export const IPV4_MAX_HEADER_LEN = 60;
export const IPPROTO_ICMP = 1;
export const IPPROTO_TCP = 6;
export const IPPROTO_UDP = 17;
export const IP_DF = 0x4000;
export const IP_MF = 0x2000;
export const IP_OFFSET = 0x1fff;

const OFF = { verIhl: 0, tos: 1, totalLength: 2, id: 4, fragOff: 6, ttl: 8, protocol: 9, checksum: 10, src: 12, dst: 16 } as const;

/** Input to emitIpv4 and output of parseIpv4. ihl, totalLength and checksum are computed when absent. */
export interface Ipv4Header {
  readonly tos: number;
  readonly id: number;
  /** RFC 791 "DF" (don't fragment). */
  readonly df: boolean;
  /** RFC 791 "MF" (more fragments). */
  readonly mf: boolean;
  /** In 8-byte units. */
  readonly fragOffset: number;
  readonly ttl: number;
  readonly protocol: number;
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  /** Raw option bytes; emit pads them with zeros (EOL) to a multiple of 4. */
  readonly options?: Uint8Array;
  /** Header length in bytes (ihl * 4). */
  readonly headerLen?: number;
  readonly totalLength?: number;
  readonly checksum?: number;
}

export type ParsedIpv4Header = Ipv4Header & {
  readonly options: Uint8Array;
  readonly headerLen: number;
  readonly totalLength: number;
  readonly checksum: number;
};

export interface Ipv4ParseOptions {
  /** Default true: a header whose checksum does not verify is a 'bad-checksum' error. */
  readonly verifyChecksum?: boolean;
}

/** @example parseIpv4(frame.subarray(14)) // header.src, header.dst, payload = the L4 bytes */
export function parseIpv4(b: Uint8Array, opts: Ipv4ParseOptions = {}): WireResult<Parsed<ParsedIpv4Header>> {
  if (b.length < IPV4_HEADER_LEN) return wireErr('truncated', 'ipv4', b.length, `${b.length} < ${IPV4_HEADER_LEN} bytes`);
  const version = (b[OFF.verIhl] ?? 0) >>> 4;
  if (version !== 4) return wireErr('bad-version', 'ipv4', 0, `version ${version}`);
  const headerLen = ((b[OFF.verIhl] ?? 0) & 0x0f) * 4;
  if (headerLen < IPV4_HEADER_LEN) return wireErr('bad-header-len', 'ipv4', 0, `ihl ${headerLen / 4} < 5`);
  if (b.length < headerLen) return wireErr('truncated', 'ipv4', b.length, `${b.length} < header length ${headerLen}`);
  const totalLength = readU16(b, OFF.totalLength);
  if (totalLength < headerLen) return wireErr('bad-length', 'ipv4', OFF.totalLength, `tot_len ${totalLength} < header length ${headerLen}`);
  if (totalLength > b.length) return wireErr('truncated', 'ipv4', b.length, `${b.length} < tot_len ${totalLength}`);
  if (opts.verifyChecksum !== false && internetChecksum(b, 0, headerLen) !== 0) {
    return wireErr('bad-checksum', 'ipv4', OFF.checksum, `checksum 0x${readU16(b, OFF.checksum).toString(16).padStart(4, '0')}`);
  }
  return wireOk({ header: readIpv4Header(b, 0), payload: b.subarray(headerLen, totalLength) });
}

/** What ip_rcv_core would reject in the header at `off` (none: undefined), without allocating. */
export function ipv4HeaderError(b: Uint8Array, off: number): WireErrorKind | undefined {
  if (b.length < off + IPV4_HEADER_LEN) return 'truncated';
  if ((b[off + OFF.verIhl] ?? 0) >>> 4 !== 4) return 'bad-version';
  const headerLen = ((b[off + OFF.verIhl] ?? 0) & 0x0f) * 4;
  if (headerLen < IPV4_HEADER_LEN) return 'bad-header-len';
  const totalLength = readU16(b, off + OFF.totalLength);
  if (totalLength < headerLen) return 'bad-length';
  if (b.length < off + totalLength) return 'truncated';
  if (headerSumBad(b, off, headerLen)) return 'bad-checksum';
  return undefined;
}

/** Whether the header checksum fails: the fixed header's ten words spelled out, options in a loop. */
function headerSumBad(b: Uint8Array, off: number, headerLen: number): boolean {
  let sum =
    readU16(b, off) + readU16(b, off + 2) + readU16(b, off + 4) + readU16(b, off + 6) + readU16(b, off + 8) +
    readU16(b, off + 10) + readU16(b, off + 12) + readU16(b, off + 14) + readU16(b, off + 16) + readU16(b, off + 18);
  if (headerLen > IPV4_HEADER_LEN) sum = onesSum(b, off + IPV4_HEADER_LEN, off + headerLen, sum);
  return foldSum(sum) !== 0xffff;
}

/** Reads every field at `off` without validation (callers check lengths first). */
export function readIpv4Header(b: Uint8Array, off: number): ParsedIpv4Header {
  const headerLen = ipv4HeaderLen(b, off);
  const fragOff = readU16(b, off + OFF.fragOff);
  return {
    tos: b[off + OFF.tos] ?? 0,
    id: readU16(b, off + OFF.id),
    df: (fragOff & IP_DF) !== 0,
    mf: (fragOff & IP_MF) !== 0,
    fragOffset: fragOff & IP_OFFSET,
    ttl: b[off + OFF.ttl] ?? 0,
    protocol: b[off + OFF.protocol] ?? 0,
    src: ipv4FromBytes(b, off + OFF.src),
    dst: ipv4FromBytes(b, off + OFF.dst),
    options: b.subarray(off + IPV4_HEADER_LEN, off + headerLen),
    headerLen,
    totalLength: readU16(b, off + OFF.totalLength),
    checksum: readU16(b, off + OFF.checksum),
  };
}

function paddedOptionsLen(h: Ipv4Header): number {
  return ((h.options?.length ?? 0) + 3) & ~3;
}

/** Header length emitIpv4 will write for `h`. */
export function ipv4EmitHeaderLen(h: Ipv4Header): number {
  return h.headerLen ?? IPV4_HEADER_LEN + paddedOptionsLen(h);
}

/** Writes the header at `off` for a payload of `payloadLen` bytes; returns the header length. Throws RangeError past 40 bytes of options. */
export function writeIpv4Header(b: Uint8Array, off: number, h: Ipv4Header, payloadLen: number): number {
  const headerLen = ipv4EmitHeaderLen(h);
  if (headerLen > IPV4_MAX_HEADER_LEN) throw new RangeError(`IPv4 header of ${headerLen} > 60 bytes`);
  // Every byte is written below (fill() costs more than the header for 20 bytes): only option space not
  // covered by `options` needs zeroing.
  if (headerLen > IPV4_HEADER_LEN) b.fill(0, off + IPV4_HEADER_LEN, off + headerLen);
  const verIhlTos = ((0x40 | ((headerLen >>> 2) & 0x0f)) << 8) | (h.tos & 0xff);
  const totalLength = (h.totalLength ?? headerLen + payloadLen) & 0xffff;
  const fragWord = (h.df ? IP_DF : 0) | (h.mf ? IP_MF : 0) | (h.fragOffset & IP_OFFSET);
  const ttlProtocol = ((h.ttl & 0xff) << 8) | (h.protocol & 0xff);
  writeU16(b, off + OFF.verIhl, verIhlTos);
  writeU16(b, off + OFF.totalLength, totalLength);
  writeU16(b, off + OFF.id, h.id);
  writeU16(b, off + OFF.fragOff, fragWord);
  writeU16(b, off + OFF.ttl, ttlProtocol);
  writeIpv4(b, off + OFF.src, h.src);
  writeIpv4(b, off + OFF.dst, h.dst);
  if (h.options) b.set(h.options.subarray(0, headerLen - IPV4_HEADER_LEN), off + IPV4_HEADER_LEN);
  // The sum of the fixed header's words is known from the fields; only options are read back.
  const fixedSum = verIhlTos + totalLength + (h.id & 0xffff) + fragWord + ttlProtocol + (h.src >>> 16) + (h.src & 0xffff) + (h.dst >>> 16) + (h.dst & 0xffff);
  const sum = headerLen > IPV4_HEADER_LEN ? onesSum(b, off + IPV4_HEADER_LEN, off + headerLen, fixedSum) : fixedSum;
  writeU16(b, off + OFF.checksum, h.checksum ?? ~foldSum(sum) & 0xffff);
  return headerLen;
}

/** @example emitIpv4({ tos: 0, id: 1, df: true, mf: false, fragOffset: 0, ttl: 64, protocol: IPPROTO_ICMP, src, dst }, icmp) */
export function emitIpv4(h: Ipv4Header, payload: Uint8Array): Uint8Array {
  const headerLen = ipv4EmitHeaderLen(h);
  const out = new Uint8Array(headerLen + payload.length);
  writeIpv4Header(out, 0, h, payload.length);
  out.set(payload, headerLen);
  return out;
}

/** True when the header checksum at `off` verifies. */
export function ipv4ChecksumOk(b: Uint8Array, off = 0): boolean {
  return internetChecksum(b, off, off + ipv4HeaderLen(b, off)) === 0;
}

// Hot-path accessors (off = start of the IPv4 header): one field, no allocation.
export function ipv4Version(b: Uint8Array, off = 0): number {
  return (b[off] ?? 0) >>> 4;
}

/** Header length in bytes (ihl * 4). */
export function ipv4HeaderLen(b: Uint8Array, off = 0): number {
  return ((b[off] ?? 0) & 0x0f) << 2;
}

export function ipv4Tos(b: Uint8Array, off = 0): number {
  return b[off + OFF.tos] ?? 0;
}

/** The DSCP (RFC 2474) in the upper 6 bits of tos. */
export function tosDscp(tos: number): number {
  return (tos >>> 2) & 0x3f;
}

/** The ECN field (RFC 3168) in the lower 2 bits of tos. */
export function tosEcn(tos: number): number {
  return tos & 0x03;
}

export function ipv4TotalLen(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.totalLength);
}

export function ipv4Id(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.id);
}

/** The 16-bit flags + fragment offset word (test with IP_DF, IP_MF, IP_OFFSET). */
export function ipv4FragWord(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.fragOff);
}

export function ipv4Ttl(b: Uint8Array, off = 0): number {
  return b[off + OFF.ttl] ?? 0;
}

export function ipv4Protocol(b: Uint8Array, off = 0): number {
  return b[off + OFF.protocol] ?? 0;
}

export function ipv4Checksum(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.checksum);
}

export function ipv4Src(b: Uint8Array, off = 0): Ipv4Addr {
  return ipv4FromBytes(b, off + OFF.src);
}

export function ipv4Dst(b: Uint8Array, off = 0): Ipv4Addr {
  return ipv4FromBytes(b, off + OFF.dst);
}

/** Offset of the L4 header (off + ihl * 4). */
export function ipv4L4Offset(b: Uint8Array, off = 0): number {
  return off + ipv4HeaderLen(b, off);
}

export const IPV4_OFF = OFF;
