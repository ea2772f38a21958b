// Layer shell: replays a scenario on a lab. Each terminal keeps what it showed; a step prints the prompt,
// the typed command and the output of its terminal, as a person would see it — output a terminal showed
// while another one was in use (a tcpdump in the router window) appears when that terminal is next used.
// Failed expectations are printed under their step; the result counts them.

import { parseDuration } from '../../lab/index.js';
import type { Lab } from '../../lab/index.js';
import type { PcapSink, Tool } from '../../tools/process.js';
import { Job } from '../interp/job.js';
import { NULL_SINK, EMPTY_SOURCE } from '../io/streams.js';
import { LabSession } from '../session/session.js';
import { Shell } from '../session/shell.js';
import type { Terminal } from '../session/terminal.js';
import { VirtualTimeStall, type VirtualTimeDriver } from '../virtual-time-driver.js';
import { checkExpectation } from './checks.js';
import type { Scenario, ScenarioStep } from './scenario-schema.js';

export interface ScenarioRunOptions {
  readonly lab: Lab;
  readonly driver: VirtualTimeDriver;
  readonly tools: ReadonlyMap<string, Tool>;
  /** Receives the transcript as it is produced. */
  readonly write: (text: string) => void;
  readonly pcapSink?: PcapSink;
  /** Told as each step begins and ends (the benchmark times the seed's commands with it). */
  readonly onStep?: (step: ScenarioStep, phase: 'start' | 'end') => void;
}

export interface ScenarioResult {
  readonly checks: number;
  readonly failures: number;
}

const DEFAULT_TIMEOUT_US = 3_600_000_000;

interface Window {
  readonly name: string;
  readonly terminal: Terminal;
  /** Everything the terminal showed. */
  readonly out: { screen: string };
  /** How much of `screen` the transcript has shown. */
  shown: number;
  /** Where the output of the command now running began. */
  commandStart: number;
}

export async function runScenario(scn: Scenario, opts: ScenarioRunOptions): Promise<ScenarioResult> {
  const session = new LabSession({ lab: opts.lab, driver: opts.driver, tools: opts.tools, maxLoopIterations: 100_000, ...(opts.pcapSink ? { pcapSink: opts.pcapSink } : {}) });
  const windows = new Map<string, Window>();
  for (const [name, t] of Object.entries(scn.terminals ?? { main: { host: 'k8s-ctr' } })) {
    const out = { screen: '' };
    const target = t.host === 'workstation' ? ({ kind: 'workstation' } as const) : ({ kind: 'vm', name: t.host, ...(t.user ? { user: t.user } : {}) } as const);
    const terminal = session.openTerminal(name, { write: (text) => void (out.screen += text), isTty: true, isInputTty: true }, target);
    if (!terminal) {
      opts.write(`ciliumlab: terminal ${name}: no host "${t.host}" in the lab\n`);
      return { checks: 1, failures: 1 };
    }
    await opts.driver.run(terminal.whenReady());
    windows.set(name, { name, terminal, out, shown: 0, commandStart: 0 });
  }
  const first = [...windows.values()][0];
  if (!first) return { checks: 0, failures: 0 };
  const runner = new StepRunner(session, windows, first, opts);
  for (const step of scn.steps) {
    opts.onStep?.(step, 'start');
    await runner.step(step);
    opts.onStep?.(step, 'end');
  }
  opts.write(`\n# scenario ${scn.name}: ${runner.checks} checks, ${runner.failures} failed\n`);
  return { checks: runner.checks, failures: runner.failures };
}

class StepRunner {
  checks = 0;
  failures = 0;
  private current: Window | undefined;

  constructor(
    private readonly session: LabSession,
    private readonly windows: Map<string, Window>,
    private readonly first: Window,
    private readonly opts: ScenarioRunOptions,
  ) {}

  async step(s: ScenarioStep): Promise<void> {
    const w = (s.terminal !== undefined ? this.windows.get(s.terminal) : undefined) ?? this.first;
    if ('wait' in s && s.terminal === undefined && s.comment === undefined) {
      await this.opts.driver.run(this.opts.driver.sleep(durationUs(s.wait)));
      return;
    }
    this.focus(w);
    if ('note' in s) {
      this.opts.write(`# ${s.note}\n`);
      return;
    }
    if (s.comment !== undefined) this.opts.write(`# ${s.comment}\n`);
    if ('run' in s) await this.run(w, s);
    else if ('interrupt' in s) await this.interrupt(w, s.expect);
    else if ('wait' in s) await this.opts.driver.run(this.opts.driver.sleep(durationUs(s.wait)));
    else await this.reach(w, s.reach, s.expect);
  }

  /** Shows what a terminal printed since the transcript last looked at it, under its name when it changes. */
  private focus(w: Window): void {
    if (this.current !== w && this.windows.size > 1) this.opts.write(`\n─── ${w.name} ───\n`);
    this.current = w;
    this.flush(w);
  }

  private flush(w: Window): void {
    this.opts.write(w.out.screen.slice(w.shown));
    w.shown = w.out.screen.length;
  }

  private async run(w: Window, s: Extract<ScenarioStep, { run: string }>): Promise<void> {
    const t = w.terminal;
    if (!t.isReady) {
      this.fail(w, [`terminal ${w.name} is still running a command; interrupt it first`]);
      return;
    }
    const lines = s.run.replace(/\n$/, '').split('\n');
    w.commandStart = w.out.screen.length;
    for (const [i, line] of lines.entries()) {
      w.out.screen += `${t.prompt()}${line}\n`;
      w.commandStart = w.out.screen.length;
      const submitted = t.submit(line);
      if (i < lines.length - 1) {
        await this.opts.driver.run(submitted);
        continue;
      }
      if (s.keepRunning) {
        await this.opts.driver.run(Promise.resolve());
        this.flush(w);
        return;
      }
      if (s.interruptAfter !== undefined) this.session.lab.scheduler.after(durationUs(s.interruptAfter), () => this.pressCtrlC(w));
      try {
        await this.opts.driver.run(submitted, s.timeout !== undefined ? durationUs(s.timeout) : DEFAULT_TIMEOUT_US);
      } catch (e) {
        if (!(e instanceof VirtualTimeStall)) throw e;
        t.top?.foreground?.signal('KILL');
        w.out.screen += `ciliumlab: ${e.message}\n`;
        this.flush(w);
        this.fail(w, ['the command did not finish']);
        return;
      }
    }
    this.flush(w);
    this.verify(w, s.expect);
  }

  private pressCtrlC(w: Window): void {
    w.out.screen += '^C\n';
    w.terminal.interrupt();
  }

  private async interrupt(w: Window, expect: Extract<ScenarioStep, { interrupt: true }>['expect']): Promise<void> {
    this.pressCtrlC(w);
    await this.opts.driver.run(w.terminal.whenReady(), DEFAULT_TIMEOUT_US);
    this.flush(w);
    this.verify(w, expect);
  }

  private async reach(w: Window, r: { from: string; to: string; expect: boolean }, expect: Extract<ScenarioStep, { reach: object }>['expect']): Promise<void> {
    const shellVars = w.terminal.top?.shell.state;
    const to = r.to.replace(/\$\{?(\w+)\}?/g, (_, n: string) => shellVars?.get(n) ?? '');
    const host = this.session.hosts.vm(r.from) ?? this.session.hosts.pod(r.from.includes('/') ? (r.from.split('/')[0] ?? '') : 'default', r.from.split('/').at(-1) ?? '');
    this.opts.write(`# reachability: ${r.from} -> ${to}: `);
    if (!host) {
      this.opts.write('no such host\n');
      this.fail(w, [`no VM or pod "${r.from}"`]);
      return;
    }
    const sh = new Shell(this.session, host, 'root', { flavor: 'bash', isInteractive: false, name: 'bash', terminal: undefined });
    const code = await this.opts.driver.run(sh.runText(`ping -c 1 -W 1 ${to}`, { stdin: EMPTY_SOURCE, stdout: NULL_SINK, stderr: NULL_SINK }, new Job('reach', 0)));
    this.opts.write(`${code === 0 ? 'reachable' : 'unreachable'}\n`);
    this.checks++;
    if ((code === 0) !== r.expect) this.fail(w, [`expected ${r.expect ? 'reachable' : 'unreachable'}`], { counted: true });
    if (expect) this.verify(w, expect);
  }

  private verify(w: Window, e: Extract<ScenarioStep, { run: string }>['expect']): void {
    if (!e) return;
    this.checks++;
    const output = w.out.screen.slice(w.commandStart);
    const problems = checkExpectation(e, output, w.terminal.top?.shell.state.lastStatus);
    if (problems.length > 0) this.fail(w, problems, { counted: true });
  }

  private fail(w: Window, problems: string[], opts: { counted?: boolean } = {}): void {
    if (!opts.counted) this.checks++;
    this.failures++;
    this.opts.write(problems.map((p) => `✗ [${w.name}] ${p}\n`).join(''));
  }
}

function durationUs(text: string): number {
  const d = parseDuration(text);
  return d.ok ? d.us : 0;
}
