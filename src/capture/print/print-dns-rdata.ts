// Layer capture (print): the RDATA part of print-domain.c's ns_rprint() and eopt_print(): A, AAAA, names
// (NS, CNAME, PTR, DNAME), SOA (with -v), MX, TXT, SRV ("target:port prio weight"), OPT ("UDPsize=1232 DO
// [COOKIE ...]" with the EDNS options). Types tcpdump prints nothing for print only their name. A6, URI
// and TSIG (never in the lab) are printed as such types: name only.

import { formatIpv6 } from '../../addr/index.js';
import type { Nd } from './nd.js';
import { fqdnPrint } from './print-dns-name.js';
import { intoa } from './print-names.js';
import { printn } from './print-util.js';
import { EDNS_OPT_NAMES } from './tcpdump-tables.js';

export interface Rdata {
  readonly typ: number;
  readonly cls: number;
  readonly optFlags: number;
  /** Offset and length of the RDATA; bp is the start of the message. */
  readonly rd: number;
  readonly len: number;
  readonly bp: number;
}

const DAU: Readonly<Record<number, string>> = {
  0: 'DELETE', 1: 'RSAMD5', 2: 'DH', 3: 'DS', 5: 'RSASHA1', 6: 'DSA-NSEC3-SHA1', 7: 'RSASHA1-NSEC3-SHA1', 8: 'RSASHA256',
  10: 'RSASHA512', 12: 'ECC-GOST', 13: 'ECDSAP256SHA256', 14: 'ECDSAP384SHA384', 15: 'ED25519', 16: 'ED448',
  252: 'INDIRECT', 253: 'PRIVATEDNS', 254: 'PRIVATEOID',
};
const DHU: Readonly<Record<number, string>> = { 1: 'SHA-1', 2: 'SHA-256', 3: 'GOST_R_34.11-94', 4: 'SHA-384' };
const N3U: Readonly<Record<number, string>> = { 1: 'SHA-1' };

/** Prints the RDATA; false where ns_rprint returns NULL (cut short). */
export function dnsRdataPrint(nd: Nd, r: Rdata): boolean {
  const { rd, bp } = r;
  switch (r.typ) {
    case 1:
      if (!nd.has(rd, 4)) return false;
      nd.print(` ${intoa(nd.u32(rd))}`);
      return true;
    case 2:
    case 5:
    case 12:
    case 39:
      nd.print(' ');
      return fqdnPrint(nd, rd, bp) !== undefined;
    case 6:
      return soaPrint(nd, rd, bp);
    case 15:
      nd.print(' ');
      if (!nd.has(rd, 2) || fqdnPrint(nd, rd + 2, bp) === undefined) return false;
      nd.print(` ${nd.u16(rd)}`);
      return true;
    case 16:
      return txtPrint(nd, rd, rd + r.len);
    case 33:
      nd.print(' ');
      if (!nd.has(rd, 6) || fqdnPrint(nd, rd + 6, bp) === undefined) return false;
      nd.print(`:${nd.u16(rd + 4)} ${nd.u16(rd)} ${nd.u16(rd + 2)}`);
      return true;
    case 28:
      if (!nd.has(rd, 16)) return false;
      nd.print(` ${formatIpv6(nd.data.subarray(rd, rd + 16))}`);
      return true;
    case 41:
      return optPrint(nd, r);
    default:
      return true;
  }
}

function soaPrint(nd: Nd, rd: number, bp: number): boolean {
  if (!nd.opts.vflag) return true;
  nd.print(' ');
  let cp = fqdnPrint(nd, rd, bp);
  if (cp === undefined) return false;
  nd.print(' ');
  if ((cp = fqdnPrint(nd, cp, bp)) === undefined || !nd.has(cp, 20)) return false;
  for (let i = 0; i < 5; i++) nd.print(` ${nd.u32(cp + i * 4)}`);
  return true;
}

function txtPrint(nd: Nd, cp: number, end: number): boolean {
  while (cp < end) {
    nd.print(' "');
    if (!nd.has(cp, 1)) return false;
    const n = nd.u8(cp);
    if (!printn(nd, cp + 1, n)) return false;
    cp += 1 + n;
    nd.print('"');
  }
  return true;
}

function optPrint(nd: Nd, r: Rdata): boolean {
  nd.print(` UDPsize=${r.cls}`);
  if (r.optFlags & 0x8000) nd.print(' DO');
  const end = r.rd + r.len;
  let cp = r.rd;
  if (cp >= end) return true;
  nd.print(' [');
  while (cp < end) {
    const next = eoptPrint(nd, cp);
    if (next === undefined) return false;
    cp = next;
    if (cp < end) nd.print(',');
  }
  nd.print(']');
  return true;
}

function eoptPrint(nd: Nd, cp: number): number | undefined {
  if (!nd.has(cp, 2)) return undefined;
  const opt = nd.u16(cp);
  nd.print(EDNS_OPT_NAMES.get(opt) ?? `Opt${opt}`);
  if (!nd.has(cp + 2, 2)) return undefined;
  const len = nd.u16(cp + 2);
  const d = cp + 4;
  nd.check(d, len);
  if (len > 0) {
    nd.print(' ');
    eoptData(nd, opt, d, len);
  }
  return d + len;
}

function hexBytes(nd: Nd, d: number, len: number, splitAt = -1): string {
  let s = '';
  for (let i = 0; i < len; i++) s += `${i === splitAt ? ' ' : ''}${nd.u8(d + i).toString(16).padStart(2, '0')}`;
  return s;
}

function algList(nd: Nd, d: number, len: number, names: Readonly<Record<number, string>>): string {
  const out: string[] = [];
  for (let i = 0; i < len; i++) out.push(names[nd.u8(d + i)] ?? `Alg_${nd.u8(d + i)}`);
  return out.join(' ');
}

function eoptData(nd: Nd, opt: number, d: number, len: number): void {
  switch (opt) {
    case 8:
      return ecsPrint(nd, d, len);
    case 10:
      if (len < 8 || (len > 8 && len < 16) || len > 40) return nd.printInvalid();
      return void nd.print(hexBytes(nd, d, len, 8));
    case 11:
      if (len !== 2) return nd.printInvalid();
      return void nd.print(`${(nd.u16(d) / 10).toFixed(1)} sec`);
    case 9:
      if (len !== 4) return nd.printInvalid();
      return void nd.print(`${nd.u32(d)} sec`);
    case 12:
      return void nd.print(`(${len})`);
    case 14: {
      if (len % 2 !== 0) return nd.printInvalid();
      const tags: number[] = [];
      for (let i = 0; i < len; i += 2) tags.push(nd.u16(d + i));
      return void nd.print(tags.join(' '));
    }
    case 5:
      return void nd.print(algList(nd, d, len, DAU));
    case 6:
      return void nd.print(algList(nd, d, len, DHU));
    case 7:
      return void nd.print(algList(nd, d, len, N3U));
    case 13:
      return void fqdnPrint(nd, d, d + len);
    default:
      return void nd.print(hexBytes(nd, d, len));
  }
}

/** print_eopt_ecs: "10.0.0.0/24/0". */
function ecsPrint(nd: Nd, d: number, len: number): void {
  if (len < 4) return nd.printInvalid();
  const family = nd.u16(d);
  const src = nd.u8(d + 2);
  const scope = nd.u8(d + 3);
  const bits = family === 1 ? 32 : family === 2 ? 128 : 0;
  if (bits === 0 || len - 4 > bits / 8 || src > bits || scope > bits || Math.floor((src + 7) / 8) !== len - 4) return nd.printInvalid();
  const padded = new Uint8Array(16);
  padded.set(nd.data.subarray(d + 4, d + len));
  const addr = family === 1 ? intoa(((padded[0] ?? 0) << 24 | (padded[1] ?? 0) << 16 | (padded[2] ?? 0) << 8 | (padded[3] ?? 0)) >>> 0) : formatIpv6(padded);
  nd.print(`${addr}/${src}/${scope}`);
}
