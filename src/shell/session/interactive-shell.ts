// Layer shell: a shell a person types into. It gathers lines until a command is complete (showing `> `
// meanwhile), keeps history, runs each command line as the foreground job, prints bash's errors without
// "line N:", reports finished background jobs before the next prompt, and on `exit` or Ctrl-D prints
// "logout" (login shells) or "exit" and leaves the terminal's stack.

import { Aborted, ExitShell } from '../interp/control.js';
import { Job } from '../interp/job.js';
import type { Frame, Io } from '../interp/runtime.js';
import { SIGNAL_NUMBERS } from '../interp/signals.js';
import { EMPTY_SOURCE, ttySource } from '../io/streams.js';
import { parseScript } from '../syntax/parse-script.js';
import type { LabHost } from '../hosts/lab-host.js';
import { promptOf } from '../hosts/prompt.js';
import { Shell } from './shell.js';
import type { Terminal } from './terminal.js';

export class InteractiveShell {
  readonly shell: Shell;
  foreground: Job | undefined;
  /** False when commands come from a pipe or file (bash reading a script): errors then carry "line N:". */
  readonly isInteractive: boolean;
  private pending = '';
  private linesRead = 0;
  private commandFirstLine = 1;
  private resolveExit: (code: number) => void = () => undefined;
  readonly exited: Promise<number>;

  constructor(
    readonly terminal: Terminal,
    readonly host: LabHost,
    readonly user: string,
    readonly isLogin: boolean,
  ) {
    this.isInteractive = terminal.screen.isInputTty;
    this.shell = new Shell(terminal.session, host, user, { flavor: 'bash', isInteractive: this.isInteractive, name: 'bash', terminal });
    this.exited = new Promise((resolve) => (this.resolveExit = resolve));
  }

  /** Login: the user's environment, then /etc/profile (aliases such as `k=kubectl` on the control plane). */
  async start(env: ReadonlyMap<string, string>): Promise<void> {
    this.shell.importEnv(env);
    const profile = this.isLogin ? this.host.fs.read('/etc/profile') : undefined;
    if (profile !== undefined) await this.shell.runText(profile, this.io(), new Job('profile', this.shell.nextPid()));
  }

  get isIdle(): boolean {
    return this.foreground === undefined;
  }

  prompt(): string {
    return this.pending !== '' ? '> ' : promptOf(this.host, this.user, this.shell.state.cwd);
  }

  /** One line typed; resolves when the command it completes has finished (at once if it needs more). */
  async feed(line: string): Promise<void> {
    this.linesRead++;
    if (this.pending === '') this.commandFirstLine = this.linesRead;
    const text = this.pending !== '' ? `${this.pending}\n${line}` : line;
    const parsed = parseScript(text);
    if (parsed.kind === 'incomplete') {
      this.pending = text;
      return;
    }
    this.pending = '';
    if (text.trim() === '') return;
    this.shell.history.push(text);
    if (parsed.kind === 'error') {
      if (this.isInteractive) this.terminal.screen.write(`bash: ${parsed.message}\n`);
      else {
        const n = this.commandFirstLine + parsed.line - 1;
        this.io().stderr.write(`bash: line ${n}: ${parsed.message}\nbash: line ${n}: \`${text.split('\n')[parsed.line - 1] ?? text}'\n`);
        this.leave(2);
      }
      this.shell.state.lastStatus = 2;
      return;
    }
    this.shell.lineBase = this.commandFirstLine - 1;
    const job = new Job(text, this.shell.nextPid());
    this.foreground = job;
    this.shell.interp.resetPasses();
    const frame: Frame = { state: this.shell.state, io: this.io(), job, isSubshell: false };
    try {
      const code = await this.shell.guard(() => this.shell.interp.run(parsed.script, frame), frame);
      this.shell.state.lastStatus = code;
    } catch (e) {
      if (e instanceof ExitShell) this.leave(e.code);
      else if (e instanceof Aborted) this.shell.state.lastStatus = 128 + SIGNAL_NUMBERS[e.signal];
      else throw e;
    } finally {
      this.foreground = undefined;
      job.finish({ code: this.shell.state.lastStatus });
    }
  }

  /** Ctrl-C: drops a half-typed command, or signals the foreground job. */
  interrupt(): void {
    if (this.pending !== '') {
      this.pending = '';
      this.shell.state.lastStatus = 130;
      return;
    }
    this.foreground?.signal('INT');
  }

  /** Ctrl-D on an empty line. */
  eof(): void {
    if (this.pending !== '') {
      this.io().stderr.write(this.isInteractive ? 'bash: syntax error: unexpected end of file\n' : `bash: line ${this.linesRead + 1}: syntax error: unexpected end of file\n`);
      this.pending = '';
      if (this.isInteractive) return;
      this.shell.state.lastStatus = 2;
    }
    this.leave(this.shell.state.lastStatus);
  }

  /** "[1]+  Done   sleep 3" lines for jobs that ended since the last prompt. */
  takeNotices(): string {
    return this.shell.jobs.takeNotices();
  }

  private leave(code: number): void {
    if (this.isInteractive) this.terminal.screen.write(this.isLogin ? 'logout\n' : 'exit\n');
    for (const j of this.shell.jobs.list()) j.signal('HUP');
    this.terminal.remove(this);
    this.resolveExit(code);
  }

  private io(): Io {
    const screen = this.terminal.screen;
    const sink = { isTty: screen.isTty, write: (t: string) => (screen.write(t), true) };
    const errSink = screen.writeError ? { isTty: screen.isTty, write: (t: string) => (screen.writeError?.(t), true) } : sink;
    return { stdin: screen.isInputTty ? ttySource() : EMPTY_SOURCE, stdout: sink, stderr: errSink };
  }
}
