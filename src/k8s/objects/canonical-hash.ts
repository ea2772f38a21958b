// Layer k8s: FNV-1a 32 (Go's hash/fnv New32a) over UTF-8, and over the canonical JSON of a value (keys
// sorted at every level, as canonicalJson writes it) fed straight into the hash: a pod template's hash
// needs the bytes of its encoding, not the text, so the text is never built.

const FNV_BASIS = 0x811c9dc5;

/** Feeds the UTF-8 bytes of `text` into FNV-1a state `h` (lone surrogates count as U+FFFD). */
function feed(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c < 0x80) {
      h = Math.imul(h ^ c, 0x01000193);
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = text.charCodeAt(i + 1);
      if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      } else c = 0xfffd;
    }
    if (c < 0x800) {
      h = Math.imul(h ^ (0xc0 | (c >> 6)), 0x01000193);
    } else if (c < 0x10000) {
      h = Math.imul(h ^ (0xe0 | (c >> 12)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), 0x01000193);
    } else {
      h = Math.imul(h ^ (0xf0 | (c >> 18)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((c >> 12) & 63)), 0x01000193);
      h = Math.imul(h ^ (0x80 | ((c >> 6) & 63)), 0x01000193);
    }
    h = Math.imul(h ^ (0x80 | (c & 63)), 0x01000193);
  }
  return h;
}

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (Go's hash/fnv New32a); lone surrogates count as U+FFFD. */
export function fnv32a(text: string): number {
  return feed(FNV_BASIS, text) >>> 0;
}

/** FNV-1a 32 of `canonicalJson(v) + suffix`. @example fnv32aCanonical({ b: 1, a: [] }) === fnv32a('{"a":[],"b":1}') */
export function fnv32aCanonical(v: unknown, suffix = ''): number {
  return feed(feedCanonical(FNV_BASIS, v), suffix) >>> 0;
}

function feedCanonical(h: number, v: unknown): number {
  if (typeof v === 'string') return feedString(h, v);
  if (typeof v !== 'object' || v === null) return feed(h, JSON.stringify(v) ?? 'null');
  if (Array.isArray(v)) {
    h = Math.imul(h ^ 0x5b, 0x01000193);
    for (let i = 0; i < v.length; i++) {
      if (i > 0) h = Math.imul(h ^ 0x2c, 0x01000193);
      h = feedCanonical(h, v[i]);
    }
    return Math.imul(h ^ 0x5d, 0x01000193);
  }
  const r = v as Record<string, unknown>;
  const keys = sortedKeys(r);
  h = Math.imul(h ^ 0x7b, 0x01000193);
  let first = true;
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i] as string;
    const x = r[k];
    if (x === undefined) continue;
    if (!first) h = Math.imul(h ^ 0x2c, 0x01000193);
    first = false;
    h = feed(h, quoteKey(k));
    h = Math.imul(h ^ 0x3a, 0x01000193);
    h = feedCanonical(h, x);
  }
  return Math.imul(h ^ 0x7d, 0x01000193);
}

/** A JSON string as JSON.stringify writes it: fed as is unless it has a character JSON escapes. */
function feedString(h: number, s: string): number {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20 || c === 0x22 || c === 0x5c || (c >= 0xd800 && c <= 0xdfff)) return feed(h, JSON.stringify(s));
  }
  h = Math.imul(h ^ 0x22, 0x01000193);
  h = feed(h, s);
  return Math.imul(h ^ 0x22, 0x01000193);
}

const quotedKeys = new Map<string, string>();

/** JSON.stringify of an object key, remembered (keys repeat across every object of a kind). */
export function quoteKey(k: string): string {
  let q = quotedKeys.get(k);
  if (q === undefined) {
    q = JSON.stringify(k);
    if (quotedKeys.size < 4096) quotedKeys.set(k, q);
  }
  return q;
}

/** The object's own keys sorted by code units, as Array.prototype.sort orders them (insertion sort: key lists are short). */
export function sortedKeys(r: object): string[] {
  const keys = Object.keys(r);
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i] as string;
    let j = i - 1;
    while (j >= 0 && (keys[j] as string) > k) {
      keys[j + 1] = keys[j] as string;
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
}
