// Layer wire: the Ethernet II header (IEEE 802.3 / RFC 894): destination MAC, source MAC, ethertype.
// 14 bytes, no FCS (Linux captures and passes frames without it). 802.1Q tags (ETH_P_8021Q) are not
// unwrapped here: a tagged frame parses with ethertype 0x8100 and the tag at the start of its payload.

import { macFromBytes, writeMac, type MacAddr } from '../addr/index.js';
import { readU16, writeU16 } from './bytes.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const ETH_HEADER_LEN = 14;
export const ETH_ALEN = 6;
/** Minimum frame length without FCS; real NICs pad shorter frames (ETH_ZLEN). */
export const ETH_ZLEN = 60;

export const ETH_P_IP = 0x0800;
export const ETH_P_ARP = 0x0806;
export const ETH_P_8021Q = 0x8100;
export const ETH_P_IPV6 = 0x86dd;
/** Transparent Ethernet Bridging: the Geneve protocol type of an inner Ethernet frame. */
export const ETH_P_TEB = 0x6558;

const OFF = { dst: 0, src: 6, ethertype: 12 } as const;

export interface EthernetHeader {
  readonly dst: MacAddr;
  readonly src: MacAddr;
  readonly ethertype: number;
}

/** @example parseEthernet(frame) // { ok: true, value: { header: { dst, src, ethertype: 0x0800 }, payload } } */
export function parseEthernet(b: Uint8Array): WireResult<Parsed<EthernetHeader>> {
  if (b.length < ETH_HEADER_LEN) return wireErr('truncated', 'ethernet', b.length, `${b.length} < ${ETH_HEADER_LEN} bytes`);
  return wireOk({ header: readEthernetHeader(b, 0), payload: b.subarray(ETH_HEADER_LEN) });
}

export function readEthernetHeader(b: Uint8Array, off: number): EthernetHeader {
  return { dst: macFromBytes(b, off + OFF.dst), src: macFromBytes(b, off + OFF.src), ethertype: readU16(b, off + OFF.ethertype) };
}

/** Writes the 14-byte header at `off` (for building a frame in place). */
export function writeEthernetHeader(b: Uint8Array, off: number, h: EthernetHeader): void {
  writeMac(b, off + OFF.dst, h.dst);
  writeMac(b, off + OFF.src, h.src);
  writeU16(b, off + OFF.ethertype, h.ethertype);
}

/** @example emitEthernet({ dst, src, ethertype: ETH_P_IP }, ipPacket) */
export function emitEthernet(h: EthernetHeader, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(ETH_HEADER_LEN + payload.length);
  writeEthernetHeader(out, 0, h);
  out.set(payload, ETH_HEADER_LEN);
  return out;
}

/** Pads a frame with zeros to ETH_ZLEN, as a NIC driver does before transmission. */
export function padEthernet(frame: Uint8Array): Uint8Array {
  if (frame.length >= ETH_ZLEN) return frame;
  const out = new Uint8Array(ETH_ZLEN);
  out.set(frame);
  return out;
}

// Hot-path accessors: read one field without allocating.
export function ethDst(b: Uint8Array, off = 0): MacAddr {
  return macFromBytes(b, off + OFF.dst);
}

export function ethSrc(b: Uint8Array, off = 0): MacAddr {
  return macFromBytes(b, off + OFF.src);
}

export function ethType(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.ethertype);
}

/** In place, like setIpv4Dst: (bytes, offset of the header, value). */
export function setEthDst(b: Uint8Array, off: number, mac: MacAddr): void {
  writeMac(b, off + OFF.dst, mac);
}

export function setEthSrc(b: Uint8Array, off: number, mac: MacAddr): void {
  writeMac(b, off + OFF.src, mac);
}
