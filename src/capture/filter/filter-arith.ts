// Layer capture (filter): arithmetic (gen_loadi, gen_load, gen_arth, gen_neg, gen_relation). "tcp[13]" loads
// from the TCP header only for a first-fragment IPv4 TCP packet; those checks ride along and are ANDed
// before the comparison. libpcap's quirks are kept: gen_arth keeps only the left operand's checks, and its
// division-by-zero and shift checks look at the right operand's first instruction, whatever follows it.

import { and, not, type CmpOp, type Expr, type Node } from './filter-ir.js';
import type { CompileState } from './filter-link.js';
import { genProtoAbbrev } from './filter-proto.js';
import type { QProto } from './filter-qual.js';

export interface Arth {
  readonly expr: Expr;
  /** The protocol checks the loads need (inst->b). */
  readonly checks?: Node;
  /** The constant of the first instruction when it is a load immediate. */
  readonly firstImm?: number;
}

export function genLoadi(v: number): Arth {
  return { expr: { t: 'imm', v: v >>> 0 }, firstImm: v >>> 0 };
}

export const LOADLEN: Arth = { expr: { t: 'len' } };

function withChecks(inst: Arth, expr: Expr, checks: Node): Arth {
  return inst.firstImm === undefined ? { expr, checks } : { expr, checks, firstImm: inst.firstImm };
}

/** gen_load(): proto[inst:size]. */
export function genLoad(cs: CompileState, proto: QProto, inst: Arth, size: number): Arth {
  if (size !== 1 && size !== 2 && size !== 4) return cs.fail('data size must be 1, 2, or 4');
  const layout = cs.layout;
  const load = (rel: 'hdr' | 'pl' | 'tran' | 'pl40'): Expr => ({ t: 'load', layout, rel, idx: inst.expr, size });
  const chain = (b: Node) => (inst.checks ? and(inst.checks, b) : b);
  switch (proto) {
    case 'radio':
      return cs.fail('radio information not present in capture');
    case 'link':
      return inst.checks ? withChecks(inst, load('hdr'), inst.checks) : { ...inst, expr: load('hdr') };
    case 'ip':
    case 'arp':
    case 'rarp':
    case 'atalk':
    case 'decnet':
    case 'sca':
    case 'lat':
    case 'moprc':
    case 'mopdl':
    case 'ip6':
      return withChecks(inst, load('pl'), chain(genProtoAbbrev(cs, proto)));
    case 'sctp':
    case 'tcp':
    case 'udp':
    case 'icmp':
    case 'igmp':
    case 'igrp':
    case 'pim':
    case 'vrrp':
    case 'carp':
      return withChecks(inst, load('tran'), and(genProtoAbbrev(cs, 'ip'), chain(and(genProtoAbbrev(cs, proto), cs.ipFirstFragment()))));
    case 'icmp6':
      return withChecks(inst, load('pl40'), and(chain(genProtoAbbrev(cs, 'ip6')), cs.cmp('pl', 6, 1, 58)));
    default:
      return cs.fail('unsupported index operation');
  }
}

/** gen_arth(): a0 op a1. */
export function genArth(cs: CompileState, op: string, a0: Arth, a1: Arth): Arth {
  if (op === '/' && a1.firstImm === 0) return cs.fail('division by zero');
  if (op === '%' && a1.firstImm === 0) return cs.fail('modulus by zero');
  if ((op === '<<' || op === '>>') && a1.firstImm !== undefined && a1.firstImm > 31) return cs.fail('shift by more than 31 bits');
  const expr: Expr = { t: 'bin', op, a: a0.expr, b: a1.expr };
  return { ...a0, expr };
}

export function genNeg(a: Arth): Arth {
  return { ...a, expr: { t: 'neg', a: a.expr } };
}

/** gen_relation(): the protocol checks of both sides, then the comparison (negated for <, <= and !=). */
export function genRelation(op: CmpOp, a0: Arth, a1: Arth, isReversed: boolean): Node {
  const rel: Node = { t: 'rel', op, a: a0.expr, b: a1.expr };
  const b = isReversed ? not(rel) : rel;
  const checks = a0.checks && a1.checks ? and(a0.checks, a1.checks) : (a0.checks ?? a1.checks);
  return checks ? and(checks, b) : b;
}
