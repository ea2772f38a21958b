// Layer wire: UDP (RFC 768): source port, destination port, length, checksum over the IPv4 pseudo-header.
// A checksum of 0 means "none" (RFC 768); VXLAN outer headers from Cilium's BPF_F_ZERO_CSUM_TX carry 0,
// so emit honours an explicit `checksum: 0`, and a computed 0 is sent as 0xffff as RFC 768 requires.

import type { Ipv4Addr } from '../addr/index.js';
import { readU16, writeU16 } from './bytes.js';
import { internetChecksum, pseudoHeaderSum } from './checksum.js';
import { IPPROTO_UDP } from './ipv4.js';
import type { PseudoHeader } from './pseudo-header.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const UDP_HEADER_LEN = 8;
const OFF = { srcPort: 0, dstPort: 2, length: 4, checksum: 6 } as const;

export interface UdpHeader {
  readonly srcPort: number;
  readonly dstPort: number;
  /** Computed (8 + payload length) when absent. */
  readonly length?: number;
  /** Computed from the pseudo-header when absent; 0 means "no checksum". */
  readonly checksum?: number;
}

export type ParsedUdpHeader = UdpHeader & { readonly length: number; readonly checksum: number };

/**
 * Parses a UDP datagram; with a pseudo-header, a non-zero checksum is verified ('bad-checksum').
 * The payload is trimmed to the UDP length.
 * @example parseUdp(ip.payload, { src: ip.header.src, dst: ip.header.dst })
 */
export function parseUdp(b: Uint8Array, ph?: PseudoHeader): WireResult<Parsed<ParsedUdpHeader>> {
  if (b.length < UDP_HEADER_LEN) return wireErr('truncated', 'udp', b.length, `${b.length} < ${UDP_HEADER_LEN} bytes`);
  const length = readU16(b, OFF.length);
  if (length < UDP_HEADER_LEN) return wireErr('bad-length', 'udp', OFF.length, `length ${length} < ${UDP_HEADER_LEN}`);
  if (length > b.length) return wireErr('truncated', 'udp', b.length, `${b.length} < length ${length}`);
  const header = readUdpHeader(b, 0);
  if (ph && header.checksum !== 0 && !udpChecksumOk(b.subarray(0, length), ph)) {
    return wireErr('bad-checksum', 'udp', OFF.checksum, `checksum 0x${header.checksum.toString(16).padStart(4, '0')}`);
  }
  return wireOk({ header, payload: b.subarray(UDP_HEADER_LEN, length) });
}

export function readUdpHeader(b: Uint8Array, off: number): ParsedUdpHeader {
  return {
    srcPort: readU16(b, off + OFF.srcPort),
    dstPort: readU16(b, off + OFF.dstPort),
    length: readU16(b, off + OFF.length),
    checksum: readU16(b, off + OFF.checksum),
  };
}

/** True when the checksum of `datagram` (header + payload, exactly `length` bytes) is 0 or verifies. */
export function udpChecksumOk(datagram: Uint8Array, ph: PseudoHeader): boolean {
  return udpChecksumOkAt(datagram, 0, datagram.length, ph.src, ph.dst);
}

/** udpChecksumOk for the datagram at b[off, off + len), for udp_rcv: no view and no pseudo-header object per packet. */
export function udpChecksumOkAt(b: Uint8Array, off: number, len: number, src: Ipv4Addr, dst: Ipv4Addr): boolean {
  if (readU16(b, off + OFF.checksum) === 0) return true;
  return internetChecksum(b, off, off + len, pseudoHeaderSum(src, dst, IPPROTO_UDP, len)) === 0;
}

/** Writes only the 8-byte header, length and checksum as given (a tunnel's zero checksum: no payload pass). */
export function writeUdpHeader(b: Uint8Array, off: number, h: Required<Pick<UdpHeader, 'srcPort' | 'dstPort' | 'length' | 'checksum'>>): void {
  writeU16(b, off + OFF.srcPort, h.srcPort);
  writeU16(b, off + OFF.dstPort, h.dstPort);
  writeU16(b, off + OFF.length, h.length);
  writeU16(b, off + OFF.checksum, h.checksum);
}

/** Writes header + payload at `off` of `b` (which must have room); returns the bytes written. */
export function writeUdp(b: Uint8Array, off: number, h: UdpHeader, payload: Uint8Array, ph: PseudoHeader): number {
  const len = UDP_HEADER_LEN + payload.length;
  writeU16(b, off + OFF.srcPort, h.srcPort);
  writeU16(b, off + OFF.dstPort, h.dstPort);
  writeU16(b, off + OFF.length, h.length ?? len);
  writeU16(b, off + OFF.checksum, 0);
  b.set(payload, off + UDP_HEADER_LEN);
  writeU16(b, off + OFF.checksum, h.checksum ?? computeUdpChecksum(b, off, len, ph));
  return len;
}

function computeUdpChecksum(b: Uint8Array, off: number, len: number, ph: PseudoHeader): number {
  const sum = internetChecksum(b, off, off + len, pseudoHeaderSum(ph.src, ph.dst, IPPROTO_UDP, len));
  return sum === 0 ? 0xffff : sum;
}

/** @example emitUdp({ srcPort: 50361, dstPort: VXLAN_PORT_LINUX, checksum: 0 }, vxlan, { src, dst }) */
export function emitUdp(h: UdpHeader, payload: Uint8Array, ph: PseudoHeader): Uint8Array {
  const out = new Uint8Array(UDP_HEADER_LEN + payload.length);
  writeUdp(out, 0, h, payload, ph);
  return out;
}

// Hot-path accessors (off = start of the UDP header).
export function udpSrcPort(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.srcPort);
}

export function udpDstPort(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.dstPort);
}

export function udpLength(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.length);
}

export function udpChecksum(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.checksum);
}
