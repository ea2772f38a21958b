// Layer sim: random (version 4) UUIDs, RFC 9562 §5.4, drawn from a seeded stream so that the ids a real
// program takes from crypto/rand (google/uuid New) are reproducible for a seed.

import type { Rng } from './rng.js';

const HEX_DIGIT = '0123456789abcdef';

/** The character codes of the uuid being built (reused: uuids are built one at a time). */
const uuidCodes = new Array<number>(36).fill(0);

/** A version 4 UUID from 16 draws of a byte of `rng`, built as one flat string. @example uuidV4(rng.fork('flows')) // '3b1f…-4…-8…' */
export function uuidV4(rng: Rng): string {
  const codes = uuidCodes;
  let at = 0;
  for (let i = 0; i < 16; i++) {
    let b = rng.int(0, 255);
    if (i === 6) b = (b & 0x0f) | 0x40;
    else if (i === 8) b = (b & 0x3f) | 0x80;
    if (i === 4 || i === 6 || i === 8 || i === 10) codes[at++] = 0x2d;
    codes[at++] = HEX_DIGIT.charCodeAt(b >> 4);
    codes[at++] = HEX_DIGIT.charCodeAt(b & 15);
  }
  return String.fromCharCode.apply(null, codes);
}
