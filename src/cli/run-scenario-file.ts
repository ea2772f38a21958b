// Layer cli: `ciliumlab run FILE` — load the scenario, build its lab (its `lab:` path is relative to the
// scenario file; `--lab` and `--seed` override), replay it in scripted virtual time, print the transcript,
// and exit 1 when a check failed (2 when the file itself is wrong).

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { loadScenario, runScenario, VirtualTimeDriver } from '../shell/index.js';
import { commands } from '../tools/registry.js';
import { macrotask, pcapSink, setUpLab } from './lab-setup.js';

export async function runScenarioFile(file: string, opts: { labFile?: string | undefined; seed?: number | undefined; pcapDir?: string | undefined }): Promise<number> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`ciliumlab: cannot read scenario ${file}: No such file or directory\n`);
    return 2;
  }
  const loaded = loadScenario(text, file);
  if (!loaded.ok) {
    process.stderr.write(`${loaded.errors.join('\n')}\n`);
    return 2;
  }
  const scn = loaded.scenario;
  const labFile = opts.labFile ?? (scn.lab !== undefined ? resolve(dirname(file), scn.lab) : undefined);
  const setup = setUpLab({ labFile, seed: opts.seed ?? scn.seed });
  if (!setup.ok) {
    process.stderr.write(`${setup.message}\n`);
    return 2;
  }
  const driver = new VirtualTimeDriver(setup.lab.scheduler, macrotask);
  const sink = pcapSink(opts.pcapDir);
  const result = await runScenario(scn, { lab: setup.lab, driver, tools: commands, write: (t) => void process.stdout.write(t), ...(sink ? { pcapSink: sink } : {}) });
  return result.failures > 0 ? 1 : 0;
}
