// Layer shell: a terminal window — a screen, and a stack of interactive shells: the login shell at the
// bottom, then one per hop (`ssh router`, `kubectl exec -it POD -- bash`, `vagrant ssh k8s-ctr`). Lines
// go to the top shell; Ctrl-C to its foreground job. `submit` resolves when the terminal waits for input
// again: the command finished, or a hop opened a new shell that now waits at its prompt.

import type { LabHost } from '../hosts/lab-host.js';
import { InteractiveShell } from './interactive-shell.js';
import type { LabSession } from './session.js';

export interface Screen {
  write(text: string): void;
  /** Standard error when it goes elsewhere than the screen (ciliumlab < script keeps fd 2 apart). */
  writeError?(text: string): void;
  /** Whether output goes to a terminal (tools colour or pad for one). */
  readonly isTty: boolean;
  /** Whether the keyboard is a terminal (kubectl exec -t checks; false when commands come from a pipe). */
  readonly isInputTty: boolean;
}

export class Terminal {
  private readonly stack: InteractiveShell[] = [];
  private waiters: Array<() => void> = [];
  private loginShell: InteractiveShell | undefined;

  constructor(
    readonly session: LabSession,
    readonly name: string,
    readonly screen: Screen,
  ) {}

  /** The login shell at the bottom of the stack. */
  login(host: LabHost, user: string): Promise<void> {
    const sh = new InteractiveShell(this, host, user, true);
    this.loginShell = sh;
    this.stack.push(sh);
    return sh.start(host.loginEnv(user));
  }

  /** The exit status of the login shell, once it is left (the terminal closes). */
  get closed(): Promise<number> {
    return this.loginShell?.exited ?? Promise.resolve(0);
  }

  /** A hop: a new interactive shell on top; resolves with its exit status when it is left. */
  async push(host: LabHost, user: string, opts: { isLogin: boolean; env?: ReadonlyMap<string, string> }): Promise<number> {
    const sh = new InteractiveShell(this, host, user, opts.isLogin);
    this.stack.push(sh);
    await sh.start(opts.env ?? host.loginEnv(user));
    this.changed();
    return sh.exited;
  }

  remove(sh: InteractiveShell): void {
    const i = this.stack.indexOf(sh);
    if (i >= 0) this.stack.splice(i, 1);
    this.changed();
  }

  get top(): InteractiveShell | undefined {
    return this.stack.at(-1);
  }

  get isClosed(): boolean {
    return this.stack.length === 0;
  }

  prompt(): string {
    return this.top?.prompt() ?? '';
  }

  /** Gives a typed line to the top shell; resolves when the terminal waits for input again. */
  async submit(line: string): Promise<void> {
    const top = this.top;
    if (!top) return;
    const done = top.feed(line).then(() => this.changed());
    await Promise.race([done, this.whenReady()]);
  }

  /** Ctrl-C. */
  interrupt(): void {
    this.top?.interrupt();
  }

  /** Ctrl-D; resolves when the terminal is ready again (or closed). */
  async eof(): Promise<void> {
    this.top?.eof();
    await this.whenReady();
  }

  /** Background-job notices of the top shell, printed before its prompt. */
  takeNotices(): string {
    return this.top?.takeNotices() ?? '';
  }

  /** Whether the top shell is idle at its prompt (or no shell is left). */
  get isReady(): boolean {
    const top = this.top;
    return top === undefined || top.isIdle;
  }

  whenReady(): Promise<void> {
    if (this.isReady) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private changed(): void {
    if (!this.isReady) return;
    const ws = this.waiters;
    this.waiters = [];
    for (const w of ws) w();
  }
}
