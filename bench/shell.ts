// Benchmarks of the lab shell: the seed's walkthrough (examples/week4-encapsulation) replayed in scripted
// virtual time, timing each typed command in wall time (virtual waits take none), and `ciliumlab` started in
// a pseudo-terminal (util-linux `script`) until its first prompt appears.

import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { macrotask } from '../src/cli/lab-setup.js';
import { buildLab, loadDefaultLab } from '../src/lab/index.js';
import { loadScenario, runScenario, VirtualTimeDriver } from '../src/shell/index.js';
import { commands } from '../src/tools/registry.js';

const SCENARIO = new URL('../examples/week4-encapsulation/scenario.yaml', import.meta.url);
const CLI = new URL('../bin/ciliumlab.js', import.meta.url).pathname;

/** Wall time of every `run:` step of the seed's walkthrough, in ms. */
export async function benchSeedCommands(): Promise<number[]> {
  const loaded = loadScenario(readFileSync(SCENARIO, 'utf8'), SCENARIO.pathname);
  if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
  const lab = buildLab(loadDefaultLab(), { seed: loaded.scenario.seed ?? 1 });
  const times: number[] = [];
  let t0 = 0;
  await runScenario(loaded.scenario, {
    lab,
    driver: new VirtualTimeDriver(lab.scheduler, macrotask),
    tools: commands,
    write: () => undefined,
    onStep: (step, phase) => {
      if (!('run' in step)) return;
      if (phase === 'start') t0 = performance.now();
      else times.push(performance.now() - t0);
    },
  });
  return times;
}

/** Milliseconds from spawning `ciliumlab` on a terminal to its first prompt. */
export function benchFirstPrompt(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn('script', ['-qfec', `node ${CLI}`, '/dev/null'], { stdio: ['pipe', 'pipe', 'inherit'] });
    let seen = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt after 30 s; saw: ${seen.slice(-200)}`));
    }, 30_000);
    child.stdout.on('data', (d: Buffer) => {
      seen += d.toString('utf8');
      if (!seen.includes('root@k8s-ctr:~# ')) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      child.stdout.removeAllListeners('data');
      child.kill('SIGKILL');
      resolve(ms);
    });
    child.on('error', reject);
  });
}
