// Test support for the shell: a lab session in scripted mode with a terminal whose screen is a string,
// and a runner that types lines like a person (prompt, command, output) or presses Ctrl-C after a while.

import { buildLab, loadDefaultLab, type Lab } from '../../src/lab/index.js';
import { LabSession } from '../../src/shell/session/session.js';
import type { Terminal } from '../../src/shell/session/terminal.js';
import { VirtualTimeDriver } from '../../src/shell/virtual-time-driver.js';
import type { Tool } from '../../src/tools/process.js';

export const macrotask = (): Promise<void> => new Promise<void>((r) => setImmediate(r));

let cachedLab: Lab | undefined;

/** The default lab, built once per test file (tests that change the lab pass `fresh`). */
export function defaultLab(opts: { fresh?: boolean; seed?: number } = {}): Lab {
  if (opts.fresh || opts.seed !== undefined) return buildLab(loadDefaultLab(), opts.seed === undefined ? {} : { seed: opts.seed });
  cachedLab ??= buildLab(loadDefaultLab());
  return cachedLab;
}

export interface TestTerminal {
  readonly session: LabSession;
  readonly terminal: Terminal;
  readonly driver: VirtualTimeDriver;
  /** Types a line (Ctrl-C after `interruptAfterUs` of virtual time); returns what the screen showed. */
  run(line: string, opts?: { interruptAfterUs?: number }): Promise<string>;
  /** Screen writes with the virtual time they happened at. */
  readonly writes: Array<{ text: string; atUs: number }>;
  /** Everything shown so far, with prompts and typed commands. */
  transcript(): string;
  /** `$?` of the shell at the top of the terminal. */
  status(): number;
}

export async function openTestTerminal(opts: { lab?: Lab; tools?: ReadonlyMap<string, Tool>; host?: string; isInputTty?: boolean; maxLoopIterations?: number } = {}): Promise<TestTerminal> {
  const lab = opts.lab ?? defaultLab();
  const driver = new VirtualTimeDriver(lab.scheduler, macrotask);
  const session = new LabSession({ lab, driver, tools: opts.tools ?? new Map(), maxLoopIterations: opts.maxLoopIterations ?? 10_000 });
  let screen = '';
  let all = '';
  const writes: Array<{ text: string; atUs: number }> = [];
  const isInputTty = opts.isInputTty ?? true;
  const target = opts.host === 'workstation' ? ({ kind: 'workstation' } as const) : ({ kind: 'vm', name: opts.host ?? 'k8s-ctr' } as const);
  const write = (t: string) => {
    screen += t;
    all += t;
    writes.push({ text: t, atUs: lab.nowUs });
  };
  const terminal = session.openTerminal('main', { write, isTty: true, isInputTty }, target);
  if (!terminal) throw new Error('no terminal');
  await driver.run(terminal.whenReady());
  return {
    session,
    terminal,
    driver,
    writes,
    run: async (line, o = {}) => {
      screen = '';
      all += `${terminal.prompt()}${line}\n`;
      if (o.interruptAfterUs !== undefined) {
        lab.scheduler.after(o.interruptAfterUs, () => {
          write('^C\n');
          terminal.interrupt();
        });
      }
      await driver.run(terminal.submit(line), 3_600_000_000);
      return screen;
    },
    transcript: () => all,
    status: () => terminal.top?.shell.state.lastStatus ?? -1,
  };
}
