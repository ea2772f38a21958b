// Layer sim: random (version 4) UUIDs, RFC 9562 §5.4, drawn from a seeded stream so that the ids a real
// program takes from crypto/rand (google/uuid New) are reproducible for a seed.

import type { Rng } from './rng.js';

/** A version 4 UUID from `rng`. @example uuidV4(rng.fork('flows')) // '3b1f…-4…-8…' */
export function uuidV4(rng: Rng): string {
  const hex = Array.from({ length: 16 }, (_, i) => {
    let b = rng.int(0, 255);
    if (i === 6) b = (b & 0x0f) | 0x40;
    if (i === 8) b = (b & 0x3f) | 0x80;
    return b.toString(16).padStart(2, '0');
  }).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
