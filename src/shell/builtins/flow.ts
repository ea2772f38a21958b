// Layer shell: builtins that steer execution — true/false/:, exit/logout, return, break/continue,
// source/. (run a file in this shell), eval (run text in this shell) and exec (run a command, then end).

import { parseScript } from '../syntax/parse-script.js';
import { resolvePath } from '../hosts/host-fs.js';
import { BreakLoop, ContinueLoop, ExitShell, ReturnFrom } from '../interp/control.js';
import type { Builtin, BuiltinContext } from './index.js';

function statusArg(args: string[], ctx: BuiltinContext): number | undefined {
  const a = args[0];
  if (a === undefined) return ctx.frame.state.lastStatus;
  if (!/^-?\d+$/.test(a)) {
    ctx.fail(`${a}: numeric argument required`, 2);
    return 2;
  }
  return ((Number(a) % 256) + 256) % 256;
}

const exit: Builtin = (args, ctx) => {
  throw new ExitShell(statusArg(args, ctx) ?? 0);
};

/** Caught by the function call or `source`; at the top level the shell prints bash's complaint. */
const ret: Builtin = (args, ctx) => {
  throw new ReturnFrom(statusArg(args, ctx) ?? 0);
};

function loopLevels(args: string[], ctx: BuiltinContext): number | undefined {
  const n = args[0] === undefined ? 1 : Number(args[0]);
  if (!Number.isInteger(n) || n < 1) {
    ctx.fail(`${args[0]}: loop count out of range`);
    return undefined;
  }
  return n;
}

const brk: Builtin = (args, ctx) => {
  const n = loopLevels(args, ctx);
  if (n === undefined) return 1;
  throw new BreakLoop(n);
};

const cont: Builtin = (args, ctx) => {
  const n = loopLevels(args, ctx);
  if (n === undefined) return 1;
  throw new ContinueLoop(n);
};

/** Parses and runs `text` in the calling shell; syntax errors print bash's message and return 2. */
async function runText(text: string, ctx: BuiltinContext): Promise<number> {
  const parsed = parseScript(text);
  if (parsed.kind === 'incomplete') return ctx.fail('syntax error: unexpected end of file', 2);
  if (parsed.kind === 'error') {
    ctx.err(`${ctx.interp.errPrefix(ctx.frame)}${parsed.message}\n`);
    return 2;
  }
  return ctx.interp.run(parsed.script, ctx.frame);
}

const source: Builtin = async (args, ctx) => {
  const file = args[0];
  if (file === undefined) return ctx.fail('filename argument required', 2);
  const text = ctx.interp.rt.fs.read(resolvePath(ctx.frame.state.cwd, file));
  if (text === undefined) return ctx.fail(`${file}: No such file or directory`);
  const st = ctx.frame.state;
  const saved = st.positional;
  if (args.length > 1) st.positional = args.slice(1);
  try {
    return await runText(text, ctx);
  } catch (e) {
    if (e instanceof ReturnFrom) return e.code;
    throw e;
  } finally {
    st.positional = saved;
  }
};

const evalBuiltin: Builtin = (args, ctx) => (args.length === 0 ? 0 : runText(args.join(' '), ctx));

const exec: Builtin = async (args, ctx) => {
  if (args.length === 0) return 0;
  const code = await runText(args.map(quote).join(' '), ctx);
  throw new ExitShell(code);
};

function quote(s: string): string {
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}

export const FLOW_BUILTINS: ReadonlyArray<[string, Builtin]> = [
  [':', () => 0],
  ['true', () => 0],
  ['false', () => 1],
  ['exit', exit],
  ['logout', exit],
  ['return', ret],
  ['break', brk],
  ['continue', cont],
  ['source', source],
  ['.', source],
  ['eval', evalBuiltin],
  ['exec', exec],
];
