// Layer wire: the Internet checksum (RFC 1071), the IPv4 pseudo-header sum used by UDP and TCP
// (RFC 768, RFC 9293 §3.1), and incremental update (RFC 1624 eqn. 3, as the kernel's csum_replace2/4).
// Sums are kept unfolded in a double (exact to 2^53) and folded to 16 bits only at the end.

import type { Ipv4Addr } from '../addr/index.js';

/** One's-complement sum of big-endian 16-bit words in b[start, end), unfolded; an odd last byte is padded with 0. */
export function onesSum(b: Uint8Array, start = 0, end = b.length, initial = 0): number {
  let sum = initial;
  // Bytes past the buffer count as zero; within it, four words per step: their high bytes summed apart
  // from their low bytes (the sum is the same, in fewer operations than word by word).
  const stop = Math.min(end, b.length);
  const last8 = stop - ((stop - start) & 7);
  let i = start;
  for (; i < last8; i += 8) {
    const high = (b[i] as number) + (b[i + 2] as number) + (b[i + 4] as number) + (b[i + 6] as number);
    sum += high * 256 + (b[i + 1] as number) + (b[i + 3] as number) + (b[i + 5] as number) + (b[i + 7] as number);
  }
  for (; i + 1 < stop; i += 2) sum += ((b[i] as number) << 8) | (b[i + 1] as number);
  if (i < stop) sum += (b[i] as number) << 8;
  return sum;
}

/** Folds carries back into the low 16 bits (end-around carry). */
export function foldSum(sum: number): number {
  let s = sum;
  while (s > 0x7fffffff) s = (s % 0x10000) + Math.floor(s / 0x10000);
  while (s > 0xffff) s = (s & 0xffff) + (s >>> 16);
  return s;
}

/** The RFC 1071 checksum of b[start, end) plus `initial` (e.g. a pseudo-header sum): ~fold(sum) & 0xffff. */
export function internetChecksum(b: Uint8Array, start = 0, end = b.length, initial = 0): number {
  return ~foldSum(onesSum(b, start, end, initial)) & 0xffff;
}

/** Sum of the IPv4 pseudo-header (src, dst, zero, protocol, L4 length), unfolded. */
export function pseudoHeaderSum(src: Ipv4Addr, dst: Ipv4Addr, protocol: number, length: number): number {
  return (src >>> 16) + (src & 0xffff) + (dst >>> 16) + (dst & 0xffff) + protocol + length;
}

/** RFC 1624 eqn. 3: the checksum after one 16-bit word changes from `oldWord` to `newWord`. */
export function checksumUpdate16(checksum: number, oldWord: number, newWord: number): number {
  const sum = (~checksum & 0xffff) + (~oldWord & 0xffff) + (newWord & 0xffff);
  return ~foldSum(sum) & 0xffff;
}

/** RFC 1624 eqn. 3 for a 32-bit field (an address), as the kernel's csum_replace4. */
export function checksumUpdate32(checksum: number, oldValue: number, newValue: number): number {
  const sum =
    (~checksum & 0xffff) + (~(oldValue >>> 16) & 0xffff) + (~oldValue & 0xffff) + (newValue >>> 16) + (newValue & 0xffff);
  return ~foldSum(sum) & 0xffff;
}
