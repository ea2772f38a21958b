// Layer wire: the VXLAN header (RFC 7348 §5): 8 flag bits (I = 0x08: the VNI is valid), 24 reserved bits,
// the 24-bit VNI, 8 reserved bits; the payload is an inner Ethernet frame. Cilium sends it to UDP 8472
// (the Linux default, which tcpdump prints as "OTV"); the IANA port is 4789. Cilium's VNI is the source
// security identity.

import { readU24, writeU24 } from './bytes.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const VXLAN_HEADER_LEN = 8;
export const VXLAN_PORT_IANA = 4789;
export const VXLAN_PORT_LINUX = 8472;
export const VXLAN_FLAG_I = 0x08;
/** Outer IPv4 (20) + UDP (8) + VXLAN (8) + inner Ethernet (14): route MTU = device MTU - 50. */
export const VXLAN_OVERHEAD = 50;

const OFF = { flags: 0, reserved1: 1, vni: 4, reserved2: 7 } as const;

export interface VxlanHeader {
  readonly vni: number;
  /** Default VXLAN_FLAG_I. */
  readonly flags?: number;
  /** The 24 bits after the flags; default 0. */
  readonly reserved1?: number;
  /** The last byte; default 0. */
  readonly reserved2?: number;
}

export type ParsedVxlanHeader = Required<VxlanHeader>;

/** Parses the header whatever its flags (as tcpdump does); check `flags & VXLAN_FLAG_I` before trusting vni. */
export function parseVxlan(b: Uint8Array): WireResult<Parsed<ParsedVxlanHeader>> {
  if (b.length < VXLAN_HEADER_LEN) return wireErr('truncated', 'vxlan', b.length, `${b.length} < ${VXLAN_HEADER_LEN} bytes`);
  const header: ParsedVxlanHeader = {
    vni: readU24(b, OFF.vni),
    flags: b[OFF.flags] ?? 0,
    reserved1: readU24(b, OFF.reserved1),
    reserved2: b[OFF.reserved2] ?? 0,
  };
  return wireOk({ header, payload: b.subarray(VXLAN_HEADER_LEN) });
}

export function writeVxlanHeader(b: Uint8Array, off: number, h: VxlanHeader): void {
  b[off + OFF.flags] = (h.flags ?? VXLAN_FLAG_I) & 0xff;
  writeU24(b, off + OFF.reserved1, h.reserved1 ?? 0);
  writeU24(b, off + OFF.vni, h.vni);
  b[off + OFF.reserved2] = (h.reserved2 ?? 0) & 0xff;
}

/** @example emitVxlan({ vni: 58696 }, innerFrame) */
export function emitVxlan(h: VxlanHeader, innerFrame: Uint8Array): Uint8Array {
  const out = new Uint8Array(VXLAN_HEADER_LEN + innerFrame.length);
  writeVxlanHeader(out, 0, h);
  out.set(innerFrame, VXLAN_HEADER_LEN);
  return out;
}

/** Hot path: the VNI at `off` (start of the VXLAN header). */
export function vxlanVni(b: Uint8Array, off = 0): number {
  return readU24(b, off + OFF.vni);
}
