// Layer capture (filter): libpcap's "expression rejects all packets". The BPF optimizer numbers the values
// it loads and threads each jump through tests already decided on the way ("tcp and udp": the protocol
// byte cannot be both 6 and 17); when no path reaches the accept, pcap_compile() fails. This walks every
// path of the test tree with the same knowledge: equal values, unequal values, repeated comparisons.

import type { Expr, Node } from './filter-ir.js';

interface Fact {
  readonly eq?: number;
  readonly neq: readonly number[];
  /** Outcomes of other comparisons on this value ("gt 5" -> true). */
  readonly other: Readonly<Record<string, boolean>>;
}

type Env = ReadonlyMap<string, Fact>;

/** Paths explored before giving up (and assuming some packet passes). */
const BUDGET = 50_000;

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
type Atom = { readonly key: string; readonly op: string; readonly v: number } | boolean;

function atom(n: Node): Atom | undefined {
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

function assign(env: Env, a: Exclude<Atom, boolean>, want: boolean): Env | undefined {
  const f: Fact = env.get(a.key) ?? { neq: [], other: {} };
  let next: Fact;
  if (a.op === 'eq') {
    if (want) {
      if ((f.eq !== undefined && f.eq !== a.v) || f.neq.includes(a.v)) return undefined;
      next = { ...f, eq: a.v };
    } else {
      if (f.eq === a.v) return undefined;
      next = { ...f, neq: [...f.neq, a.v] };
    }
  } else {
    const k = `${a.op}${a.v}`;
    const known = f.other[k];
    if (known !== undefined) return known === want ? env : undefined;
    next = { ...f, other: { ...f.other, [k]: want } };
  }
  return new Map(env).set(a.key, next);
}

class Search {
  private steps = 0;

  exhausted(): boolean {
    return this.steps > BUDGET;
  }

  /** Whether `n` can evaluate to `want` on some path consistent with env, continuing with k. */
  sat(n: Node, want: boolean, env: Env, k: (e: Env) => boolean): boolean {
    if (++this.steps > BUDGET) return true;
    switch (n.t) {
      case 'const':
        return n.v === want && k(env);
      case 'not':
        return this.sat(n.a, !want, env, k);
      case 'and':
        if (want) return this.sat(n.a, true, env, (e) => this.sat(n.b, true, e, k));
        return this.sat(n.a, false, env, k) || this.sat(n.a, true, env, (e) => this.sat(n.b, false, e, k));
      case 'or':
        if (!want) return this.sat(n.a, false, env, (e) => this.sat(n.b, false, e, k));
        return this.sat(n.a, true, env, k) || this.sat(n.a, false, env, (e) => this.sat(n.b, true, e, k));
      default: {
        const a = atom(n);
        if (a === undefined) return k(env);
        if (typeof a === 'boolean') return a === want && k(env);
        const e = assign(env, a, want);
        return e !== undefined && k(e);
      }
    }
  }
}

/** @example rejectsAll(compile('tcp and udp')) === true */
export function rejectsAll(n: Node): boolean {
  const s = new Search();
  const canPass = s.sat(n, true, new Map(), () => true);
  return !canPass && !s.exhausted();
}
