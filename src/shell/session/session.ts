// Layer shell: a lab session — one lab, one virtual clock, the hosts and their files, the command table
// (emulated tools, text utilities, hops), and the terminals open on it. It starts every command as a
// process and implements `execOn` (kubectl exec, ssh): the remote command runs in the caller's job with
// its output streaming through the caller's stdout and stderr.

import { HubbleObserver } from '../../observe/index.js';
import type { Lab } from '../../lab/index.js';
import type { ExecHost, ExecResult, HostTarget, InputStream, PcapSink, Tool } from '../../tools/process.js';
import { HostDirectory } from '../hosts/host-directory.js';
import type { LabHost } from '../hosts/lab-host.js';
import { isUnmodelled, unmodelledTool } from '../hosts/unmodelled-tools.js';
import type { Frame, Io } from '../interp/runtime.js';
import { exited, killedBy, type Status } from '../interp/signals.js';
import { EMPTY_SOURCE, ttySource, type Sink, type Source } from '../io/streams.js';
import type { VirtualTimeDriver } from '../virtual-time-driver.js';
import { LabProcess, type ProcessWorld } from './lab-process.js';
import type { Shell } from './shell.js';
import { Terminal, type Screen } from './terminal.js';
import { COREUTILS } from '../coreutils/index.js';
import { shellCommands } from '../hops/index.js';

export interface SessionOptions {
  readonly lab: Lab;
  readonly driver: VirtualTimeDriver;
  /** The emulated tools (the registry): merged over the text utilities, under the shell's own hop commands. */
  readonly tools: ReadonlyMap<string, Tool>;
  /** Loop passes allowed per command line; Infinity when a person can press Ctrl-C. */
  readonly maxLoopIterations: number;
  readonly pcapSink?: PcapSink;
}

export class LabSession implements ProcessWorld {
  readonly lab: Lab;
  readonly driver: VirtualTimeDriver;
  readonly commands: ReadonlyMap<string, Tool>;
  readonly hosts: HostDirectory;
  readonly maxLoopIterations: number;
  readonly pcapSink: PcapSink | undefined;
  readonly terminals = new Map<string, Terminal>();

  constructor(opts: SessionOptions) {
    this.lab = opts.lab;
    this.driver = opts.driver;
    this.commands = new Map([...COREUTILS, ...opts.tools, ...shellCommands(this)]);
    this.maxLoopIterations = opts.maxLoopIterations;
    this.pcapSink = opts.pcapSink;
    this.hosts = new HostDirectory(opts.lab, (name) => this.commands.has(name) || isUnmodelled(name));
    // Hubble records flows from the moment the session's lab exists, as the agents' rings do.
    HubbleObserver.of(opts.lab);
  }

  /** Opens a terminal logged in to `target` (a VM as root by default, as `vagrant ssh` + `sudo su -` leave it). */
  openTerminal(name: string, screen: Screen, target: HostTarget): Terminal | undefined {
    const host = this.hosts.resolve(target);
    if (!host) return undefined;
    const user = target.kind === 'workstation' ? 'user' : target.kind === 'vm' ? (target.user ?? 'root') : 'root';
    const t = new Terminal(this, name, screen);
    t.login(host, user);
    this.terminals.set(name, t);
    return t;
  }

  findHost(target: HostTarget): ExecHost | undefined {
    return this.hosts.execHost(target);
  }

  /** Starts `tool` as a process of `frame.job` and resolves with how it ended. */
  async runTool(shell: Shell, tool: Tool, argv: readonly string[], frame: Frame, env: ReadonlyMap<string, string>): Promise<Status> {
    const proc = new LabProcess({ argv, env, labHost: shell.host, user: shell.user, cwd: frame.state.cwd, io: frame.io, job: frame.job, world: this, terminal: shell.opts.terminal });
    return this.runProcess(proc, tool);
  }

  async runProcess(proc: LabProcess, tool: Tool): Promise<Status> {
    const job = proc.job;
    job.members.add(proc);
    try {
      const code = await Promise.race([this.invoke(tool, proc), proc.killed.then(() => 0)]);
      return proc.killedBy ? killedBy(proc.killedBy) : exited(code & 255);
    } finally {
      job.members.delete(proc);
    }
  }

  private async invoke(tool: Tool, proc: LabProcess): Promise<number> {
    try {
      return await tool(proc);
    } catch (e) {
      proc.err(`${proc.argv[0] ?? 'command'}: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      return 70;
    }
  }

  async execOn(caller: LabProcess, target: ExecHost, argv: readonly string[], opts: { stdin?: InputStream; isTty?: boolean }): Promise<ExecResult> {
    const host = this.labHostOf(target);
    const name = argv[0] ?? '';
    const tool = host && host.hasCommand(name) ? (this.commands.get(name) ?? unmodelledTool(name)) : undefined;
    if (!host || !tool) {
      if (target.kind === 'pod') {
        caller.err(`OCI runtime exec failed: exec failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown\n`);
        return { exitCode: 126 };
      }
      caller.err(`${caller.argv[0] ?? 'exec'}: ${name}: No such file or directory\n`);
      return { exitCode: 127 };
    }
    const isSameHost = host === caller.init.labHost;
    const isTty = opts.isTty ?? false;
    const stdin: Source = opts.stdin ? sourceOf(opts.stdin) : isTty ? ttySource() : EMPTY_SOURCE;
    const env = isSameHost ? caller.env : host.loginEnv(target.user);
    const remote = new LabProcess({
      argv,
      env,
      labHost: host,
      user: target.user,
      cwd: isSameHost ? caller.cwd : host.startDir(target.user),
      io: isTty ? ptyIo(stdin, caller.io.stdout) : { stdin, stdout: caller.io.stdout, stderr: caller.io.stderr },
      job: caller.job,
      world: this,
      terminal: caller.init.terminal,
      netns: target.netns,
    });
    if (isTty) caller.ttyForwards++;
    try {
      const st = await this.runProcess(remote, tool);
      return { exitCode: st.code };
    } finally {
      if (isTty) caller.ttyForwards--;
    }
  }

  /** The LabHost behind an ExecHost view (views carry kind and name). */
  labHostOf(h: ExecHost): LabHost | undefined {
    if (h.kind === 'workstation') return this.hosts.workstation();
    if (h.kind === 'vm') return this.hosts.vm(h.name);
    if (h.pod) return this.hosts.pod(h.pod.namespace, h.pod.name, h.pod.container);
    return undefined;
  }
}

/** A remote command on a pseudo-terminal: it sees a tty, and its stderr shares the one output stream. */
function ptyIo(stdin: Source, out: Sink): Io {
  const pty: Sink = { isTty: true, write: (t) => out.write(t) };
  return { stdin, stdout: pty, stderr: pty };
}

/** A tool's InputStream as a Source for the process that reads it. */
function sourceOf(s: InputStream): Source {
  const it = s.chunks()[Symbol.asyncIterator]();
  let done = false;
  return {
    isTty: s.isTty,
    read: async () => {
      if (done) return undefined;
      const r = await it.next();
      if (r.done) done = true;
      return r.done ? undefined : r.value;
    },
    close: () => {
      done = true;
    },
  };
}
