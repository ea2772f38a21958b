// Layer shell: the background jobs of one shell — numbered from 1 as bash numbers them, `+` the current
// and `-` the previous job, `%N`/`%+`/`%-`/`%%`/`%name` specs, and the "[1]+  Done  cmd" notices an
// interactive shell prints before its next prompt. Lines are formatted as bash's `jobs` prints them.

import type { Job } from './job.js';
import { signalDescription, type Status } from './signals.js';

export class JobTable {
  private readonly jobs: Job[] = [];
  /** Most recently backgrounded (or foregrounded) first: [0] is `+`, [1] is `-`. */
  private order: Job[] = [];
  private readonly notified = new Set<Job>();

  add(job: Job): void {
    job.id = (this.jobs.at(-1)?.id ?? 0) + 1;
    this.jobs.push(job);
    this.order = [job, ...this.order.filter((j) => j !== job)];
  }

  list(): readonly Job[] {
    return this.jobs;
  }

  /** Resolves a job spec (`%1`, `%+`, `%-`, `%%`, `%sleep`, or none for the current job). */
  find(spec?: string): Job | undefined {
    if (spec === undefined || spec === '%%' || spec === '%+' || spec === '%') return this.order[0];
    if (spec === '%-') return this.order[1];
    const m = /^%(\d+)$/.exec(spec);
    if (m) return this.jobs.find((j) => j.id === Number(m[1]));
    if (spec.startsWith('%')) return this.jobs.find((j) => j.command.startsWith(spec.slice(1)));
    return undefined;
  }

  byPid(pid: number): Job | undefined {
    return this.jobs.find((j) => j.pid === pid);
  }

  remove(job: Job): void {
    const i = this.jobs.indexOf(job);
    if (i >= 0) this.jobs.splice(i, 1);
    this.order = this.order.filter((j) => j !== job);
    this.notified.delete(job);
  }

  /** `jobs` lines; finished jobs are shown once and then forgotten. */
  format(opts: { withPid?: boolean } = {}): string {
    let out = '';
    for (const j of [...this.jobs]) {
      out += this.line(j, opts.withPid ?? false);
      if (j.state === 'done') this.remove(j);
    }
    return out;
  }

  /** Notices for jobs that finished since the last prompt ("[1]+  Done   sleep 3"), then forgets them. */
  takeNotices(): string {
    let out = '';
    for (const j of [...this.jobs]) {
      if (j.state !== 'done') continue;
      out += this.line(j, false);
      this.remove(j);
    }
    return out;
  }

  private line(j: Job, withPid: boolean): string {
    const mark = this.order[0] === j ? '+' : this.order[1] === j ? '-' : ' ';
    const status = j.state === 'running' ? 'Running' : describe(j.status);
    const cmd = j.state === 'running' ? `${j.command} &` : j.command;
    return withPid ? `[${j.id}]${mark} ${j.pid} ${status.padEnd(24)}${cmd}\n` : `[${j.id}]${mark}  ${status.padEnd(24)}${cmd}\n`;
  }
}

function describe(s: Status | undefined): string {
  if (!s || (s.code === 0 && !s.signal)) return 'Done';
  if (s.signal) return signalDescription(s.signal);
  return `Exit ${s.code}`;
}
