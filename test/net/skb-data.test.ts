// Frame memory: every allocation is its own zeroed bytes (no two frames share a byte, so editing one
// frame in place never changes another), copies are independent, and a frame larger than a slab's share
// still gets exactly the bytes it asked for.

import { expect, test } from 'vitest';
import { allocSkbData, copySkbData } from '../../src/net/skb-data.js';

test('allocations are zeroed and never overlap, across slab boundaries', () => {
  const frames: Uint8Array[] = [];
  for (let i = 0; i < 2000; i++) {
    const f = allocSkbData(1 + (i % 200));
    expect(f.every((x) => x === 0)).toBe(true);
    f.fill((i % 255) + 1);
    frames.push(f);
  }
  frames.forEach((f, i) => expect(f.every((x) => x === (i % 255) + 1)).toBe(true));
});

test('a copy is independent of its original; large frames get their own memory', () => {
  const a = allocSkbData(98);
  a[0] = 0x45;
  const b = copySkbData(a);
  b[0] = 0x46;
  expect([a[0], b[0], b.length]).toEqual([0x45, 0x46, 98]);
  const big = allocSkbData(65_535);
  expect(big.length).toBe(65_535);
  expect(big.every((x) => x === 0)).toBe(true);
});
