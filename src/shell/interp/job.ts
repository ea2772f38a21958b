// Layer shell: a job, the unit Ctrl-C and `kill %N` address: every process started for one command line
// (the stages of its pipelines, commands run inside its loops, remote commands of `kubectl exec`). A
// signal goes to every running member; the shell code of the job stops at its next step unless a member
// caught the signal (ping prints its statistics on SIGINT and the loop around it goes on, as in bash).

import type { SignalName, Status } from './signals.js';

/** A process of the job that can receive signals (an emulated tool, a text utility, `sleep`). */
export interface SignalTarget {
  signal(sig: SignalName): void;
}

export type JobState = 'running' | 'done';

export class Job {
  /** Job number once the job is in the background (`[1]`), else 0. */
  id = 0;
  state: JobState = 'running';
  status: Status | undefined;
  /** The shell code of this job must stop (the signal reached no member that handles it). */
  fatal: SignalName | undefined;
  readonly members = new Set<SignalTarget>();
  private readonly doneWaiters: Array<(s: Status) => void> = [];

  constructor(
    /** The command text as `jobs` shows it. */
    readonly command: string,
    readonly pid: number,
  ) {}

  signal(sig: SignalName): void {
    if (this.state === 'done') return;
    const targets = [...this.members];
    if (sig !== 'INT' || targets.length === 0) this.fatal ??= sig;
    for (const t of targets) t.signal(sig);
  }

  finish(status: Status): void {
    if (this.state === 'done') return;
    this.state = 'done';
    this.status = status;
    for (const w of this.doneWaiters.splice(0)) w(status);
  }

  wait(): Promise<Status> {
    if (this.status) return Promise.resolve(this.status);
    return new Promise((resolve) => this.doneWaiters.push(resolve));
  }
}
