// Layer shell: job control builtins — jobs [-l], fg [%N] (prints the command and waits for it; Ctrl-C
// then reaches that job), bg (jobs never stop here, so it only answers), wait [%N|PID] (status of the
// job, 127 for an unknown one) and kill [-SIG] %N|PID, kill -l. Messages are bash's.

import type { Job } from '../interp/job.js';
import { SIGNAL_NUMBERS, parseSignal, type SignalName } from '../interp/signals.js';
import type { Builtin, BuiltinContext } from './index.js';

const jobs: Builtin = (args, ctx) => {
  ctx.out(ctx.interp.rt.jobs.format({ withPid: args.includes('-l') }));
  return 0;
};

/** Waits for `job` while the calling job's signals (Ctrl-C) are forwarded to it. */
async function waitForwarding(job: Job, ctx: BuiltinContext, forward: boolean): Promise<number> {
  let interrupted: SignalName | undefined;
  let wake: (() => void) | undefined;
  const member = {
    signal: (sig: SignalName) => {
      if (forward) job.signal(sig);
      else {
        interrupted = sig;
        wake?.();
      }
    },
  };
  ctx.frame.job.members.add(member);
  try {
    const st = await Promise.race([job.wait(), new Promise<undefined>((r) => (wake = () => r(undefined)))]);
    if (st === undefined) return 128 + SIGNAL_NUMBERS[interrupted ?? 'INT'];
    return st.code;
  } finally {
    ctx.frame.job.members.delete(member);
  }
}

const fg: Builtin = async (args, ctx) => {
  const table = ctx.interp.rt.jobs;
  const job = table.find(args[0]);
  if (!job) return ctx.fail(`${args[0] ?? 'current'}: no such job`);
  ctx.out(`${job.command}\n`);
  const code = await waitForwarding(job, ctx, true);
  table.remove(job);
  return code;
};

const bg: Builtin = (args, ctx) => {
  const job = ctx.interp.rt.jobs.find(args[0]);
  if (!job) return ctx.fail(`${args[0] ?? 'current'}: no such job`);
  return ctx.fail(`job ${job.id} already in background`, 0);
};

const wait: Builtin = async (args, ctx) => {
  const table = ctx.interp.rt.jobs;
  if (args.length === 0) {
    for (const j of [...table.list()]) {
      const code = await waitForwarding(j, ctx, false);
      if (code > 128 && j.state !== 'done') return code;
    }
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const job = a.startsWith('%') ? table.find(a) : table.byPid(Number(a));
    if (!job) {
      ctx.fail(a.startsWith('%') ? `${a}: no such job` : `pid ${a} is not a child of this shell`);
      code = 127;
      continue;
    }
    code = await waitForwarding(job, ctx, false);
  }
  return code;
};

const kill: Builtin = (args, ctx) => {
  if (args[0] === '-l') {
    ctx.out(`${(Object.keys(SIGNAL_NUMBERS) as SignalName[]).map((s) => `${SIGNAL_NUMBERS[s]}) SIG${s}`).join('\t')}\n`);
    return 0;
  }
  let sig: SignalName = 'TERM';
  let rest = args;
  if (rest[0] === '-s' || rest[0] === '-n') {
    const s = parseSignal(rest[1] ?? '');
    if (!s) return ctx.fail(`${rest[1]}: invalid signal specification`);
    sig = s;
    rest = rest.slice(2);
  } else if (rest[0]?.startsWith('-')) {
    const s = parseSignal(rest[0]);
    if (!s) return ctx.fail(`${rest[0].slice(1)}: invalid signal specification`);
    sig = s;
    rest = rest.slice(1);
  }
  if (rest.length === 0) {
    ctx.err('kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n');
    return 2;
  }
  let code = 0;
  for (const target of rest) {
    const table = ctx.interp.rt.jobs;
    const job = target.startsWith('%') ? table.find(target) : table.byPid(Number(target));
    if (!job) {
      code = ctx.fail(target.startsWith('%') ? `${target}: no such job` : `(${target}) - No such process`);
      continue;
    }
    job.signal(sig);
  }
  return code;
};

export const JOB_BUILTINS: ReadonlyArray<[string, Builtin]> = [
  ['jobs', jobs],
  ['fg', fg],
  ['bg', bg],
  ['wait', wait],
  ['kill', kill],
];
