// Layer k8s: the random identifiers the control plane mints, from the seeded rng: generateName
// suffixes (k8s.io/apimachinery/pkg/util/rand.String over "bcdfghjklmnpqrstvwxz2456789"), object
// UIDs (UUID v4, as github.com/google/uuid), container IDs and the SafeEncodeString hash encoding.

import type { Rng } from '../../sim/rng.js';

/** Kubernetes' alphabet for generated names: no vowels, no confusable characters. */
export const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** rand.String(n). @example randomSuffix(rng.fork('k8s/names'), 5) === 'x7k2q' */
export function randomSuffix(rng: Rng, length = 5): string {
  return rng.string(NAME_ALPHABET, length);
}

/** rand.SafeEncodeString: each byte mapped into NAME_ALPHABET by value modulo 27. */
export function safeEncodeString(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) out += NAME_ALPHABET[s.charCodeAt(i) % NAME_ALPHABET.length] ?? '';
  return out;
}

const HEX_DIGIT = '0123456789abcdef';

/** The character codes of the uuid being built (reused: uuids are built one at a time). */
const uuidCodes = new Array<number>(36).fill(0);

/** A random (version 4, RFC 4122 variant) UUID, from 16 draws of a byte, built as one flat string. */
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

/** GenerateName: the prefix plus 5 random characters, the prefix cut so the name fits 63 characters. */
export function generateName(rng: Rng, prefix: string): string {
  const maxPrefix = 63 - 5;
  const base = prefix.length > maxPrefix ? prefix.slice(0, maxPrefix) : prefix;
  return base + randomSuffix(rng, 5);
}
