// Layer cli: building the lab the command line asks for (`--lab FILE`, `--seed N`), and the pieces a
// session needs from Node: the macrotask yield, the wall clock, and a pcap sink writing into `--pcap DIR`.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLab, type Lab } from '../lab/index.js';
import { loadSpec } from './spec-loader.js';
import type { PcapSink } from '../tools/process.js';

export type LabSetup = { readonly ok: true; readonly lab: Lab } | { readonly ok: false; readonly message: string };

export function setUpLab(opts: { labFile?: string | undefined; seed?: number | undefined }): LabSetup {
  const s = loadSpec(opts);
  return s.ok ? { ok: true, lab: buildLab(s.spec, opts.seed === undefined ? {} : { seed: opts.seed }) } : s;
}

export const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export const wallClock = {
  nowMs: () => performance.now(),
  sleepMs: (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)),
};

export function pcapSink(dir: string | undefined): PcapSink | undefined {
  if (dir === undefined) return undefined;
  return {
    write: (name, bytes) => {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), bytes);
    },
  };
}
