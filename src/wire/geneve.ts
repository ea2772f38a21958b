// Layer wire: the Geneve header (RFC 8926 §3.4): version (2 bits), option length in 4-byte words (6 bits),
// O (control/OAM) and C (critical options) flags, 6 reserved bits, protocol type (0x6558 = an inner
// Ethernet frame), 24-bit VNI, 8 reserved bits, then option TLVs {class, type, length in words, data}.
// Cilium's Geneve tunnel uses UDP 6081.

import { readU16, readU24, writeU16, writeU24 } from './bytes.js';
import { ETH_P_TEB } from './ethernet.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const GENEVE_HEADER_LEN = 8;
export const GENEVE_PORT = 6081;
export const GENEVE_OPT_HEADER_LEN = 4;
/** Outer IPv4 (20) + UDP (8) + Geneve (8) + inner Ethernet (14), without options. */
export const GENEVE_OVERHEAD = 50;

const OFF = { verOptLen: 0, flags: 1, protocolType: 2, vni: 4, reserved2: 7 } as const;
const FLAG_O = 0x80;
const FLAG_C = 0x40;

export interface GeneveOption {
  readonly class: number;
  /** The high bit is the option's own critical bit. */
  readonly type: number;
  readonly data: Uint8Array;
  /** The 3 reserved bits before the length; default 0. */
  readonly reserved?: number;
}

export interface GeneveHeader {
  readonly oam: boolean;
  readonly critical: boolean;
  readonly protocolType: number;
  readonly vni: number;
  readonly options: readonly GeneveOption[];
  /** Default 0 (the only version defined). */
  readonly version?: number;
  /** The 6 reserved flag bits; default 0. */
  readonly reservedFlags?: number;
  /** The byte after the VNI; default 0. */
  readonly reserved2?: number;
}

export type ParsedGeneveHeader = GeneveHeader & { readonly version: number; readonly reservedFlags: number; readonly reserved2: number };

/** @example parseGeneve(udp.payload).value.header.vni */
export function parseGeneve(b: Uint8Array): WireResult<Parsed<ParsedGeneveHeader>> {
  if (b.length < GENEVE_HEADER_LEN) return wireErr('truncated', 'geneve', b.length, `${b.length} < ${GENEVE_HEADER_LEN} bytes`);
  const version = (b[OFF.verOptLen] ?? 0) >>> 6;
  if (version !== 0) return wireErr('bad-version', 'geneve', 0, `version ${version}`);
  const headerLen = GENEVE_HEADER_LEN + ((b[OFF.verOptLen] ?? 0) & 0x3f) * 4;
  if (headerLen > b.length) return wireErr('truncated', 'geneve', b.length, `${b.length} < header length ${headerLen}`);
  const options = parseGeneveOptions(b, GENEVE_HEADER_LEN, headerLen);
  if (!options.ok) return options;
  const flags = b[OFF.flags] ?? 0;
  const header: ParsedGeneveHeader = {
    version,
    oam: (flags & FLAG_O) !== 0,
    critical: (flags & FLAG_C) !== 0,
    reservedFlags: flags & 0x3f,
    protocolType: readU16(b, OFF.protocolType),
    vni: readU24(b, OFF.vni),
    reserved2: b[OFF.reserved2] ?? 0,
    options: options.value,
  };
  return wireOk({ header, payload: b.subarray(headerLen) });
}

function parseGeneveOptions(b: Uint8Array, start: number, end: number): WireResult<GeneveOption[]> {
  const out: GeneveOption[] = [];
  let i = start;
  while (i < end) {
    if (i + GENEVE_OPT_HEADER_LEN > end) return wireErr('bad-length', 'geneve', i, 'option header past the option area');
    const lenByte = b[i + 3] ?? 0;
    const dataLen = (lenByte & 0x1f) * 4;
    const next = i + GENEVE_OPT_HEADER_LEN + dataLen;
    if (next > end) return wireErr('bad-length', 'geneve', i + 3, `option length ${dataLen} past the option area`);
    const opt: GeneveOption = { class: readU16(b, i), type: b[i + 2] ?? 0, reserved: lenByte >>> 5, data: b.subarray(i + 4, next) };
    out.push(opt);
    i = next;
  }
  return wireOk(out);
}

function optionsLen(options: readonly GeneveOption[]): number {
  let len = 0;
  for (const o of options) len += GENEVE_OPT_HEADER_LEN + ((o.data.length + 3) & ~3);
  return len;
}

/** Header length emitGeneve writes (8 + options). */
export function geneveHeaderLen(h: GeneveHeader): number {
  return GENEVE_HEADER_LEN + optionsLen(h.options);
}

export function writeGeneveHeader(b: Uint8Array, off: number, h: GeneveHeader): number {
  const headerLen = geneveHeaderLen(h);
  b.fill(0, off, off + headerLen);
  b[off + OFF.verOptLen] = (((h.version ?? 0) & 3) << 6) | (((headerLen - GENEVE_HEADER_LEN) >>> 2) & 0x3f);
  b[off + OFF.flags] = (h.oam ? FLAG_O : 0) | (h.critical ? FLAG_C : 0) | ((h.reservedFlags ?? 0) & 0x3f);
  writeU16(b, off + OFF.protocolType, h.protocolType);
  writeU24(b, off + OFF.vni, h.vni);
  b[off + OFF.reserved2] = (h.reserved2 ?? 0) & 0xff;
  let i = off + GENEVE_HEADER_LEN;
  for (const o of h.options) {
    const words = (o.data.length + 3) >>> 2;
    writeU16(b, i, o.class);
    b[i + 2] = o.type & 0xff;
    b[i + 3] = (((o.reserved ?? 0) & 7) << 5) | (words & 0x1f);
    b.set(o.data, i + GENEVE_OPT_HEADER_LEN);
    i += GENEVE_OPT_HEADER_LEN + words * 4;
  }
  return headerLen;
}

/** @example emitGeneve({ oam: false, critical: false, protocolType: ETH_P_TEB, vni: 4242, options: [] }, innerFrame) */
export function emitGeneve(h: GeneveHeader, payload: Uint8Array): Uint8Array {
  const headerLen = geneveHeaderLen(h);
  const out = new Uint8Array(headerLen + payload.length);
  writeGeneveHeader(out, 0, h);
  out.set(payload, headerLen);
  return out;
}

/** A Geneve header for an inner Ethernet frame with no options. */
export function geneveEthernet(vni: number): GeneveHeader {
  return { oam: false, critical: false, protocolType: ETH_P_TEB, vni, options: [] };
}

// Hot-path accessors (off = start of the Geneve header).
export function geneveVni(b: Uint8Array, off = 0): number {
  return readU24(b, off + OFF.vni);
}

export function geneveHeaderLenAt(b: Uint8Array, off = 0): number {
  return GENEVE_HEADER_LEN + ((b[off + OFF.verOptLen] ?? 0) & 0x3f) * 4;
}

export function geneveProtocolType(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.protocolType);
}
