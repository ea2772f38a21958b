// Layer k8s: the random identifiers the control plane mints, from the seeded rng: generateName
// suffixes (k8s.io/apimachinery/pkg/util/rand.String over "bcdfghjklmnpqrstvwxz2456789") and the
// SafeEncodeString hash encoding. Object UIDs (UUID v4, as github.com/google/uuid) are sim's uuidV4.

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

/** GenerateName: the prefix plus 5 random characters, the prefix cut so the name fits 63 characters. */
export function generateName(rng: Rng, prefix: string): string {
  const maxPrefix = 63 - 5;
  const base = prefix.length > maxPrefix ? prefix.slice(0, maxPrefix) : prefix;
  return base + randomSuffix(rng, 5);
}
