// Layer k8s: JSON values as the apiserver stores them, plus the deep clone / deep freeze / deep equal /
// canonical encoding the control plane needs. Objects are plain JSON data (no classes, no undefined
// inside), so `kubectl get -o json|yaml` can print them exactly as stored. Stored data is deep-frozen
// and shared, so what is derived from it (canonical JSON) is memoized by identity.

export type JsonPrimitive = string | number | boolean | null;
export type JsonValue = JsonPrimitive | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export function isJsonObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A deep copy of JSON-compatible data; `undefined` members are dropped as JSON.stringify would. The copy is never frozen. */
export function deepClone<T>(v: T): T {
  if (typeof v !== 'object' || v === null) return v;
  if (Array.isArray(v)) {
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) out[i] = deepClone(v[i]);
    return out as T;
  }
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) {
    const x = src[k];
    if (x !== undefined) out[k] = deepClone(x);
  }
  return out as T;
}

/**
 * Freezes JSON data in place, all the way down, and returns it. A frozen subtree is taken as already
 * deep-frozen (stored objects share them), so it is not walked again.
 */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) deepFreeze(v[i]);
  else for (const k in v) deepFreeze((v as Record<string, unknown>)[k]);
  return v;
}

/** Structural equality of JSON data (member order ignored, `undefined` members ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  let na = 0;
  for (const k in ra) {
    const x = ra[k];
    if (x === undefined) continue;
    na++;
    if (!Object.prototype.hasOwnProperty.call(rb, k) || !deepEqual(x, rb[k])) return false;
  }
  let nb = 0;
  for (const k in rb) if (rb[k] !== undefined) nb++;
  return na === nb;
}

const canonicalCache = new WeakMap<object, string>();

/** JSON with object keys sorted at every level: a stable input for hashes. Memoized for frozen (stored) data. */
export function canonicalJson(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? 'null';
  const frozen = Object.isFrozen(v);
  const hit = frozen ? canonicalCache.get(v) : undefined;
  if (hit !== undefined) return hit;
  let out: string;
  if (Array.isArray(v)) out = `[${v.map((x) => canonicalJson(x)).join(',')}]`;
  else {
    const r = v as Record<string, unknown>;
    const keys = Object.keys(r).filter((k) => r[k] !== undefined).sort();
    out = `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(r[k])}`).join(',')}}`;
  }
  if (frozen) canonicalCache.set(v, out);
  return out;
}

/** FNV-1a 32-bit over the UTF-8 bytes of `text` (Go's hash/fnv New32a); lone surrogates count as U+FFFD. */
export function fnv32a(text: string): number {
  let h = 0x811c9dc5;
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
  return h >>> 0;
}

/** Reads a nested member by path, or undefined. @example getPath(pod, ['spec', 'nodeName']) */
export function getPath(obj: unknown, path: readonly string[]): unknown {
  let cur: unknown = obj;
  for (const p of path) {
    if (!isRecord(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}
