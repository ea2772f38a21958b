// Layer shell: the printing and testing builtins — echo (-n, -e, -E), printf (with -v VAR), and
// test / [ with bash's messages ("[: missing `]'", "integer expression expected", exit status 2).

import { testBuiltin } from '../interp/cond.js';
import { formatPrintf, unescapeAll } from '../coreutils/printf-format.js';
import type { Builtin } from './index.js';

const echo: Builtin = (args, ctx) => {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length; i++) {
    const a = args[i] ?? '';
    if (!/^-[neE]+$/.test(a)) break;
    for (const f of a.slice(1)) {
      if (f === 'n') newline = false;
      else if (f === 'e') escapes = true;
      else escapes = false;
    }
  }
  let text = args.slice(i).join(' ');
  if (escapes) {
    const stop = text.indexOf('\\c');
    if (stop >= 0) {
      text = text.slice(0, stop);
      newline = false;
    }
    text = unescapeAll(text);
  }
  ctx.out(newline ? `${text}\n` : text);
  return 0;
};

const printf: Builtin = (args, ctx) => {
  let a = args;
  let target: string | undefined;
  if (a[0] === '-v') {
    target = a[1];
    a = a.slice(2);
  }
  if (a[0] === '--') a = a.slice(1);
  const format = a[0];
  if (format === undefined) {
    ctx.err(`${ctx.interp.errPrefix(ctx.frame)}printf: usage: printf [-v var] format [arguments]\n`);
    return 2;
  }
  const r = formatPrintf(format, a.slice(1));
  for (const e of r.errors) ctx.fail(e);
  if (target !== undefined) ctx.frame.state.set(target, r.text);
  else ctx.out(r.text);
  return r.errors.length > 0 ? 1 : 0;
};

const test: Builtin = (args, ctx) => {
  const r = testBuiltin(args, ctx.interp.condContext(ctx.frame), ctx.name === '[' ? '[' : 'test');
  if (r.error !== undefined) ctx.err(`${ctx.interp.errPrefix(ctx.frame)}${r.error}\n`);
  return r.code;
};

export const TEXT_BUILTINS: ReadonlyArray<[string, Builtin]> = [
  ['echo', echo],
  ['printf', printf],
  ['test', test],
  ['[', test],
];
