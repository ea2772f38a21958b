// Layer shell: the Process every emulated command runs as. Output goes straight to the command's stdout
// (a pipe, a file or the terminal) as it is written; a write into a closed pipe kills the command with
// SIGPIPE. Ctrl-C runs its interrupt handlers, or kills it (status 130) when it has none. A killed
// command's sleeps and waits never return, its output is dropped, and its stdin is closed.

import type { Lab } from '../../lab/index.js';
import type { Netns } from '../../net/netns.js';
import type { ExecHost, ExecResult, HostTarget, InputStream, PcapSink, Process } from '../../tools/process.js';
import type { Io } from '../interp/runtime.js';
import type { Job, SignalTarget } from '../interp/job.js';
import type { SignalName } from '../interp/signals.js';
import { inputStream } from '../io/streams.js';
import type { VirtualTimeDriver } from '../virtual-time-driver.js';
import type { LabHost } from '../hosts/lab-host.js';
import type { Terminal } from './terminal.js';

/** What a process needs from the session around it (execOn and host lookup live there). */
export interface ProcessWorld {
  readonly lab: Lab;
  readonly driver: VirtualTimeDriver;
  readonly pcapSink: PcapSink | undefined;
  execOn(caller: LabProcess, host: ExecHost, argv: readonly string[], opts: { stdin?: InputStream; isTty?: boolean }): Promise<ExecResult>;
  findHost(target: HostTarget): ExecHost | undefined;
}

export interface LabProcessInit {
  readonly argv: readonly string[];
  readonly env: ReadonlyMap<string, string>;
  readonly labHost: LabHost;
  readonly user: string;
  readonly cwd: string;
  readonly io: Io;
  readonly job: Job;
  readonly world: ProcessWorld;
  /** The terminal the command runs in, for commands that open an interactive shell (ssh, vagrant ssh). */
  readonly terminal: Terminal | undefined;
  /** Another namespace than the host's (`ip netns exec NS CMD` runs CMD there). */
  readonly netns?: Netns | undefined;
}

export class LabProcess implements Process, SignalTarget {
  readonly argv: readonly string[];
  readonly env: ReadonlyMap<string, string>;
  readonly host: ExecHost;
  readonly lab: Lab;
  readonly stdin: InputStream;
  readonly cwd: string;
  readonly pcapSink: PcapSink | undefined;
  killedBy: SignalName | undefined;
  isInterrupted = false;
  /** Remote commands run with a tty: Ctrl-C is theirs, not ours. */
  ttyForwards = 0;
  /** A shell started as this process (sh -c) takes every signal for the job of its own commands. */
  forwardTo: SignalTarget | undefined;
  readonly killed: Promise<SignalName>;
  private resolveKilled: (sig: SignalName) => void = () => undefined;
  private readonly handlers: Array<() => void> = [];

  constructor(readonly init: LabProcessInit) {
    this.argv = init.argv;
    this.env = init.env;
    this.cwd = init.cwd;
    const view = init.labHost.view(init.user, init.cwd);
    this.host = init.netns && init.netns !== view.netns ? { ...view, netns: init.netns } : view;
    this.lab = init.world.lab;
    this.pcapSink = init.world.pcapSink;
    this.stdin = inputStream(init.io.stdin);
    this.killed = new Promise((resolve) => (this.resolveKilled = resolve));
  }

  get isTty(): boolean {
    return this.init.io.stdout.isTty;
  }

  get io(): Io {
    return this.init.io;
  }

  get job(): Job {
    return this.init.job;
  }

  out(text: string): void {
    if (this.killedBy) return;
    if (!this.init.io.stdout.write(text)) this.kill('PIPE');
  }

  err(text: string): void {
    if (this.killedBy) return;
    if (!this.init.io.stderr.write(text)) this.kill('PIPE');
  }

  sleep(us: number): Promise<void> {
    return this.whileAlive(this.init.world.driver.sleep(us));
  }

  until(done: () => boolean, limitUs?: number): Promise<boolean> {
    return this.whileAlive(this.init.world.driver.until(done, limitUs));
  }

  onInterrupt(fn: () => void): void {
    this.handlers.push(fn);
  }

  execOn(host: ExecHost, argv: readonly string[], opts: { stdin?: InputStream; isTty?: boolean } = {}): Promise<ExecResult> {
    return this.whileAlive(this.init.world.execOn(this, host, argv, opts));
  }

  findHost(target: HostTarget): ExecHost | undefined {
    return this.init.world.findHost(target);
  }

  signal(sig: SignalName): void {
    if (this.killedBy) return;
    if (this.forwardTo && sig !== 'KILL') {
      this.forwardTo.signal(sig);
      return;
    }
    if (sig === 'INT') {
      if (this.ttyForwards > 0) return;
      if (this.handlers.length > 0) {
        this.isInterrupted = true;
        for (const h of this.handlers.splice(0)) h();
        return;
      }
    }
    this.kill(sig);
  }

  /** Ends the process now: handlers run (so engines stop sending), output is dropped from here on. */
  kill(sig: SignalName): void {
    if (this.killedBy) return;
    this.killedBy = sig;
    this.isInterrupted = true;
    for (const h of this.handlers.splice(0)) h();
    this.init.io.stdin.close();
    this.resolveKilled(sig);
  }

  /** A promise that settles like `p`, unless the process is killed first (then it never settles). */
  private whileAlive<T>(p: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      p.then(
        (v) => {
          if (!this.killedBy) resolve(v);
        },
        (e: unknown) => {
          if (!this.killedBy) reject(e instanceof Error ? e : new Error(String(e)));
        },
      );
    });
  }
}
