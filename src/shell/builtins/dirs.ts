// Layer shell: cd and pwd. `cd` with no argument goes to $HOME, `cd -` to $OLDPWD (and prints it); both
// keep PWD and OLDPWD up to date. Errors are bash's: "bash: cd: /nope: No such file or directory".

import { resolvePath } from '../hosts/host-fs.js';
import type { Builtin } from './index.js';

const cd: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  const operands = args.filter((a) => a !== '-L' && a !== '-P' && a !== '--');
  if (operands.length > 1) return ctx.fail('too many arguments');
  let target = operands[0];
  if (target === undefined) {
    target = st.get('HOME');
    if (target === undefined) return ctx.fail('HOME not set');
  } else if (target === '-') {
    target = st.get('OLDPWD');
    if (target === undefined) return ctx.fail('OLDPWD not set');
    ctx.out(`${target}\n`);
  }
  const abs = resolvePath(st.cwd, target);
  const fs = ctx.interp.rt.fs;
  if (!fs.isDir(abs)) return ctx.fail(`${target}: ${fs.exists(abs) ? 'Not a directory' : 'No such file or directory'}`);
  st.set('OLDPWD', st.cwd);
  st.cwd = abs;
  st.set('PWD', abs);
  return 0;
};

const pwd: Builtin = (_args, ctx) => {
  ctx.out(`${ctx.frame.state.cwd}\n`);
  return 0;
};

export const DIR_BUILTINS: ReadonlyArray<[string, Builtin]> = [
  ['cd', cd],
  ['pwd', pwd],
];
