// Layer capture (filter): libpcap's grammar.y as recursive descent. `and`/`or` have equal precedence and
// associate left; `not` binds tightest; a bare value after and/or ("port 80 or 443") inherits the previous
// primitive's qualifiers. Semantic actions run as the value is read, so the first error in reading order
// is the one reported, as with bison's reductions.

import { genLoad, genLoadi, genNeg, genRelation, genArth, LOADLEN, type Arth } from './filter-arith.js';
import { genNcode, genScode } from './filter-code.js';
import { FilterError, SYNTAX_ERROR } from './filter-error.js';
import { genBroadcast, genEcode, genMcode, genMulticast } from './filter-host.js';
import { etherAton, genMcode6 } from './filter-host6.js';
import { and, not, or, type CmpOp, type Node } from './filter-ir.js';
import type { Token } from './filter-lexer.js';
import type { CompileState } from './filter-link.js';
import { genByteop, genGeneve, genIfindex, genInbound, genLen, genVlan } from './filter-misc.js';
import { genProtoAbbrev } from './filter-proto.js';
import { AQUAL_TOKENS, DIR_TOKENS, PNAME_TOKENS, QERR, type QDir, type QProto, type Qual } from './filter-qual.js';

interface Blk {
  readonly b: Node;
  readonly q: Qual;
}

const ID_TOKENS = new Set(['ID', 'HID', 'HID6', 'EID', 'AID']);
const ARITH_OPS = new Set(['+', '-', '*', '/', '%', '&', '|', '^', 'LSH', 'RSH']);
const REL_OPS: Readonly<Record<string, { op: CmpOp; isReversed: boolean }>> = {
  '>': { op: 'gt', isReversed: false }, GEQ: { op: 'ge', isReversed: false }, '=': { op: 'eq', isReversed: false },
  LEQ: { op: 'gt', isReversed: true }, '<': { op: 'ge', isReversed: true }, NEQ: { op: 'eq', isReversed: true },
};
/** Left binding power of the arithmetic operators; % and ^ have no precedence in grammar.y, so bison always shifts them. */
const BP: Readonly<Record<string, number>> = { '|': 1, '&': 2, LSH: 3, RSH: 3, '+': 4, '-': 4, '*': 5, '/': 5, '%': 100, '^': 100 };
const UMINUS = 6;
const HEAD_TOKENS = new Set(['SRC', 'DST', 'ADDR1', 'ADDR2', 'ADDR3', 'ADDR4', 'RA', 'TA', 'HOST', 'NET', 'PORT', 'PORTRANGE', 'PROTO', 'PROTOCHAIN', 'GATEWAY']);
const NOT_EMULATED = new Set(['MPLS', 'PPPOED', 'PPPOES', 'LLC', 'TYPE', 'SUBTYPE', 'DIR', 'PF_IFNAME', 'PF_RSET', 'PF_RNR', 'PF_SRNR', 'PF_REASON', 'PF_ACTION', 'LANE', 'METAC', 'BCC', 'OAMF4EC', 'OAMF4SC', 'SC', 'ILMIC', 'OAM', 'OAMF4', 'CONNECTMSG', 'METACONNECT', 'VPI', 'VCI', 'FISU', 'LSSU', 'MSU', 'HFISU', 'HLSSU', 'HMSU', 'SIO', 'OPC', 'DPC', 'SLS', 'HSIO', 'HOPC', 'HDPC', 'HSLS']);

export class FilterParser {
  private i = 0;

  constructor(
    private readonly toks: readonly Token[],
    private readonly cs: CompileState,
  ) {}

  /** prog: null | null expr. An empty expression accepts everything. */
  parseProgram(): Node {
    if (this.kind() === 'EOF') return { t: 'const', v: true };
    const e = this.expr(QERR);
    if (this.kind() !== 'EOF') this.syntax();
    return e.b;
  }

  private tok(k = 0): Token {
    const t = this.toks[Math.min(this.i + k, this.toks.length - 1)] ?? { kind: 'EOF', text: '', num: 0 };
    if (t.kind === 'ERROR' && k === 0) throw new FilterError(t.message ?? SYNTAX_ERROR);
    return t;
  }

  private kind(k = 0): string {
    return this.tok(k).kind;
  }

  private next(): Token {
    const t = this.tok();
    this.i++;
    return t;
  }

  private expect(kind: string): Token {
    if (this.kind() !== kind) this.syntax();
    return this.next();
  }

  /**
   * Where bison needs the lookahead to pick a reduction (a bare address, a protocol name), a token that
   * cannot follow a primitive is a syntax error before the primitive's own errors.
   */
  private follows(): void {
    if (!['AND', 'OR', ')', 'EOF'].includes(this.kind())) this.syntax();
  }

  private syntax(): never {
    throw new FilterError(SYNTAX_ERROR);
  }

  private expr(before: Qual): Blk {
    let cur = this.term(before);
    while (this.kind() === 'AND' || this.kind() === 'OR') {
      const isAnd = this.next().kind === 'AND';
      const right = this.startsId() ? this.id(cur.q) : this.term(cur.q);
      cur = { b: isAnd ? and(cur.b, right.b) : or(cur.b, right.b), q: right.q };
    }
    return cur;
  }

  /** After and/or: a bare value (id) rather than a term? Decided by the first token after any `not`s. */
  private startsId(): boolean {
    let j = 0;
    while (this.toks[this.i + j]?.kind === '!') j++;
    const t = this.toks[this.i + j]?.kind ?? 'EOF';
    if (ID_TOKENS.has(t)) return true;
    if (t === 'NUM') return !this.isOperator(this.i + j + 1);
    if (t === '(') return !this.isArithParen(this.i + j) && this.parenHoldsId(this.i + j);
    return false;
  }

  private isOperator(at: number): boolean {
    const k = this.toks[at]?.kind ?? 'EOF';
    return ARITH_OPS.has(k) || Object.hasOwn(REL_OPS, k);
  }

  /** The index of the ')' closing the '(' at `at`. */
  private closing(at: number): number {
    let depth = 0;
    for (let j = at; j < this.toks.length; j++) {
      const k = this.toks[j]?.kind;
      if (k === '(') depth++;
      else if (k === ')' && --depth === 0) return j;
    }
    return this.toks.length - 1;
  }

  /** "( ... ) op": an arithmetic operand rather than a parenthesized expression. */
  private isArithParen(at: number): boolean {
    return this.isOperator(this.closing(at) + 1);
  }

  private parenHoldsId(at: number): boolean {
    let j = at + 1;
    while (this.toks[j]?.kind === '!') j++;
    const k = this.toks[j]?.kind ?? 'EOF';
    return ID_TOKENS.has(k) || (k === 'NUM' && !this.isOperator(j + 1)) || (k === '(' && this.isPnumParen(j));
  }

  /** "( NUM )" nested any depth. */
  private isPnumParen(at: number): boolean {
    let j = at;
    while (this.toks[j]?.kind === '(') j++;
    if (this.toks[j]?.kind !== 'NUM') return false;
    const depth = j - at;
    for (let n = 1; n <= depth; n++) if (this.toks[j + n]?.kind !== ')') return false;
    return true;
  }

  private term(before: Qual): Blk {
    if (this.kind() === '!') {
      this.next();
      const t = this.term(before);
      return { b: not(t.b), q: t.q };
    }
    return this.rterm(before);
  }

  private rterm(before: Qual): Blk {
    const k = this.kind();
    if (k === '(') {
      if (this.isArithParen(this.i)) return { b: this.relation(), q: QERR };
      this.next();
      const e = this.expr(before);
      this.expect(')');
      return { b: e.b, q: before };
    }
    const proto = PNAME_TOKENS[k];
    if (proto !== undefined) {
      const after = this.kind(1);
      if (after === '[') return { b: this.relation(), q: QERR };
      this.next();
      return this.afterPqual(proto);
    }
    if (HEAD_TOKENS.has(k)) return this.headId('default');
    if (k === 'TK_BROADCAST' || k === 'TK_MULTICAST') return this.afterPqual('default');
    if (k === 'NUM' || k === '-' || k === 'LEN') return { b: this.relation(), q: QERR };
    return { b: this.other(), q: QERR };
  }

  /** What may follow a protocol qualifier: a head, broadcast/multicast, or nothing (the protocol itself). */
  private afterPqual(proto: QProto): Blk {
    const k = this.kind();
    if (HEAD_TOKENS.has(k)) return this.headId(proto);
    if (k === 'TK_BROADCAST') return this.next(), { b: genBroadcast(this.cs, proto), q: QERR };
    if (k === 'TK_MULTICAST') return this.next(), { b: genMulticast(this.cs, proto), q: QERR };
    if (proto === 'default') this.syntax();
    this.follows();
    return { b: genProtoAbbrev(this.cs, proto), q: QERR };
  }

  private headId(proto: QProto): Blk {
    const q = this.head(proto);
    return this.id(q);
  }

  /** head: pqual [dqual] [aqual] | pqual proto | pqual protochain | pqual gateway. */
  private head(proto: QProto): Qual {
    const k = this.kind();
    if (k === 'PROTO' || k === 'PROTOCHAIN' || k === 'GATEWAY') {
      this.next();
      return { addr: k === 'PROTO' ? 'proto' : k === 'PROTOCHAIN' ? 'protochain' : 'gateway', proto, dir: 'default' };
    }
    let dir: QDir = 'default';
    if (k === 'SRC' || k === 'DST') dir = this.dqual();
    else if (DIR_TOKENS[k] !== undefined) dir = DIR_TOKENS[this.next().kind] ?? 'default';
    const a = AQUAL_TOKENS[this.kind()];
    if (a !== undefined) this.next();
    return { addr: a ?? 'default', proto, dir };
  }

  private dqual(): QDir {
    const first = this.next().kind;
    const other = first === 'SRC' ? 'DST' : 'SRC';
    if ((this.kind() === 'OR' || this.kind() === 'AND') && this.kind(1) === other) {
      const isOr = this.next().kind === 'OR';
      this.next();
      return isOr ? 'or' : 'and';
    }
    return first === 'SRC' ? 'src' : 'dst';
  }

  /** id: nid | pnum | ( pid ). */
  private id(q: Qual): Blk {
    const t = this.tok();
    switch (t.kind) {
      case '!': {
        this.next();
        const inner = this.id(q);
        return { b: not(inner.b), q: inner.q };
      }
      case 'ID':
        this.next();
        return { b: genScode(this.cs, t.text, q), q };
      case 'HID':
        this.next();
        return { b: this.hid(t.text, q), q };
      case 'HID6': {
        this.next();
        if (this.kind() !== '/') this.follows();
        const len = this.kind() === '/' ? (this.next(), this.expect('NUM').num) : 128;
        return { b: genMcode6(this.cs, t.text, len, q), q };
      }
      case 'EID':
        this.next();
        return { b: genEcode(this.cs, etherAton(t.text), q), q };
      case 'AID':
        return this.cs.fail('ARCnet addresses are not emulated by ciliumlab');
      case 'NUM':
        return { b: genNcode(this.cs, undefined, this.pnum(), q), q };
      case '(':
        if (this.isPnumParen(this.i)) return { b: genNcode(this.cs, undefined, this.pnum(), q), q };
        return this.pid(q);
      default:
        return this.syntax();
    }
  }

  private hid(s: string, q: Qual): Node {
    if (this.kind() === '/') {
      this.next();
      return genMcode(this.cs, s, undefined, this.expect('NUM').num, q);
    }
    if (this.kind() === 'NETMASK') {
      this.next();
      return genMcode(this.cs, s, this.expect('HID').text, 0, q);
    }
    this.follows();
    if (q.addr === 'port' || q.addr === 'portrange' || q.addr === 'proto' || q.addr === 'protochain') this.cs.fail(`'${q.addr}' modifier applied to ip host`);
    return genNcode(this.cs, s, 0, q);
  }

  /** "( pid )": values joined by and/or, each inheriting the qualifiers before it; a lone number needs a partner. */
  private pid(q: Qual): Blk {
    this.expect('(');
    const isQid = this.kind() === 'NUM' || (this.kind() === '(' && this.isPnumParen(this.i));
    if (!isQid && (this.kind() === 'NUM' || this.kind() === '(')) this.syntax();
    let cur: Blk = isQid ? { b: genNcode(this.cs, undefined, this.pnum(), q), q } : this.id(q);
    if (isQid && this.kind() !== 'AND' && this.kind() !== 'OR') this.syntax();
    while (this.kind() === 'AND' || this.kind() === 'OR') {
      const isAnd = this.next().kind === 'AND';
      const right = this.id(cur.q);
      cur = { b: isAnd ? and(cur.b, right.b) : or(cur.b, right.b), q: right.q };
    }
    this.expect(')');
    return cur;
  }

  private pnum(): number {
    if (this.kind() === '(') {
      this.next();
      const v = this.pnum();
      this.expect(')');
      return v;
    }
    return this.expect('NUM').num;
  }

  private optionalPnum(): number | undefined {
    return this.kind() === 'NUM' || this.kind() === '(' ? this.pnum() : undefined;
  }

  /** other: less/greater/byte/inbound/outbound/ifindex/vlan/geneve and the keywords ciliumlab does not emulate. */
  private other(): Node {
    const k = this.next().kind;
    switch (k) {
      case 'LESS':
      case 'GREATER':
        return genLen(k === 'GREATER', this.expect('NUM').num);
      case 'CBYTE': {
        const idx = this.expect('NUM').num;
        const op = this.next().kind;
        if (!['&', '|', '<', '>', '='].includes(op)) this.syntax();
        return genByteop(this.cs, op, idx, this.expect('NUM').num);
      }
      case 'INBOUND':
      case 'OUTBOUND':
        return genInbound(this.cs, k === 'OUTBOUND');
      case 'IFINDEX':
        return genIfindex(this.cs, this.expect('NUM').num);
      case 'VLAN':
        return genVlan(this.cs, this.optionalPnum());
      case 'GENEVE':
        return genGeneve(this.cs, this.optionalPnum());
      default:
        if (NOT_EMULATED.has(k)) return this.cs.fail(`'${this.toks[this.i - 1]?.text ?? k}' filters are not emulated by ciliumlab`);
        return this.syntax();
    }
  }

  /** arth relop arth. */
  private relation(): Node {
    const a0 = this.arth(0);
    const rel = REL_OPS[this.kind()];
    if (!rel) this.syntax();
    this.next();
    const a1 = this.arth(0);
    return genRelation(rel.op, a0, a1, rel.isReversed);
  }

  private arth(minBp: number): Arth {
    let left = this.arthPrimary();
    for (;;) {
      const op = this.kind();
      const bp = BP[op];
      if (bp === undefined || bp < minBp) return left;
      this.next();
      const right = this.arth(bp === 100 ? 0 : bp + 1);
      left = genArth(this.cs, op === 'LSH' ? '<<' : op === 'RSH' ? '>>' : op, left, right);
    }
  }

  private arthPrimary(): Arth {
    const t = this.tok();
    if (t.kind === 'NUM') return this.next(), genLoadi(t.num);
    if (t.kind === 'LEN') return this.next(), LOADLEN;
    if (t.kind === '-') {
      this.next();
      return genNeg(this.arth(UMINUS));
    }
    if (t.kind === '(') {
      this.next();
      const inner = this.arth(0);
      this.expect(')');
      return inner;
    }
    const proto = PNAME_TOKENS[t.kind];
    if (proto === undefined || this.kind(1) !== '[') return this.syntax();
    this.next();
    this.next();
    const idx = this.arth(0);
    const size = this.kind() === ':' ? (this.next(), this.expect('NUM').num) : 1;
    this.expect(']');
    return genLoad(this.cs, proto, idx, size);
  }
}
