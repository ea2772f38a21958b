// Layer capture (print): print-domain.c. A query prints "id+ A? name. (len)" (+ for RD, [1au] for an
// OPT record); a response "id*- 1/0/0 A 10.96.0.10 (len)" (* authoritative, - no recursion available,
// rcode name, | truncated, $ AD); -vv adds the question and the other sections. Names follow compression
// pointers only backwards, as fqdn_print() does, and print bytes with fn_print_char escapes.

import type { Nd } from './nd.js';
import { dnsRdataPrint } from './print-dns-rdata.js';
import { fqdnPrint, nsNskip } from './print-dns-name.js';
import { unsignedReltsPrint } from './print-util.js';
import { DNS_CLASS_NAMES, DNS_TYPE_NAMES } from './tcpdump-tables.js';

const OPS = ['', ' inv_q', ' stat', ' op3', ' notify', ' update', ' op6', ' op7', ' op8', ' updateA', ' updateD', ' updateDA', ' updateM', ' updateMA', ' zoneInit', ' zoneRef'] as const;
const RESP = [
  '', ' FormErr', ' ServFail', ' NXDomain', ' NotImp', ' Refused', ' YXDomain', ' YXRRSet', ' NXRRSet', ' NotAuth', ' NotZone', ' Resp11',
  ' Resp12', ' Resp13', ' Resp14', ' NoChange', ' BadVers', 'Resp17', ' Resp18', ' Resp19', ' Resp20', 'Resp21', ' Resp22', ' BadCookie',
] as const;
const T_OPT = 41;
const C_IN = 1;
const C_QU = 0x8000;

export interface DomainContext {
  readonly isOverTcp: boolean;
  readonly isMdns: boolean;
}

function rcodeText(rcode: number): string {
  return RESP[rcode] ?? ` Resp${rcode & 0xfff}`;
}

export function dnsTypeName(t: number): string {
  return DNS_TYPE_NAMES.get(t) ?? `Type${t}`;
}

export function domainPrint(nd: Nd, bp: number, length: number, ctx: DomainContext): void {
  nd.protocol = 'domain';
  if (ctx.isOverTcp) {
    if (length < 2) {
      nd.print(` [DNS over TCP: length ${length} < 2]`);
      return nd.printInvalid();
    }
    length -= 2;
    if (nd.u16(bp) !== length) {
      nd.print(` [prefix length(${nd.u16(bp)}) != length(${length})]`);
      return nd.printInvalid();
    }
    bp += 2;
    nd.print(' ');
  }
  if (length < 12) {
    nd.print(`${nd.protocol} [length ${length} < 12]`);
    return nd.printInvalid();
  }
  nd.check(bp, 12);
  const flags = nd.u16(bp + 2);
  const counts = { qd: nd.u16(bp + 4), an: nd.u16(bp + 6), ns: nd.u16(bp + 8), ar: nd.u16(bp + 10) };
  const ok = flags & 0x8000 ? response(nd, bp, flags, counts, ctx) : query(nd, bp, flags, counts, ctx);
  if (!ok) return nd.printTrunc();
  nd.print(` (${length})`);
}

interface Counts {
  qd: number;
  an: number;
  ns: number;
  ar: number;
}

/** The extended rcode from an OPT record in the additional section (the first pass of domain_print). */
function extendedRcode(nd: Nd, bp: number, flags: number, c: Counts): number {
  let rcode = flags & 0x0f;
  let cp: number | undefined = bp + 12;
  for (let i = 0; i < c.qd; i++) {
    if ((cp = nsNskip(nd, cp)) === undefined) return rcode;
    cp += 4;
    if (cp >= nd.snapend) return rcode;
  }
  for (let i = 0; i < c.an + c.ns; i++) {
    if ((cp = nsNskip(nd, cp)) === undefined) return rcode;
    cp += 8;
    if (cp + 2 > nd.snapend) return rcode;
    cp += 2 + nd.u16(cp);
    if (cp >= nd.snapend) return rcode;
  }
  for (let i = 0; i < c.ar; i++) {
    if ((cp = nsNskip(nd, cp)) === undefined) return rcode;
    if (cp + 2 > nd.snapend) return rcode;
    const type = nd.u16(cp);
    cp += 4;
    if (cp + 1 > nd.snapend) return rcode;
    if (type === T_OPT) return rcode | (nd.u8(cp) << 4);
    cp += 4;
    if (cp + 2 > nd.snapend) return rcode;
    cp += 2 + nd.u16(cp);
    if (cp >= nd.snapend) return rcode;
  }
  return rcode;
}

/** Prints `count` records, comma-separated; ns:/ar: sections start only before snapend. False if cut. */
function records(nd: Nd, cp: number, bp: number, count: number, label: string, ctx: DomainContext): { cp: number; ok: boolean } {
  if (count === 0) return { cp, ok: true };
  if (label && cp >= nd.snapend) return { cp, ok: false };
  nd.print(label);
  let at: number | undefined = cp;
  let left = count;
  do {
    if (left !== count) nd.print(',');
    if ((at = nsRprint(nd, at, bp, ctx)) === undefined) return { cp, ok: false };
    left--;
  } while (left > 0 && at < nd.snapend);
  return { cp: at, ok: left === 0 };
}

function response(nd: Nd, bp: number, flags: number, c: Counts, ctx: DomainContext): boolean {
  const rcode = extendedRcode(nd, bp, flags, c);
  nd.print(`${nd.u16(bp)}${OPS[(flags >> 11) & 0xf] ?? ''}${rcodeText(rcode)}${flags & 0x0400 ? '*' : ''}${flags & 0x0080 ? '' : '-'}${flags & 0x0200 ? '|' : ''}${flags & 0x0020 ? '$' : ''}`);
  if (c.qd !== 1) nd.print(` [${c.qd}q]`);
  let cp: number | undefined = bp + 12;
  for (let i = 0; i < c.qd; i++) {
    if (i !== 0) nd.print(',');
    if (cp === undefined) return false;
    if (nd.opts.vflag > 1) {
      nd.print(' q:');
      if ((cp = nsQprint(nd, cp, bp, ctx)) === undefined) return false;
    } else {
      if ((cp = nsNskip(nd, cp)) === undefined) return false;
      cp += 4;
    }
  }
  nd.print(` ${c.an}/${c.ns}/${c.ar}`);
  const an = records(nd, cp, bp, c.an, '', ctx);
  if (!an.ok) return false;
  if (nd.opts.vflag <= 1) return true;
  const ns = records(nd, an.cp, bp, c.ns, ' ns:', ctx);
  if (!ns.ok) return false;
  return records(nd, ns.cp, bp, c.ar, ' ar:', ctx).ok;
}

function query(nd: Nd, bp: number, flags: number, c: Counts, ctx: DomainContext): boolean {
  const opcode = (flags >> 11) & 0xf;
  nd.print(`${nd.u16(bp)}${OPS[opcode] ?? ''}${flags & 0x0100 ? '+' : ''}${flags & 0x0010 ? '%' : ''}`);
  if (flags & 0x6cf) nd.print(` [b2&3=0x${flags.toString(16)}]`);
  if (opcode === 1) {
    if (c.qd) nd.print(` [${c.qd}q]`);
    if (c.an !== 1) nd.print(` [${c.an}a]`);
  } else {
    if (c.an) nd.print(` [${c.an}a]`);
    if (c.qd !== 1) nd.print(` [${c.qd}q]`);
  }
  if (c.ns) nd.print(` [${c.ns}n]`);
  if (c.ar) nd.print(` [${c.ar}au]`);
  let cp: number | undefined = bp + 12;
  for (let left = c.qd; left > 0; left--) {
    if (left !== c.qd && cp >= nd.snapend) return false;
    if ((cp = nsQprint(nd, cp, bp, ctx)) === undefined) return false;
  }
  if (nd.opts.vflag <= 1) return true;
  const an = records(nd, cp, bp, c.an, '', ctx);
  if (!an.ok) return false;
  const ns = records(nd, an.cp, bp, c.ns, ' ns:', ctx);
  if (!ns.ok) return false;
  return records(nd, ns.cp, bp, c.ar, ' ar:', ctx).ok;
}

/** ns_qprint: " A? name." */
function nsQprint(nd: Nd, cp: number, bp: number, ctx: DomainContext): number | undefined {
  const np = cp;
  const after = nsNskip(nd, cp);
  if (after === undefined || !nd.has(after, 4)) return undefined;
  nd.print(` ${dnsTypeName(nd.u16(after))}`);
  const raw = nd.u16(after + 2);
  const cls = ctx.isMdns ? raw & ~C_QU : raw;
  if (cls !== C_IN) nd.print(` ${DNS_CLASS_NAMES.get(cls) ?? `(Class ${cls})`}`);
  if (ctx.isMdns) nd.print(raw & C_QU ? ' (QU)' : ' (QM)');
  nd.print('? ');
  const end = fqdnPrint(nd, np, bp);
  return end === undefined ? undefined : end + 4;
}

/** ns_rprint: " A 10.96.0.10"; -v prints the owner name first. */
function nsRprint(nd: Nd, cp: number, bp: number, ctx: DomainContext): number | undefined {
  let at: number | undefined;
  if (nd.opts.vflag) {
    nd.print(' ');
    if ((at = fqdnPrint(nd, cp, bp)) === undefined) return undefined;
  } else at = nsNskip(nd, cp);
  if (at === undefined || !nd.has(at, 10)) return nd.snapend;
  const typ = nd.u16(at);
  const raw = nd.u16(at + 2);
  const cls = ctx.isMdns ? raw & ~0x8000 : raw;
  if (cls !== C_IN && typ !== T_OPT) nd.print(` ${DNS_CLASS_NAMES.get(cls) ?? `(Class ${cls})`}`);
  if (ctx.isMdns && raw & 0x8000) nd.print(' (Cache flush)');
  const optFlags = typ === T_OPT ? nd.u16(at + 6) : 0;
  if (typ !== T_OPT && nd.opts.vflag > 2) {
    nd.print(' [');
    unsignedReltsPrint(nd, nd.u32(at + 4));
    nd.print(']');
  }
  const len = nd.u16(at + 8);
  const rd = at + 10;
  nd.print(` ${dnsTypeName(typ)}`);
  if (rd + len > nd.snapend) return undefined;
  return dnsRdataPrint(nd, { typ, cls, optFlags, rd, len, bp }) ? rd + len : undefined;
}
