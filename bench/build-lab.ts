// Benchmark: wall time of buildLab() on a lab spec, one sample per run (ms).

import { buildLab, type LabSpec } from '../src/lab/index.js';

export function benchBuild(spec: LabSpec, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    buildLab(spec);
    out.push(performance.now() - t);
  }
  return out;
}
