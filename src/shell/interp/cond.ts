// Layer shell: conditional expressions — `[[ ]]` from its syntax tree, and the `test` / `[` builtin from
// its arguments (POSIX precedence: `!`, `-a`, `-o`, parentheses). String, integer and file operators;
// files are looked up on the host's files. Returns true/false, or an error text with exit status 2.

import type { CondExpr } from '../syntax/ast.js';
import type { HostFs } from '../hosts/host-fs.js';
import { expandPattern, expandString, type ExpandScope } from './expand.js';
import { matchPattern } from './pattern.js';

export interface CondContext {
  readonly fs: HostFs;
  /** Turns a path relative to the shell's working directory into an absolute one. */
  resolve(path: string): string;
  isVarSet(name: string): boolean;
}

export async function evalCond(e: CondExpr, scope: ExpandScope, ctx: CondContext): Promise<boolean> {
  switch (e.type) {
    case 'CondAnd':
      return (await evalCond(e.left, scope, ctx)) && evalCond(e.right, scope, ctx);
    case 'CondOr':
      return (await evalCond(e.left, scope, ctx)) || evalCond(e.right, scope, ctx);
    case 'CondNot':
      return !(await evalCond(e.operand, scope, ctx));
    case 'CondGroup':
      return evalCond(e.expression, scope, ctx);
    case 'CondWord':
      return (await expandString(e.word, scope)) !== '';
    case 'CondUnary':
      return unaryTest(e.operator, await expandString(e.operand, scope), ctx);
    case 'CondBinary': {
      const left = await expandString(e.left, scope);
      if (e.operator === '==' || e.operator === '=' || e.operator === '!=') {
        const ok = matchPattern(await expandPattern(e.right, scope), left);
        return e.operator === '!=' ? !ok : ok;
      }
      const right = await expandString(e.right, scope);
      if (e.operator === '=~') return regexTest(left, right, scope);
      return binaryTest(e.operator, left, right) ?? false;
    }
  }
}

function regexTest(left: string, re: string, scope: ExpandScope): boolean {
  try {
    const m = new RegExp(re).exec(left);
    if (m) scope.state.set('BASH_REMATCH', [...m].map((x) => x ?? ''));
    return m !== null;
  } catch {
    return false;
  }
}

export function unaryTest(op: string, arg: string, ctx: CondContext): boolean {
  const path = ctx.resolve(arg);
  switch (op) {
    case '-z':
      return arg === '';
    case '-n':
      return arg !== '';
    case '-e':
    case '-a':
      return ctx.fs.exists(path);
    case '-f':
      return ctx.fs.exists(path) && !ctx.fs.isDir(path);
    case '-d':
      return ctx.fs.isDir(path);
    case '-s':
      return (ctx.fs.read(path) ?? '') !== '';
    case '-r':
    case '-w':
      return ctx.fs.exists(path);
    case '-x':
      return ctx.fs.isDir(path) || /^\/(usr\/)?(s?bin)\//.test(path);
    case '-v':
      return ctx.isVarSet(arg);
    case '-t':
      return false;
    default:
      return false;
  }
}

/** undefined: not an integer where one is needed (test prints "integer expression expected"). */
export function binaryTest(op: string, a: string, b: string): boolean | undefined {
  switch (op) {
    case '=':
    case '==':
      return a === b;
    case '!=':
      return a !== b;
    case '<':
      return a < b;
    case '>':
      return a > b;
  }
  const x = toInt(a);
  const y = toInt(b);
  if (x === undefined || y === undefined) return undefined;
  switch (op) {
    case '-eq':
      return x === y;
    case '-ne':
      return x !== y;
    case '-lt':
      return x < y;
    case '-le':
      return x <= y;
    case '-gt':
      return x > y;
    case '-ge':
      return x >= y;
    default:
      return undefined;
  }
}

function toInt(s: string): number | undefined {
  const t = s.trim();
  return /^[+-]?\d+$/.test(t) ? Number(t) : undefined;
}

const UNARY = new Set(['-z', '-n', '-e', '-a', '-f', '-d', '-s', '-r', '-w', '-x', '-v', '-t', '-L', '-h']);
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge']);

/** `test` / `[`: exit 0 true, 1 false, 2 with a message on error. */
export function testBuiltin(args: readonly string[], ctx: CondContext, name: 'test' | '['): { code: number; error?: string } {
  let a = [...args];
  if (name === '[') {
    if (a.at(-1) !== ']') return { code: 2, error: "[: missing `]'" };
    a = a.slice(0, -1);
  }
  try {
    return { code: evalTestArgs(a, ctx) ? 0 : 1 };
  } catch (e) {
    return { code: 2, error: `${name}: ${(e as Error).message}` };
  }
}

function evalTestArgs(a: string[], ctx: CondContext): boolean {
  if (a.length === 0) return false;
  if (a.length === 1) return a[0] !== '';
  if (a.length === 2) {
    if (a[0] === '!') return a[1] === '';
    if (UNARY.has(a[0] ?? '')) return unaryTest(a[0] ?? '', a[1] ?? '', ctx);
    throw new Error(`${a[0]}: unary operator expected`);
  }
  if (a.length === 3 && BINARY.has(a[1] ?? '')) {
    const r = binaryTest(a[1] ?? '', a[0] ?? '', a[2] ?? '');
    if (r === undefined) throw new Error(`${toInt(a[0] ?? '') === undefined ? a[0] : a[2]}: integer expression expected`);
    return r;
  }
  const or = a.indexOf('-o');
  if (or > 0) return evalTestArgs(a.slice(0, or), ctx) || evalTestArgs(a.slice(or + 1), ctx);
  const and = a.indexOf('-a');
  if (and > 0) return evalTestArgs(a.slice(0, and), ctx) && evalTestArgs(a.slice(and + 1), ctx);
  if (a[0] === '!') return !evalTestArgs(a.slice(1), ctx);
  if (a[0] === '(' && a.at(-1) === ')') return evalTestArgs(a.slice(1, -1), ctx);
  throw new Error('too many arguments');
}
