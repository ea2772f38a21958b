// Layer shell: builtins over variables — export, unset, readonly, local, declare/typeset, set (options
// -e -u -x -o pipefail, and `set --` for positional parameters), shift, let, and read (one line of
// stdin split on IFS; -r, -p, -a; status 1 at end of input). Listings use bash's `declare -x` format.

import { evalArithText, parseArithmetic } from '../interp/arith.js';
import { arithScope } from '../interp/expand.js';
import { frameScope } from '../interp/frame-scope.js';
import type { Source } from '../io/streams.js';
import type { Builtin, BuiltinContext } from './index.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

function declareLine(prefix: string, name: string, value: string | string[] | undefined): string {
  if (value === undefined) return `${prefix} ${name}\n`;
  if (Array.isArray(value)) return `${prefix} ${name}=(${value.map((v, i) => `[${i}]="${v}"`).join(' ')})\n`;
  return `${prefix} ${name}="${value.replace(/(["\\$`])/g, '\\$1')}"\n`;
}

/** NAME or NAME=value arguments of export/readonly/local/declare. */
function assignEach(args: string[], ctx: BuiltinContext, apply: (name: string, value: string | undefined) => void): number {
  let code = 0;
  for (const a of args) {
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq).replace(/\+$/, '');
    if (!NAME.test(name)) {
      ctx.fail(`\`${a}': not a valid identifier`);
      code = 1;
      continue;
    }
    const value = eq < 0 ? undefined : a.slice(eq + 1);
    apply(name, a.slice(0, eq).endsWith('+') && value !== undefined ? (ctx.frame.state.get(name) ?? '') + value : value);
  }
  return code;
}

const exportBuiltin: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  const unexport = args.includes('-n');
  const names = args.filter((a) => !/^-[fnp]+$/.test(a));
  if (names.length === 0) {
    for (const [k, v] of [...st.vars].sort(([a], [b]) => (a < b ? -1 : 1))) if (v.isExported) ctx.out(declareLine('declare -x', k, v.value));
    return 0;
  }
  return assignEach(names, ctx, (name, value) => {
    const v = st.vars.get(name);
    if (unexport) {
      if (v) v.isExported = false;
    } else if (value !== undefined) st.set(name, value, { export: true });
    else if (v) v.isExported = true;
    else st.vars.set(name, { value: '', isExported: true, isReadonly: false });
  });
};

const readonlyBuiltin: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  return assignEach(args.filter((a) => !a.startsWith('-')), ctx, (name, value) => {
    if (value !== undefined) st.set(name, value);
    const v = st.vars.get(name) ?? { value: '', isExported: false, isReadonly: false };
    st.vars.set(name, { ...v, isReadonly: true });
  });
};

const local: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  if (st.localScopes.length === 0) return ctx.fail('can only be used in a function');
  return assignEach(args.filter((a) => !a.startsWith('-')), ctx, (name, value) => {
    st.declareLocal(name);
    if (value !== undefined) st.set(name, value);
    else if (!st.vars.has(name)) st.set(name, '');
  });
};

const declare: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const names = args.filter((a) => !a.startsWith('-'));
  if (names.length === 0) {
    for (const [k, v] of [...st.vars].sort(([a], [b]) => (a < b ? -1 : 1))) ctx.out(declareLine(`declare -${v.isExported ? 'x' : '-'}`, k, v.value));
    return 0;
  }
  return assignEach(names, ctx, (name, value) => {
    if (st.localScopes.length > 0 && !flags.includes('g')) st.declareLocal(name);
    if (value !== undefined) st.set(name, flags.includes('a') ? [value] : value, flags.includes('x') ? { export: true } : {});
    else if (!st.vars.has(name)) st.set(name, flags.includes('a') ? [] : '', flags.includes('x') ? { export: true } : {});
  });
};

const unset: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  const isFunction = args.includes('-f');
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    if (isFunction) st.functions.delete(a);
    else if (!st.unset(a)) return ctx.fail(`${a}: cannot unset: readonly variable`);
  }
  return 0;
};

const OPTION_LETTERS: Readonly<Record<string, 'errexit' | 'nounset' | 'xtrace'>> = { e: 'errexit', u: 'nounset', x: 'xtrace' };

const set: Builtin = (args, ctx) => {
  const st = ctx.frame.state;
  if (args.length === 0) {
    for (const [k, v] of [...st.vars].sort(([a], [b]) => (a < b ? -1 : 1))) ctx.out(`${k}=${Array.isArray(v.value) ? `(${v.value.join(' ')})` : quoteValue(v.value)}\n`);
    return 0;
  }
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      st.positional = args.slice(i + 1);
      return 0;
    }
    if (a === '-o' || a === '+o') {
      const opt = args[++i];
      if (opt === 'pipefail' || opt === 'errexit' || opt === 'nounset' || opt === 'xtrace') st.options[opt] = a === '-o';
      else if (opt !== undefined) return ctx.fail(`${opt}: invalid option name`);
      continue;
    }
    if (/^[-+][a-zA-Z]+$/.test(a)) {
      for (const l of a.slice(1)) {
        const opt = OPTION_LETTERS[l];
        if (opt) st.options[opt] = a.startsWith('-');
      }
      continue;
    }
    st.positional = args.slice(i);
    return 0;
  }
  return 0;
};

function quoteValue(v: string): string {
  return /^[\w@%+=:,./-]*$/.test(v) ? v : `'${v.replace(/'/g, `'\\''`)}'`;
}

const shift: Builtin = (args, ctx) => {
  const n = args[0] === undefined ? 1 : Number(args[0]);
  const st = ctx.frame.state;
  if (!Number.isInteger(n) || n < 0) return ctx.fail(`${args[0]}: numeric argument required`);
  if (n > st.positional.length) return 1;
  st.positional = st.positional.slice(n);
  return 0;
};

const letBuiltin: Builtin = async (args, ctx) => {
  let last = 0;
  for (const a of args) {
    const expr = parseArithmetic(a);
    if (!expr) return ctx.fail(`${a}: syntax error in expression`);
    last = await evalArithText(expr, a, arithScope(frameScope(ctx.interp, ctx.frame)), 'let');
  }
  return last !== 0 ? 0 : 1;
};

/** What `read` left of a chunk it read past the line it wanted, per stdin. */
const leftovers = new WeakMap<Source, string>();

async function readLine(src: Source): Promise<string | undefined> {
  let buf = leftovers.get(src) ?? '';
  while (!buf.includes('\n')) {
    const c = await src.read();
    if (c === undefined) {
      leftovers.delete(src);
      return buf === '' ? undefined : buf;
    }
    buf += c;
  }
  const nl = buf.indexOf('\n');
  leftovers.set(src, buf.slice(nl + 1));
  return buf.slice(0, nl);
}

const read: Builtin = async (args, ctx) => {
  let raw = false;
  let arrayName: string | undefined;
  const names: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '-r') raw = true;
    else if (a === '-p') ctx.err(args[++i] ?? '');
    else if (a === '-a') arrayName = args[++i];
    else if (/^-[st]$/.test(a)) i++;
    else if (!a.startsWith('-')) names.push(a);
  }
  const line = await readLine(ctx.frame.io.stdin);
  if (line === undefined) return 1;
  const text = raw ? line : line.replace(/\\(.)/g, '$1');
  const ifs = ctx.frame.state.get('IFS') ?? ' \t\n';
  const fields = text.split(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`)).filter((f, i, all) => f !== '' || (i > 0 && i < all.length - 1));
  const st = ctx.frame.state;
  if (arrayName !== undefined) {
    st.set(arrayName, fields);
    return 0;
  }
  const targets = names.length > 0 ? names : ['REPLY'];
  targets.forEach((n, i) => {
    if (i < targets.length - 1) st.set(n, fields[i] ?? '');
    else st.set(n, names.length === 0 ? text : restOf(text, ifs, i));
  });
  return 0;
}

/** The last variable of `read a b` gets the rest of the line, separators included. */
function restOf(text: string, ifs: string, skip: number): string {
  let t = text.replace(new RegExp(`^[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+`), '');
  for (let i = 0; i < skip; i++) t = t.replace(new RegExp(`^[^${ifs}]*[${ifs}]+`), '');
  return t.replace(new RegExp(`[${ifs.replace(/[\]\\^-]/g, '\\$&')}]+$`), '');
}

export const VAR_BUILTINS: ReadonlyArray<[string, Builtin]> = [
  ['export', exportBuiltin],
  ['readonly', readonlyBuiltin],
  ['local', local],
  ['declare', declare],
  ['typeset', declare],
  ['unset', unset],
  ['set', set],
  ['shift', shift],
  ['let', letBuiltin],
  ['read', read],
];
