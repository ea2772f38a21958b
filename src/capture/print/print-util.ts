// Layer capture (print): small helpers tcpdump's printers share: in_cksum_shouldbe() (in_cksum.c), the
// value a bad checksum field should have held; fn_print_char() (util-print.c), the M-/^ escapes names
// and strings print with; and the UDP/TCP checksum over the IPv4 pseudo-header.

import { internetChecksum, pseudoHeaderSum } from '../../wire/index.js';
import type { Ipv4Addr } from '../../addr/index.js';
import type { Nd } from './nd.js';

export function inCksumShouldbe(sum: number, computed: number): number {
  let s = sum + computed;
  s = (s & 0xffff) + (s >>> 16);
  s = (s & 0xffff) + (s >>> 16);
  return s & 0xffff;
}

/** fn_print_char: non-ASCII as "M-", control characters as "^X". */
export function fnPrintChar(c: number): string {
  let s = '';
  if (c > 0x7f) {
    c &= 0x7f;
    s = 'M-';
  }
  if (c < 0x20 || c === 0x7f) return `${s}^${String.fromCharCode(c ^ 0x40)}`;
  return s + String.fromCharCode(c);
}

/** nd_printn: n characters from `off` (stops at snapend); false if cut short. */
export function printn(nd: Nd, off: number, n: number): boolean {
  let s = '';
  let i = 0;
  for (; i < n && off + i < nd.snapend; i++) s += fnPrintChar(nd.data[off + i] ?? 0);
  nd.print(s);
  return i === n;
}

/** The TCP/UDP checksum over the pseudo-header of the IPv4 header at iph; 0 when correct. */
export function l4Checksum(nd: Nd, iph: number, off: number, len: number, proto: number): number {
  const src = nd.u32(iph + 12) as Ipv4Addr;
  const dst = nd.u32(iph + 16) as Ipv4Addr;
  return internetChecksum(nd.data, off, off + len, pseudoHeaderSum(src, dst, proto, len));
}

const RELTS_UNITS = [[31536000, 'y'], [604800, 'w'], [86400, 'd'], [3600, 'h'], [60, 'm'], [1, 's']] as const;

/** unsigned_relts_print: 3600 -> "1h", 90061 -> "1d1h1m1s". */
export function unsignedReltsPrint(nd: Nd, secs: number): void {
  if (secs === 0) return void nd.print('0s');
  let s = '';
  for (const [unit, name] of RELTS_UNITS) {
    if (secs >= unit) {
      s += `${Math.floor(secs / unit)}${name}`;
      secs %= unit;
    }
  }
  nd.print(s);
}

/** The bytes data[start, end) as one character each. */
export function latin1(data: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i += 4096) s += String.fromCharCode(...data.subarray(i, Math.min(end, i + 4096)));
  return s;
}
