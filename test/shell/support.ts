// Test support for the shell: a lab session in scripted mode with a terminal whose screen is a string,
// fake tools for interpreter tests, and a runner that types lines like a person (prompt, command, output).

import { buildLab, loadDefaultLab, type Lab } from '../../src/lab/index.js';
import { LabSession } from '../../src/shell/session/session.js';
import type { Terminal } from '../../src/shell/session/terminal.js';
import { VirtualTimeDriver } from '../../src/shell/virtual-time-driver.js';
import type { Tool } from '../../src/tools/process.js';

const macrotask = () => new Promise<void>((r) => setImmediate(r));

let cachedLab: Lab | undefined;

/** The default lab (built once per test file; tests that change the lab build their own). */
export function defaultLab(opts: { fresh?: boolean; seed?: number } = {}): Lab {
  if (opts.fresh || opts.seed !== undefined) return buildLab(loadDefaultLab(), opts.seed === undefined ? {} : { seed: opts.seed });
  cachedLab ??= buildLab(loadDefaultLab());
  return cachedLab;
}

export interface TestTerminal {
  readonly session: LabSession;
  readonly terminal: Terminal;
  /** Types a line; returns what the screen showed while it ran. */
  run(line: string): Promise<string>;
  /** Everything shown so far, with prompts and typed commands. */
  transcript(): string;
}

export async function openTestTerminal(opts: { lab?: Lab; tools?: ReadonlyMap<string, Tool>; host?: string; isTty?: boolean } = {}): Promise<TestTerminal> {
  const lab = opts.lab ?? defaultLab();
  const driver = new VirtualTimeDriver(lab.scheduler, macrotask);
  const session = new LabSession({ lab, driver, tools: opts.tools ?? new Map(), maxLoopIterations: 10_000 });
  let screen = '';
  let all = '';
  const isTty = opts.isTty ?? true;
  const target = opts.host === 'workstation' ? ({ kind: 'workstation' } as const) : ({ kind: 'vm', name: opts.host ?? 'k8s-ctr' } as const);
  const terminal = session.openTerminal('main', { write: (t) => ((screen += t), (all += t)), isTty, isInputTty: isTty }, target);
  if (!terminal) throw new Error('no terminal');
  await driver.run(terminal.whenReady());
  return {
    session,
    terminal,
    run: async (line) => {
      screen = '';
      all += `${terminal.prompt()}${line}\n`;
      await driver.run(terminal.submit(line), 3_600_000_000);
      return screen;
    },
    transcript: () => all,
  };
}
