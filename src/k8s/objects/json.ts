// Layer k8s: JSON values as the apiserver stores them, plus the deep clone / deep freeze / deep equal /
// canonical encoding the control plane needs. Objects are plain JSON data (no classes, no undefined
// inside), so `kubectl get -o json|yaml` can print them exactly as stored. Stored data is deep-frozen
// and shared, so what is derived from it (canonical JSON) is memoized by identity.

import { quoteKey, sortedKeys } from './canonical-hash.js';

export { fnv32a, fnv32aCanonical } from './canonical-hash.js';

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
 * A deep copy that shares what it need not copy: frozen subtrees (frozen data is stored data, immutable;
 * only the apiserver freezes, at commit) and every subtree deep-equal to the same place in `base` (a
 * stored, frozen object), which is returned instead. So an unchanged part of a write is the stored one.
 */
export function cloneShared<T>(v: T, base?: unknown): T {
  if (v === base || typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    const b = Array.isArray(base) ? (base as unknown[]) : undefined;
    let same = b !== undefined && b.length === v.length;
    const out: unknown[] = new Array(v.length);
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      const c = typeof x === 'object' && x !== null ? cloneShared(x, b?.[i]) : x;
      out[i] = c;
      if (same && c !== b?.[i]) same = false;
    }
    return (same ? b : out) as T;
  }
  const b = isRecord(base) ? base : undefined;
  const src = v as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  let same = b !== undefined;
  let n = 0;
  for (const k in src) {
    const x = src[k];
    if (x === undefined) continue;
    n++;
    const bk = b?.[k];
    const c = typeof x === 'object' && x !== null ? cloneShared(x, bk) : x;
    out[k] = c;
    // A member base lacks reads as undefined (or as an inherited function), never as the copy.
    if (same && c !== bk) same = false;
  }
  if (same && b !== undefined) {
    let nb = 0;
    for (const k in b) if (b[k] !== undefined) nb++;
    if (nb === n) return b as T;
  }
  return out as T;
}

/**
 * cloneShared for data the caller owns and hands over (a freshly rendered status): the same result, built
 * in place instead of copied. Every subtree deep-equal to the same place in `base` is replaced by base's,
 * `undefined` members are dropped, and base itself is returned when the whole is equal.
 */
export function adoptShared<T>(v: T, base?: unknown): T {
  if (v === base || typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  if (Array.isArray(v)) {
    const b = Array.isArray(base) ? (base as unknown[]) : undefined;
    let same = b !== undefined && b.length === v.length;
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null) v[i] = adoptShared(x, b?.[i]);
      if (same && v[i] !== b?.[i]) same = false;
    }
    return (same ? b : v) as T;
  }
  const b = isRecord(base) ? base : undefined;
  const d = v as Record<string, unknown>;
  let same = b !== undefined;
  let n = 0;
  for (const k in d) {
    const x = d[k];
    if (x === undefined) {
      delete d[k];
      continue;
    }
    n++;
    const bk = b?.[k];
    const c = typeof x === 'object' && x !== null ? adoptShared(x, bk) : x;
    if (c !== x) d[k] = c;
    if (same && c !== bk) same = false;
  }
  if (same && b !== undefined) {
    let nb = 0;
    for (const k in b) if (b[k] !== undefined) nb++;
    if (nb === n) return b as T;
  }
  return v;
}

/**
 * Structural sharing for a private draft of stored data: every subtree of `draft` (below the top) that is
 * deep-equal to the same place in `base` (frozen) is replaced by base's, in place. Returns whether the
 * whole draft equals base. Later writes then skip the shared parts (freeze, decode, compare, hash).
 */
export function reshare(draft: unknown, base: unknown): boolean {
  if (draft === base) return true;
  if (typeof draft !== 'object' || draft === null || typeof base !== 'object' || base === null) return false;
  if (Object.isFrozen(draft) || Array.isArray(draft) !== Array.isArray(base)) return false;
  if (Array.isArray(draft)) {
    const b = base as unknown[];
    let same = draft.length === b.length;
    for (let i = 0; i < draft.length; i++) {
      if (i < b.length && reshare(draft[i], b[i])) draft[i] = b[i];
      else same = false;
    }
    return same;
  }
  const d = draft as Record<string, unknown>;
  const b = base as Record<string, unknown>;
  let same = true;
  let n = 0;
  for (const k in d) {
    const x = d[k];
    if (x === undefined) continue;
    n++;
    if (Object.prototype.hasOwnProperty.call(b, k) && reshare(x, b[k])) d[k] = b[k];
    else same = false;
  }
  if (!same) return false;
  let nb = 0;
  for (const k in b) if (b[k] !== undefined) nb++;
  return n === nb;
}

/**
 * Freezes JSON data in place, all the way down, and returns it. A frozen subtree is taken as already
 * deep-frozen (stored objects share them), so it is not walked again.
 */
export function deepFreeze<T>(v: T): T {
  if (typeof v !== 'object' || v === null || Object.isFrozen(v)) return v;
  Object.freeze(v);
  if (Array.isArray(v)) {
    for (let i = 0; i < v.length; i++) {
      const x: unknown = v[i];
      if (typeof x === 'object' && x !== null) deepFreeze(x);
    }
  } else {
    const r = v as Record<string, unknown>;
    for (const k in r) {
      const x = r[k];
      if (typeof x === 'object' && x !== null) deepFreeze(x);
    }
  }
  return v;
}

/** Structural equality of JSON data (member order ignored, `undefined` members ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) {
      const x: unknown = a[i];
      const y: unknown = b[i];
      if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || !deepEqual(x, y))) return false;
    }
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
    const y = rb[k];
    if (x !== y && (typeof x !== 'object' || typeof y !== 'object' || !deepEqual(x, y))) return false;
    if (!Object.prototype.hasOwnProperty.call(rb, k)) return false;
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
  const out = encodeCanonical(v);
  if (frozen) canonicalCache.set(v, out);
  return out;
}

/** The encoding itself: frozen parts memoized earlier are reused, new ones are not stored (only roots are). */
function encodeCanonical(v: unknown): string {
  if (typeof v !== 'object' || v === null) return JSON.stringify(v) ?? 'null';
  const hit = Object.isFrozen(v) ? canonicalCache.get(v) : undefined;
  if (hit !== undefined) return hit;
  if (Array.isArray(v)) {
    let out = '[';
    for (let i = 0; i < v.length; i++) out += (i > 0 ? ',' : '') + encodeCanonical(v[i]);
    return `${out}]`;
  }
  const r = v as Record<string, unknown>;
  const keys = sortedKeys(r);
  let out = '{';
  let first = true;
  for (const k of keys) {
    const x = r[k];
    if (x === undefined) continue;
    out += `${first ? '' : ','}${quoteKey(k)}:${encodeCanonical(x)}`;
    first = false;
  }
  return `${out}}`;
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
