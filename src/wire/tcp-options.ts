// Layer wire: TCP options (RFC 9293 §3.1-3.2): EOL (0), NOP (1), MSS (2), window scale (3, RFC 7323),
// SACK-permitted (4) and SACK (5) (RFC 2018), timestamps (8, RFC 7323), anything else kept raw.
// Order is preserved both ways; emit pads to 4 bytes with zeros (EOL). Linux's SYN writes
// mss, sackOK+TS, nop, wscale: 02 04 05 b4 04 02 08 0a <tsval> <tsecr> 01 03 03 07 (tcp_options_write()).

import { readU16, readU32, writeU16, writeU32 } from './bytes.js';
import { wireErr, wireOk, type WireResult } from './wire-result.js';

export const TCPOPT_EOL = 0;
export const TCPOPT_NOP = 1;
export const TCPOPT_MSS = 2;
export const TCPOPT_WINDOW = 3;
export const TCPOPT_SACK_PERM = 4;
export const TCPOPT_SACK = 5;
export const TCPOPT_TIMESTAMP = 8;

export interface SackBlock {
  readonly left: number;
  readonly right: number;
}

export type TcpOption =
  | { readonly kind: 'eol' }
  | { readonly kind: 'nop' }
  | { readonly kind: 'mss'; readonly mss: number }
  | { readonly kind: 'wscale'; readonly shift: number }
  | { readonly kind: 'sack-permitted' }
  | { readonly kind: 'sack'; readonly blocks: readonly SackBlock[] }
  | { readonly kind: 'timestamps'; readonly tsval: number; readonly tsecr: number }
  | { readonly kind: 'unknown'; readonly type: number; readonly data: Uint8Array };

/** Parses the option bytes (everything between the fixed header and the data offset). Stops at EOL. */
export function parseTcpOptions(b: Uint8Array): WireResult<TcpOption[]> {
  const out: TcpOption[] = [];
  let i = 0;
  while (i < b.length) {
    const type = b[i] ?? 0;
    if (type === TCPOPT_EOL) {
      out.push({ kind: 'eol' });
      break;
    }
    if (type === TCPOPT_NOP) {
      out.push({ kind: 'nop' });
      i += 1;
      continue;
    }
    const len = b[i + 1];
    if (len === undefined) return wireErr('truncated', 'tcp', i, `option ${type} without a length`);
    if (len < 2 || i + len > b.length) return wireErr('bad-length', 'tcp', i + 1, `option ${type} length ${len}`);
    out.push(decodeOption(type, b.subarray(i + 2, i + len)));
    i += len;
  }
  return wireOk(out);
}

/** A known kind with an unexpected length stays 'unknown' so its bytes survive a round trip. */
function decodeOption(type: number, data: Uint8Array): TcpOption {
  if (type === TCPOPT_MSS && data.length === 2) return { kind: 'mss', mss: readU16(data, 0) };
  if (type === TCPOPT_WINDOW && data.length === 1) return { kind: 'wscale', shift: data[0] ?? 0 };
  if (type === TCPOPT_SACK_PERM && data.length === 0) return { kind: 'sack-permitted' };
  if (type === TCPOPT_TIMESTAMP && data.length === 8) return { kind: 'timestamps', tsval: readU32(data, 0), tsecr: readU32(data, 4) };
  if (type === TCPOPT_SACK && data.length > 0 && data.length % 8 === 0) {
    const blocks: SackBlock[] = [];
    for (let j = 0; j < data.length; j += 8) blocks.push({ left: readU32(data, j), right: readU32(data, j + 4) });
    return { kind: 'sack', blocks };
  }
  return { kind: 'unknown', type, data };
}

export function tcpOptionLen(o: TcpOption): number {
  switch (o.kind) {
    case 'eol':
    case 'nop':
      return 1;
    case 'mss':
      return 4;
    case 'wscale':
      return 3;
    case 'sack-permitted':
      return 2;
    case 'sack':
      return 2 + 8 * o.blocks.length;
    case 'timestamps':
      return 10;
    case 'unknown':
      return 2 + o.data.length;
  }
}

/** Length of the option area emit writes: the options padded to a multiple of 4. */
export function tcpOptionsLen(options: readonly TcpOption[]): number {
  let len = 0;
  for (const o of options) len += tcpOptionLen(o);
  return (len + 3) & ~3;
}

/** Writes the options at `off` and zero-pads to a multiple of 4; returns the bytes written. */
export function writeTcpOptions(b: Uint8Array, off: number, options: readonly TcpOption[]): number {
  let i = off;
  for (const o of options) i = writeOption(b, i, o);
  const end = off + ((i - off + 3) & ~3);
  b.fill(0, i, end);
  return end - off;
}

function writeOption(b: Uint8Array, i: number, o: TcpOption): number {
  switch (o.kind) {
    case 'eol':
      b[i] = TCPOPT_EOL;
      return i + 1;
    case 'nop':
      b[i] = TCPOPT_NOP;
      return i + 1;
    case 'mss':
      b.set([TCPOPT_MSS, 4], i);
      writeU16(b, i + 2, o.mss);
      return i + 4;
    case 'wscale':
      b.set([TCPOPT_WINDOW, 3, o.shift & 0xff], i);
      return i + 3;
    case 'sack-permitted':
      b.set([TCPOPT_SACK_PERM, 2], i);
      return i + 2;
    case 'sack':
      return writeSack(b, i, o.blocks);
    case 'timestamps':
      b.set([TCPOPT_TIMESTAMP, 10], i);
      writeU32(b, i + 2, o.tsval);
      writeU32(b, i + 6, o.tsecr);
      return i + 10;
    case 'unknown':
      b.set([o.type & 0xff, (2 + o.data.length) & 0xff], i);
      b.set(o.data, i + 2);
      return i + 2 + o.data.length;
  }
}

function writeSack(b: Uint8Array, i: number, blocks: readonly SackBlock[]): number {
  b.set([TCPOPT_SACK, 2 + 8 * blocks.length], i);
  let j = i + 2;
  for (const blk of blocks) {
    writeU32(b, j, blk.left);
    writeU32(b, j + 4, blk.right);
    j += 8;
  }
  return j;
}

/** The options Linux puts on a SYN with default sysctls (tcp_sack, tcp_timestamps, tcp_window_scaling). */
export function linuxSynOptions(mss: number, tsval: number, tsecr: number, wscale: number): TcpOption[] {
  return [
    { kind: 'mss', mss },
    { kind: 'sack-permitted' },
    { kind: 'timestamps', tsval, tsecr },
    { kind: 'nop' },
    { kind: 'wscale', shift: wscale },
  ];
}
