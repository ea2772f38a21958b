// Layer net: Bob Jenkins' lookup3 hash in the form include/linux/jhash.h gives the socket tables:
// jhash_1word hashes one 32-bit word (a bound IPv4 address, or 0 for a wildcard) with a seed, adding
// JHASH_INITVAL and the length in bytes to the seed and ending in __jhash_final's seven rotations.

const JHASH_INITVAL = 0xdeadbeef;

function rol32(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** __jhash_final(a, b, c): the mix of the last three words; the hash is c. */
function jhashFinal(a: number, b: number, c: number): number {
  c = ((c ^ b) - rol32(b, 14)) >>> 0;
  a = ((a ^ c) - rol32(c, 11)) >>> 0;
  b = ((b ^ a) - rol32(a, 25)) >>> 0;
  c = ((c ^ b) - rol32(b, 16)) >>> 0;
  a = ((a ^ c) - rol32(c, 4)) >>> 0;
  b = ((b ^ a) - rol32(a, 14)) >>> 0;
  c = ((c ^ b) - rol32(b, 24)) >>> 0;
  return c;
}

/** jhash_1word(a, initval): __jhash_nwords(a, 0, 0, initval + JHASH_INITVAL + 4). */
export function jhash1Word(a: number, initval: number): number {
  const iv = (initval + JHASH_INITVAL + 4) >>> 0;
  return jhashFinal((a + iv) >>> 0, iv, iv);
}
