// Layer cli: the lab file the command line names (`--lab FILE`), or the default lab, read and checked —
// errors worded as the lab file loader words them. Only the lab-file modules load here, so the CLI can
// show its first prompt before the (slower) lab build.

import { readFileSync } from 'node:fs';
import { formatLabFileErrors, loadDefaultLab, loadLabFile, type LabSpec } from '../lab/lab-file/index.js';

export type SpecSetup = { readonly ok: true; readonly spec: LabSpec } | { readonly ok: false; readonly message: string };

/** The lab file (or the default lab), checked; building it is a separate, slower step. */
export function loadSpec(opts: { labFile?: string | undefined }): SpecSetup {
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
  return { ok: true, spec };
}

