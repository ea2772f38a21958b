// Layer shell: one bash (or busybox sh) process on a host, as a user — its state, interpreter, job table
// and history — and the runtime the interpreter asks for commands, files and processes. Interactive
// shells are driven line by line by a Terminal; `bash -c`, `sh -c` and ssh commands run a whole text.

import type { Tool } from '../../tools/process.js';
import { Aborted, BreakLoop, ContinueLoop, ExitShell, FatalExpansion, ReturnFrom } from '../interp/control.js';
import { Interpreter } from '../interp/interpreter.js';
import type { Job } from '../interp/job.js';
import { JobTable } from '../interp/job-table.js';
import type { Frame, Io, ShellFlavor, ShellRuntime } from '../interp/runtime.js';
import { ShellState } from '../interp/shell-state.js';
import { SIGNAL_NUMBERS, type Status } from '../interp/signals.js';
import type { HostFs } from '../hosts/host-fs.js';
import type { LabHost } from '../hosts/lab-host.js';
import { unmodelledTool } from '../hosts/unmodelled-tools.js';
import { parseScript } from '../syntax/parse-script.js';
import type { LabSession } from './session.js';
import type { Terminal } from './terminal.js';

export interface ShellOptions {
  readonly flavor: ShellFlavor;
  readonly isInteractive: boolean;
  /** `$0`: "bash", "-bash" for a login shell, "sh". */
  readonly name: string;
  readonly terminal: Terminal | undefined;
}

export class Shell implements ShellRuntime {
  readonly state = new ShellState();
  readonly interp: Interpreter;
  readonly jobs = new JobTable();
  readonly history: string[] = [];
  readonly flavor: ShellFlavor;
  readonly isInteractive: boolean;
  lineBase = 0;

  constructor(
    readonly session: LabSession,
    readonly host: LabHost,
    readonly user: string,
    readonly opts: ShellOptions,
  ) {
    this.flavor = opts.flavor;
    this.isInteractive = opts.isInteractive;
    this.state.name = opts.name;
    this.state.pid = host.init.nextPid();
    this.state.cwd = host.startDir(user);
    this.interp = new Interpreter(this);
  }

  get fs(): HostFs {
    return this.host.fs;
  }

  get maxLoopIterations(): number {
    return this.session.maxLoopIterations;
  }

  /** Takes the environment as exported variables (a child shell inherits what its parent exported). */
  importEnv(env: ReadonlyMap<string, string>): void {
    for (const [k, v] of env) this.state.set(k, v, { export: true });
  }

  findCommand(name: string): Tool | undefined {
    return this.host.hasCommand(name) ? (this.session.commands.get(name) ?? unmodelledTool(name)) : undefined;
  }

  runTool(tool: Tool, argv: readonly string[], frame: Frame, env: ReadonlyMap<string, string>): Promise<Status> {
    return this.session.runTool(this, tool, argv, frame, env);
  }

  yieldNow(): Promise<void> {
    return this.session.driver.yieldMacrotask();
  }

  nextPid(): number {
    return this.host.init.nextPid();
  }

  /**
   * Parses and runs a whole text (a -c string, a script, an ssh command) in `job`; returns its exit
   * status. Syntax errors print bash's message and give 2; exit/signals end the run.
   */
  async runText(text: string, io: Io, job: Job): Promise<number> {
    const parsed = parseScript(text);
    if (parsed.kind !== 'ok') {
      const msg = parsed.kind === 'error' ? parsed.message : 'syntax error: unexpected end of file';
      io.stderr.write(`${this.state.name}: ${this.isInteractive ? '' : `line ${parsed.kind === 'error' ? parsed.line : 1}: `}${msg}\n`);
      return 2;
    }
    this.interp.resetPasses();
    const frame: Frame = { state: this.state, io, job, isSubshell: false };
    try {
      return await this.guard(() => this.interp.run(parsed.script, frame), frame);
    } catch (e) {
      if (e instanceof ExitShell) return e.code;
      throw e;
    }
  }

  /** Runs `body`, turning the interpreter's control exceptions into an exit status. */
  async guard(body: () => Promise<number>, frame: Frame): Promise<number> {
    try {
      return await body();
    } catch (e) {
      if (e instanceof ExitShell) throw e;
      if (e instanceof Aborted) return 128 + SIGNAL_NUMBERS[e.signal];
      if (e instanceof FatalExpansion) {
        frame.io.stderr.write(`${this.interp.errPrefix(frame)}${e.message}\n`);
        return e.code;
      }
      if (e instanceof ReturnFrom) {
        frame.io.stderr.write(`${this.interp.errPrefix(frame)}return: can only \`return' from a function or sourced script\n`);
        return 1;
      }
      if (e instanceof BreakLoop || e instanceof ContinueLoop) return 0;
      throw e;
    }
  }
}
