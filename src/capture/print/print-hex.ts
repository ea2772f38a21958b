// Layer capture (print): print-ascii.c. -X and the default payload dump print 16 bytes a line as
// "\n\t0x0010:  4500 0054 ...  E..T"; -x prints the hex only; -A prints the bytes as text, '.' for
// anything unprintable and CRs dropped before a newline. A dump cut by the snaplen ends in " [|proto]".

import { TRUNCATED, type Nd } from './nd.js';

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));
const BYTES_PER_LINE = 16;
/** HEXDUMP_HEXSTUFF_PER_LINE: 8 shorts of " xxxx". */
const HEXSTUFF_PER_LINE = 40;

function isGraph(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

function clip(nd: Nd, off: number, length: number): { length: number; isTruncated: boolean } {
  const cap = nd.available(off);
  return length > cap ? { length: cap, isTruncated: true } : { length, isTruncated: false };
}

export function hexAndAsciiPrint(nd: Nd, ident: string, off: number, length: number, oset = 0): void {
  const c = clip(nd, off, length);
  const d = nd.data;
  let hex = '';
  let ascii = '';
  let line = oset;
  for (let i = 0; i < c.length; i++) {
    const b = d[off + i] ?? 0;
    hex += i % 2 === 0 ? ` ${HEX[b]}` : HEX[b];
    ascii += isGraph(b) ? String.fromCharCode(b) : '.';
    if (i % BYTES_PER_LINE === BYTES_PER_LINE - 1 || i === c.length - 1) {
      nd.print(`${ident}0x${line.toString(16).padStart(4, '0')}: ${hex.padEnd(HEXSTUFF_PER_LINE)}  ${ascii}`);
      hex = '';
      ascii = '';
      line += BYTES_PER_LINE;
    }
  }
  if (c.isTruncated) throw TRUNCATED;
}

export function hexPrint(nd: Nd, ident: string, off: number, length: number, oset = 0): void {
  const c = clip(nd, off, length);
  const d = nd.data;
  let line = oset;
  for (let i = 0; i < c.length; i++) {
    if (i % BYTES_PER_LINE === 0) {
      nd.print(`${ident}0x${line.toString(16).padStart(4, '0')}: `);
      line += BYTES_PER_LINE;
    }
    nd.print(i % 2 === 0 ? ` ${HEX[d[off + i] ?? 0]}` : (HEX[d[off + i] ?? 0] ?? ''));
  }
  if (c.isTruncated) throw TRUNCATED;
}

export function asciiPrint(nd: Nd, off: number, length: number): void {
  const c = clip(nd, off, length);
  const d = nd.data;
  let s = '\n';
  for (let i = 0; i < c.length; i++) {
    const b = d[off + i] ?? 0;
    const left = c.length - i - 1;
    if (b === 0x0d) {
      if (left > 1 && d[off + i + 1] !== 0x0a) s += '.';
    } else if (!isGraph(b) && b !== 0x09 && b !== 0x20 && b !== 0x0a) s += '.';
    else s += String.fromCharCode(b);
  }
  nd.print(s);
  if (c.isTruncated) throw TRUNCATED;
}
