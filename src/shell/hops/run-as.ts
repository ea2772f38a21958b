// Layer shell: running a command line as another user or on another host on behalf of a process (sudo,
// su, ssh, vagrant ssh): the new process shares the caller's job, terminal and output, so Ctrl-C and
// pipes behave as if the caller ran it; an interactive request opens a shell on the caller's terminal.

import type { LabHost } from '../hosts/lab-host.js';
import { Job } from '../interp/job.js';
import type { Io } from '../interp/runtime.js';
import { LabProcess } from '../session/lab-process.js';
import type { LabSession } from '../session/session.js';
import { Shell } from '../session/shell.js';

/** Runs `text` with `bash -c` on `host` as `user` (what sshd does with `ssh host CMD`). */
export async function runCommandText(session: LabSession, caller: LabProcess, host: LabHost, user: string, text: string, opts: { cwd?: string; io?: Io } = {}): Promise<number> {
  const sh = new Shell(session, host, user, { flavor: 'bash', isInteractive: false, name: 'bash', terminal: caller.init.terminal });
  sh.importEnv(host.loginEnv(user));
  sh.state.cwd = opts.cwd ?? host.startDir(user);
  const child = new Job(text, sh.state.pid);
  caller.forwardTo = child;
  try {
    return await sh.runText(text, opts.io ?? caller.io, child);
  } finally {
    caller.forwardTo = undefined;
  }
}

/** Runs argv as a process of the caller's job (sudo CMD): same output, same terminal. */
export function runArgv(session: LabSession, caller: LabProcess, host: LabHost, user: string, argv: readonly string[], env: ReadonlyMap<string, string>): Promise<number> {
  const tool = host.hasCommand(argv[0] ?? '') ? session.commands.get(argv[0] ?? '') : undefined;
  if (!tool) return Promise.resolve(-1);
  const proc = new LabProcess({ argv, env, labHost: host, user, cwd: caller.cwd, io: caller.io, job: caller.job, world: session, terminal: caller.init.terminal });
  return session.runProcess(proc, tool).then((st) => st.code);
}

/** Opens an interactive login shell on the caller's terminal; undefined when there is no terminal. */
export function openShell(caller: LabProcess, host: LabHost, user: string, opts: { isLogin: boolean; env?: ReadonlyMap<string, string> }): Promise<number> | undefined {
  const t = caller.init.terminal;
  if (!t || !caller.stdin.isTty) return undefined;
  return t.push(host, user, opts);
}
