// JSON helpers: fnv32a hashes the UTF-8 bytes as Go's hash/fnv does, deepClone/deepEqual ignore
// undefined members, deepFreeze freezes every level, canonicalJson is stable under key order, and
// fnv32aCanonical hashes exactly the bytes of canonicalJson (plus a suffix) without building them.

import { describe, expect, it } from 'vitest';
import { canonicalJson, deepClone, deepEqual, deepFreeze, fnv32a, fnv32aCanonical } from './json.js';

function fnvOfBytes(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

describe('json helpers', () => {
  it.each(['', 'a', 'foobar', 'ü€', '😀 pod', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'])('fnv32a(%j) hashes the UTF-8 bytes', (s) => {
    expect(fnv32a(s)).toBe(fnvOfBytes(new TextEncoder().encode(s)));
  });

  it('fnv32a matches Go for "foobar"', () => {
    expect(fnv32a('foobar')).toBe(0xbf9cf968);
  });

  it('clones, compares and freezes', () => {
    const v = { a: [1, { b: 'x' }], c: undefined, d: null };
    const c = deepClone(v);
    expect(c).toEqual({ a: [1, { b: 'x' }], d: null });
    expect('c' in c).toBe(false);
    expect(deepEqual(v, c)).toBe(true);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual([1], { 0: 1 })).toBe(false);
    deepFreeze(c);
    expect(Object.isFrozen(c.a[1])).toBe(true);
    expect(Object.isFrozen(deepClone(c).a)).toBe(false);
  });

  it('canonicalJson sorts keys, also when memoized for frozen data', () => {
    const v = deepFreeze({ b: 1, a: { d: [2], c: 'x' } });
    expect(canonicalJson(v)).toBe('{"a":{"c":"x","d":[2]},"b":1}');
    expect(canonicalJson(v)).toBe(canonicalJson({ a: { c: 'x', d: [2] }, b: 1 }));
  });

  it.each([
    null, 7, -0.5, 'plain', true,
    { b: 1, a: { d: [2, null, undefined], c: 'x' }, u: undefined },
    { 'k "q"': 'tab\there', e: 'ü€ 😀', s: 'lone \ud800 high', c: '\u0001\\"', n: [1e21, NaN, -0, 0.1] },
    [[], {}, [{}], 'z'],
  ])('fnv32aCanonical(%j) hashes the bytes of canonicalJson', (v) => {
    expect(fnv32aCanonical(v)).toBe(fnv32a(canonicalJson(v)));
    expect(fnv32aCanonical(v, '3')).toBe(fnv32a(`${canonicalJson(v)}3`));
  });
});
