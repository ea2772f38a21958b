// Layer capture (filter): what a filter's tests say about a packet's values, as the BPF optimizer keeps
// it: a test is (value, comparison, constant), the value named by where it is loaded and how it is
// computed; knowing "value = 6" decides every equality test on the same value, "value != 6" one of them,
// and an earlier "gt 5" the same "gt 5" again. Used by the optimizer model and by runs that hit an
// unreadable byte.

import type { Expr, Node } from './filter-ir.js';

export interface Fact {
  readonly eq?: number;
  readonly neq: readonly number[];
  /** Outcomes of other comparisons on this value ("gt5" -> true). */
  readonly other: Readonly<Record<string, boolean>>;
}

/** What is known on one edge of the flow graph: the outcome of every test on the paths leading to it. */
export type Facts = ReadonlyMap<string, Fact>;

export function exprKey(e: Expr): string {
  switch (e.t) {
    case 'imm':
      return `#${e.v}`;
    case 'len':
      return 'len';
    case 'neg':
      return `-(${exprKey(e.a)})`;
    case 'bin':
      return `(${exprKey(e.a)}${e.op}${exprKey(e.b)})`;
    case 'load':
      return `${e.layout.id}:${e.rel}[${exprKey(e.idx)}:${e.size}]`;
  }
}

/** The value of an expression without loads; undefined if it reads the packet or divides by zero. */
function constValue(e: Expr): number | undefined {
  switch (e.t) {
    case 'imm':
      return e.v;
    case 'neg': {
      const a = constValue(e.a);
      return a === undefined ? undefined : -a >>> 0;
    }
    case 'bin': {
      const a = constValue(e.a);
      const b = constValue(e.b);
      if (a === undefined || b === undefined || ((e.op === '/' || e.op === '%') && b === 0)) return undefined;
      return foldAlu(e.op, a, b);
    }
    default:
      return undefined;
  }
}

function foldAlu(op: string, a: number, b: number): number {
  const ops: Readonly<Record<string, (x: number, y: number) => number>> = {
    '+': (x, y) => x + y, '-': (x, y) => x - y, '*': (x, y) => Math.imul(x, y), '/': (x, y) => Math.floor(x / y), '%': (x, y) => x % y,
    '&': (x, y) => x & y, '|': (x, y) => x | y, '^': (x, y) => x ^ y, '<<': (x, y) => (y < 32 ? x << y : 0), '>>': (x, y) => (y < 32 ? x >>> y : 0),
  };
  return (ops[op] ?? (() => 0))(a, b) >>> 0;
}

/** A test as (value, comparison, constant), or a constant outcome. */
export type Atom = { readonly key: string; readonly op: string; readonly v: number } | boolean;

function atomOf(n: Node): Atom | undefined {
  switch (n.t) {
    case 'cmp':
      return { key: `${n.loc.layout.id}|${n.loc.rel}|${n.loc.off}|${n.size}|${n.mask}`, op: n.op, v: (n.v & n.mask) >>> 0 };
    case 'meta':
      return { key: `meta:${n.field}`, op: 'eq', v: n.v };
    case 'geneve':
      return true;
    case 'geneve-l2':
      return { key: 'geneve-l2', op: 'bool', v: 1 };
    case 'rel': {
      const a = constValue(n.a);
      const b = constValue(n.b);
      if (a !== undefined && b !== undefined) return n.op === 'eq' ? a === b : n.op === 'gt' ? a > b : a >= b;
      if (b !== undefined) return { key: exprKey(n.a), op: n.op, v: b };
      return { key: `${exprKey(n.a)}?${exprKey(n.b)}`, op: n.op, v: 0 };
    }
    default:
      return undefined;
  }
}

const atoms = new WeakMap<Node, Atom | undefined>();

/** A test node as an atom (cached): undefined for tests that are not comparisons (geneve, and/or/not). */
export function atom(n: Node): Atom | undefined {
  if (!atoms.has(n)) atoms.set(n, atomOf(n));
  return atoms.get(n);
}

export function decide(facts: Facts, a: Exclude<Atom, boolean>): boolean | undefined {
  const f = facts.get(a.key);
  if (!f) return undefined;
  if (a.op !== 'eq') return f.other[`${a.op}${a.v}`];
  if (f.eq !== undefined) return f.eq === a.v;
  return f.neq.includes(a.v) ? false : undefined;
}

export function learn(facts: Facts, a: Exclude<Atom, boolean>, outcome: boolean): Facts {
  const f: Fact = facts.get(a.key) ?? { neq: [], other: {} };
  const next: Fact = a.op !== 'eq' ? { ...f, other: { ...f.other, [`${a.op}${a.v}`]: outcome } } : outcome ? { ...f, eq: a.v } : { ...f, neq: [...f.neq, a.v] };
  return new Map(facts).set(a.key, next);
}

