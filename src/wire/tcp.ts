// Layer wire: the TCP header (RFC 9293 §3.1): ports, sequence and acknowledgment numbers, data offset,
// control bits, window, checksum over the IPv4 pseudo-header, urgent pointer, options (tcp-options.ts).
// Control bits are a bit set `flags` (the low 12 bits of bytes 12-13, so reserved bits round-trip):
// test with TCP_SYN etc. One number is cheaper to copy and compare than eight booleans on the hot path.

import { readU16, readU32, writeU16, writeU32 } from './bytes.js';
import { internetChecksum, pseudoHeaderSum } from './checksum.js';
import { IPPROTO_TCP } from './ipv4.js';
import type { PseudoHeader } from './pseudo-header.js';
import { parseTcpOptions, tcpOptionsLen, writeTcpOptions, type TcpOption } from './tcp-options.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const TCP_HEADER_LEN = 20;
export const TCP_MAX_HEADER_LEN = 60;
export const TCP_FIN = 0x01;
export const TCP_SYN = 0x02;
export const TCP_RST = 0x04;
export const TCP_PSH = 0x08;
export const TCP_ACK = 0x10;
export const TCP_URG = 0x20;
export const TCP_ECE = 0x40;
export const TCP_CWR = 0x80;

const OFF = { srcPort: 0, dstPort: 2, seq: 4, ack: 8, dataOffFlags: 12, window: 14, checksum: 16, urgent: 18 } as const;

export interface TcpHeader {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly seq: number;
  readonly ack: number;
  /** Bit set of TCP_FIN ... TCP_CWR (and reserved bits 0x100-0x800). */
  readonly flags: number;
  readonly window: number;
  readonly urgentPointer: number;
  readonly options: readonly TcpOption[];
  /** Header length in bytes (data offset * 4); computed when absent. */
  readonly headerLen?: number;
  readonly checksum?: number;
}

export type ParsedTcpHeader = TcpHeader & { readonly headerLen: number; readonly checksum: number };

/**
 * Parses a TCP segment; with a pseudo-header the checksum is verified ('bad-checksum').
 * @example parseTcp(ip.payload, { src: ip.header.src, dst: ip.header.dst })
 */
export function parseTcp(b: Uint8Array, ph?: PseudoHeader): WireResult<Parsed<ParsedTcpHeader>> {
  if (b.length < TCP_HEADER_LEN) return wireErr('truncated', 'tcp', b.length, `${b.length} < ${TCP_HEADER_LEN} bytes`);
  const headerLen = tcpHeaderLen(b, 0);
  if (headerLen < TCP_HEADER_LEN) return wireErr('bad-header-len', 'tcp', OFF.dataOffFlags, `data offset ${headerLen / 4} < 5`);
  if (headerLen > b.length) return wireErr('truncated', 'tcp', b.length, `${b.length} < header length ${headerLen}`);
  if (ph && !tcpChecksumOk(b, ph)) {
    return wireErr('bad-checksum', 'tcp', OFF.checksum, `checksum 0x${tcpChecksum(b).toString(16).padStart(4, '0')}`);
  }
  const options = parseTcpOptions(b.subarray(TCP_HEADER_LEN, headerLen));
  if (!options.ok) return wireErr(options.error.kind, 'tcp', TCP_HEADER_LEN + options.error.offset, options.error.detail);
  const header: ParsedTcpHeader = {
    srcPort: readU16(b, OFF.srcPort),
    dstPort: readU16(b, OFF.dstPort),
    seq: readU32(b, OFF.seq),
    ack: readU32(b, OFF.ack),
    flags: tcpFlags(b),
    window: readU16(b, OFF.window),
    urgentPointer: readU16(b, OFF.urgent),
    options: options.value,
    headerLen,
    checksum: readU16(b, OFF.checksum),
  };
  return wireOk({ header, payload: b.subarray(headerLen) });
}

/** True when the checksum over the whole segment `b` and the pseudo-header verifies. */
export function tcpChecksumOk(b: Uint8Array, ph: PseudoHeader): boolean {
  return internetChecksum(b, 0, b.length, pseudoHeaderSum(ph.src, ph.dst, IPPROTO_TCP, b.length)) === 0;
}

/** Writes header + payload at `off` of `b` (which must have room); returns the bytes written. Throws RangeError past 40 bytes of options. */
export function writeTcp(b: Uint8Array, off: number, h: TcpHeader, payload: Uint8Array, ph: PseudoHeader): number {
  const headerLen = TCP_HEADER_LEN + tcpOptionsLen(h.options);
  if (headerLen > TCP_MAX_HEADER_LEN) throw new RangeError(`TCP options take ${headerLen - TCP_HEADER_LEN} > 40 bytes`);
  const len = headerLen + payload.length;
  writeU16(b, off + OFF.srcPort, h.srcPort);
  writeU16(b, off + OFF.dstPort, h.dstPort);
  writeU32(b, off + OFF.seq, h.seq);
  writeU32(b, off + OFF.ack, h.ack);
  writeU16(b, off + OFF.dataOffFlags, ((((h.headerLen ?? headerLen) >>> 2) & 0x0f) << 12) | (h.flags & 0x0fff));
  writeU16(b, off + OFF.window, h.window);
  writeU16(b, off + OFF.checksum, 0);
  writeU16(b, off + OFF.urgent, h.urgentPointer);
  writeTcpOptions(b, off + TCP_HEADER_LEN, h.options);
  b.set(payload, off + headerLen);
  const sum = h.checksum ?? internetChecksum(b, off, off + len, pseudoHeaderSum(ph.src, ph.dst, IPPROTO_TCP, len));
  writeU16(b, off + OFF.checksum, sum);
  return len;
}

/** @example emitTcp({ srcPort, dstPort: 80, seq, ack: 0, flags: TCP_SYN, window: 64240, urgentPointer: 0, options: linuxSynOptions(1460, ts, 0, 7) }, new Uint8Array(0), ph) */
export function emitTcp(h: TcpHeader, payload: Uint8Array, ph: PseudoHeader): Uint8Array {
  const out = new Uint8Array(TCP_HEADER_LEN + tcpOptionsLen(h.options) + payload.length);
  writeTcp(out, 0, h, payload, ph);
  return out;
}

// Hot-path accessors (off = start of the TCP header).
export function tcpSrcPort(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.srcPort);
}

export function tcpDstPort(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.dstPort);
}

export function tcpSeq(b: Uint8Array, off = 0): number {
  return readU32(b, off + OFF.seq);
}

export function tcpAck(b: Uint8Array, off = 0): number {
  return readU32(b, off + OFF.ack);
}

/** Header length in bytes (data offset * 4). */
export function tcpHeaderLen(b: Uint8Array, off = 0): number {
  return ((b[off + OFF.dataOffFlags] ?? 0) >>> 4) << 2;
}

export function tcpFlags(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.dataOffFlags) & 0x0fff;
}

export function tcpWindow(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.window);
}

export function tcpChecksum(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.checksum);
}
