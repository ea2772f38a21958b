// Layer shell: builtins that describe or configure the shell — alias/unalias, type, command (-v, or run
// skipping functions), hash, history (-c), and the no-ops a profile script calls (complete, shopt, trap,
// umask, ulimit). `type` answers as bash does: "k is aliased to `kubectl'", "cd is a shell builtin".

import type { Builtin, BuiltinContext } from './index.js';
import { BUILTINS } from './index.js';

function commandPath(name: string): string {
  return `/usr/bin/${name}`;
}

const alias: Builtin = (args, ctx) => {
  const aliases = ctx.frame.state.aliases;
  const show = (n: string) => ctx.out(`alias ${n}='${(aliases.get(n) ?? '').replace(/'/g, `'\\''`)}'\n`);
  if (args.length === 0 || (args.length === 1 && args[0] === '-p')) {
    for (const n of [...aliases.keys()].sort()) show(n);
    return 0;
  }
  let code = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    if (eq > 0) aliases.set(a.slice(0, eq), a.slice(eq + 1));
    else if (aliases.has(a)) show(a);
    else code = ctx.fail(`${a}: not found`);
  }
  return code;
};

const unalias: Builtin = (args, ctx) => {
  const aliases = ctx.frame.state.aliases;
  if (args[0] === '-a') {
    aliases.clear();
    return 0;
  }
  let code = 0;
  for (const a of args) if (!aliases.delete(a)) code = ctx.fail(`${a}: not found`);
  return code;
};

type Kind = 'alias' | 'function' | 'builtin' | 'file' | undefined;

function kindOf(name: string, ctx: BuiltinContext): Kind {
  const st = ctx.frame.state;
  if (st.aliases.has(name)) return 'alias';
  if (st.functions.has(name)) return 'function';
  if (BUILTINS.has(name)) return 'builtin';
  return ctx.interp.rt.findCommand(name) ? 'file' : undefined;
}

const type: Builtin = (args, ctx) => {
  const terse = args.includes('-t');
  let code = 0;
  for (const n of args.filter((a) => !a.startsWith('-'))) {
    const k = kindOf(n, ctx);
    if (k === undefined) {
      if (!terse) ctx.fail(`${n}: not found`);
      code = 1;
    } else if (terse) ctx.out(`${k}\n`);
    else if (k === 'alias') ctx.out(`${n} is aliased to \`${ctx.frame.state.aliases.get(n) ?? ''}'\n`);
    else if (k === 'function') ctx.out(`${n} is a function\n`);
    else if (k === 'builtin') ctx.out(`${n} is a shell builtin\n`);
    else ctx.out(`${n} is ${commandPath(n)}\n`);
  }
  return code;
};

const command: Builtin = async (args, ctx) => {
  if (args[0] === '-v' || args[0] === '-V') {
    let code = 0;
    for (const n of args.slice(1)) {
      const k = kindOf(n, ctx);
      if (k === undefined) code = 1;
      else if (k === 'alias') ctx.out(`alias ${n}='${ctx.frame.state.aliases.get(n) ?? ''}'\n`);
      else ctx.out(k === 'file' ? `${commandPath(n)}\n` : `${n}\n`);
    }
    return code;
  }
  const name = args[0];
  if (name === undefined) return 0;
  const builtin = BUILTINS.get(name);
  if (builtin) return builtin(args.slice(1), { ...ctx, name });
  const tool = ctx.interp.rt.findCommand(name);
  if (!tool) {
    ctx.err(`${ctx.interp.errPrefix(ctx.frame)}${name}: command not found\n`);
    return 127;
  }
  return (await ctx.interp.rt.runTool(tool, args, ctx.frame, ctx.frame.state.exportedEnv())).code;
};

const history: Builtin = (args, ctx) => {
  const h = ctx.interp.rt.history;
  if (args[0] === '-c') {
    h.length = 0;
    return 0;
  }
  const n = args[0] !== undefined && /^\d+$/.test(args[0]) ? Number(args[0]) : h.length;
  h.slice(h.length - n).forEach((line, i) => ctx.out(`${String(h.length - n + i + 1).padStart(5)}  ${line}\n`));
  return 0;
};

const hash: Builtin = (args, ctx) => {
  for (const n of args.filter((a) => !a.startsWith('-'))) if (!ctx.interp.rt.findCommand(n)) return ctx.fail(`${n}: not found`);
  return 0;
};

export const INFO_BUILTINS: ReadonlyArray<[string, Builtin]> = [
  ['alias', alias],
  ['unalias', unalias],
  ['type', type],
  ['command', command],
  ['history', history],
  ['hash', hash],
  ['complete', () => 0],
  ['shopt', () => 0],
  ['trap', () => 0],
  ['umask', (_a, ctx) => (ctx.out('0022\n'), 0)],
  ['ulimit', (_a, ctx) => (ctx.out('unlimited\n'), 0)],
];
