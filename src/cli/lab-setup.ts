// Layer cli: building the lab the command line asks for — the default lab or `--lab FILE` (errors as the
// lab file loader words them), `--seed N` — and the pieces a session needs from Node: the macrotask
// yield, the wall clock, and a pcap sink writing into `--pcap DIR`.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildLab, formatLabFileErrors, loadDefaultLab, loadLabFile, type Lab } from '../lab/index.js';
import type { PcapSink } from '../tools/process.js';

export type LabSetup = { readonly ok: true; readonly lab: Lab } | { readonly ok: false; readonly message: string };

export function setUpLab(opts: { labFile?: string | undefined; seed?: number | undefined }): LabSetup {
  let spec = loadDefaultLab();
  if (opts.labFile !== undefined) {
    let text: string;
    try {
      text = readFileSync(opts.labFile, 'utf8');
    } catch {
      return { ok: false, message: `ciliumlab: cannot read lab file ${opts.labFile}: No such file or directory` };
    }
    const r = loadLabFile(text, opts.labFile);
    if (!r.ok) return { ok: false, message: formatLabFileErrors(r.errors) };
    spec = r.lab;
  }
  return { ok: true, lab: buildLab(spec, opts.seed === undefined ? {} : { seed: opts.seed }) };
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
