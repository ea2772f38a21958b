// Layer capture (filter): a compiled filter as a tree of tests, the shape of gencode.c's blocks before the
// BPF optimizer: byte comparisons at an offset from a header (with a mask), arithmetic relations, socket
// metadata, and/or/not. `toPred` turns it into the closure that runs per packet; filter-sat.ts looks at the
// same tree for the optimizer's "expression rejects all packets".

import type { LinkLayout } from './filter-link.js';
import { ld, REJECT, type Pred, type Run } from './filter-program.js';
import { test } from './filter-run.js';

export type Rel = 'hdr' | 'type' | 'pl' | 'tran';
export type CmpOp = 'eq' | 'gt' | 'ge';

export interface Loc {
  readonly layout: LinkLayout;
  readonly rel: Rel;
  readonly off: number;
}

export type Expr =
  | { readonly t: 'imm'; readonly v: number }
  | { readonly t: 'len' }
  | { readonly t: 'load'; readonly layout: LinkLayout; readonly rel: 'hdr' | 'pl' | 'tran' | 'pl40'; readonly idx: Expr; readonly size: 1 | 2 | 4 }
  | { readonly t: 'bin'; readonly op: string; readonly a: Expr; readonly b: Expr }
  | { readonly t: 'neg'; readonly a: Expr };

export type Node =
  | { readonly t: 'const'; readonly v: boolean }
  | { readonly t: 'cmp'; readonly loc: Loc; readonly size: 1 | 2 | 4; readonly mask: number; readonly op: CmpOp; readonly v: number }
  | { readonly t: 'rel'; readonly op: CmpOp; readonly a: Expr; readonly b: Expr }
  | { readonly t: 'meta'; readonly field: 'pkttype' | 'ifindex'; readonly v: number }
  | { readonly t: 'geneve'; readonly outer: LinkLayout }
  /** Inside Geneve: an Ethernet header is present (the inner link header and network header differ). */
  | { readonly t: 'geneve-l2' }
  | { readonly t: 'and' | 'or'; readonly a: Node; readonly b: Node }
  | { readonly t: 'not'; readonly a: Node };

export function and(a: Node, b: Node): Node {
  return { t: 'and', a, b };
}

export function or(a: Node, b: Node): Node {
  return { t: 'or', a, b };
}

export function not(a: Node): Node {
  return { t: 'not', a };
}

/** Where a Loc is in this packet. */
export function locOffset(r: Run, loc: Loc): number {
  if (loc.rel === 'hdr') return loc.layout.hdr(r) + loc.off;
  if (loc.rel === 'type') return loc.layout.type(r) + loc.off;
  const pl = loc.layout.pl(r);
  if (loc.rel === 'pl') return pl + loc.off;
  return pl + (ld(r, pl, 1) & 0x0f) * 4 + loc.off;
}

function compare(op: CmpOp, x: number, y: number): boolean {
  return op === 'eq' ? x === y : op === 'gt' ? x > y : x >= y;
}

/** bpf_filter()'s ALU: u32, division by zero rejects, shifts of 32 or more give 0. */
function alu(op: string, x: number, y: number): number {
  switch (op) {
    case '+':
      return (x + y) >>> 0;
    case '-':
      return (x - y) >>> 0;
    case '*':
      return Math.imul(x, y) >>> 0;
    case '/':
      if (y === 0) throw REJECT;
      return Math.floor(x / y) >>> 0;
    case '%':
      if (y === 0) throw REJECT;
      return x % y >>> 0;
    case '&':
      return (x & y) >>> 0;
    case '|':
      return (x | y) >>> 0;
    case '^':
      return (x ^ y) >>> 0;
    case '<<':
      return y < 32 ? (x << y) >>> 0 : 0;
    default:
      return y < 32 ? x >>> y : 0;
  }
}


export function evalExpr(r: Run, e: Expr): number {
  switch (e.t) {
    case 'imm':
      return e.v;
    case 'len':
      return r.pkt.wirelen;
    case 'neg':
      return -evalExpr(r, e.a) >>> 0;
    case 'bin':
      return alu(e.op, evalExpr(r, e.a), evalExpr(r, e.b));
    case 'load': {
      const idx = evalExpr(r, e.idx);
      const l = e.layout;
      const base = e.rel === 'hdr' ? l.hdr(r) : e.rel === 'pl' ? l.pl(r) : e.rel === 'pl40' ? l.pl(r) + 40 : l.pl(r) + (ld(r, l.pl(r), 1) & 0x0f) * 4;
      return ld(r, base + idx, e.size);
    }
  }
}

/** The closure that runs the tree. */
export function toPred(n: Node): Pred {
  switch (n.t) {
    case 'const':
      return () => n.v;
    case 'cmp': {
      const { loc, size, mask, op, v } = n;
      const want = (v & mask) >>> 0;
      return test(n, (r) => compare(op, (ld(r, locOffset(r, loc), size) & mask) >>> 0, want));
    }
    case 'rel':
      return test(n, (r) => compare(n.op, evalExpr(r, n.a), evalExpr(r, n.b)));
    case 'meta':
      return (r) => (n.field === 'pkttype' ? r.pkt.pkttype : r.pkt.ifindex) === n.v;
    case 'geneve':
      return test(n, (r) => geneveOffsets(r, n.outer.pl(r), ld(r, n.outer.type(r), 2) === 0x86dd));
    case 'geneve-l2':
      return (r) => (r.mem[0] ?? 0) !== (r.mem[2] ?? 0);
    case 'and': {
      const a = toPred(n.a);
      const b = toPred(n.b);
      return (r) => a(r) && b(r);
    }
    case 'or': {
      const a = toPred(n.a);
      const b = toPred(n.b);
      return (r) => a(r) || b(r);
    }
    case 'not': {
      const a = toPred(n.a);
      return (r) => !a(r);
    }
  }
}

/** gen_geneve_offsets(): finds the inner headers after an outer IPv4/UDP/Geneve header; always true. */
function geneveOffsets(r: Run, outerPl: number, isIpv6: boolean): boolean {
  const g = outerPl + (isIpv6 ? 40 : (ld(r, outerPl, 1) & 0x0f) * 4) + 8;
  const inner = g + (ld(r, g, 1) & 0x3f) * 4 + 8;
  const isTeb = ld(r, g + 2, 2) === 0x6558;
  r.mem[0] = inner;
  r.mem[1] = isTeb ? inner + 12 : g + 2;
  r.mem[2] = isTeb ? inner + 14 : inner;
  return true;
}
