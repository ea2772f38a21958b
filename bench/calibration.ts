// Benchmark: the machine's speed at the moment, from a fixed CPU-bound workload that owes nothing to
// ciliumlab's code (SHA-256 of 2 MB with @noble/hashes, MB/s). On a shared machine the other figures move
// with it; printed beside them, it tells a slow run of the machine from a slow change of the code.

import { sha256 } from '@noble/hashes/sha2.js';

export function benchCalibration(): number {
  const data = new Uint8Array(2 * 1024 * 1024).fill(0xa5);
  sha256(data); // compiled and warm
  const start = performance.now();
  sha256(data);
  return data.length / 1e6 / ((performance.now() - start) / 1000);
}
