// Layer capture (print): print-icmp.c. "ICMP echo request, id 99, seq 1, length 64", the unreachable and
// time-exceeded texts (with the quoted packet's addresses and ports), "need to frag (mtu 1450)"; the length
// is the ICMP message length. With -v, errors print the quoted IP header and its first 8 bytes beneath.

import { internetChecksum } from '../../wire/index.js';
import type { Nd } from './nd.js';
import { hexPrint } from './print-hex.js';
import { ipPrint } from './print-ip.js';
import { inCksumShouldbe } from './print-util.js';

const UNREACH_TEXT: Readonly<Record<number, string>> = {
  5: '%s unreachable - source route failed',
  6: 'net %s unreachable - unknown',
  7: 'host %s unreachable - unknown',
  8: '%s unreachable - source host isolated',
  9: 'net %s unreachable - admin prohibited',
  10: 'host %s unreachable - admin prohibited',
  11: 'net %s unreachable - tos prohibited',
  12: 'host %s unreachable - tos prohibited',
  13: 'host %s unreachable - admin prohibited filter',
  14: 'host %s unreachable - host precedence violation',
  15: 'host %s unreachable - precedence cutoff',
};

const REDIRECT_TEXT: Readonly<Record<number, string>> = { 0: 'redirect %s to net %s', 1: 'redirect %s to host %s', 2: 'redirect-tos %s to net %s', 3: 'redirect-tos %s to host %s' };

const OTHER_TEXT: Readonly<Record<number, string>> = {
  0: 'echo reply', 4: 'source quench', 8: 'echo request', 10: 'router solicitation', 13: 'time stamp request',
  14: 'time stamp reply', 15: 'information request', 16: 'information reply', 17: 'address mask request',
};

/** ICMP_ERRTYPE and ICMP_MULTIPART_EXT_TYPE: unreachable, source quench, redirect, time exceeded, parameter problem. */
const ERROR_TYPES = new Set([3, 4, 5, 11, 12]);
const MULTIPART_TYPES = new Set([3, 11, 12]);
/** ICMP_EXTD_MINLEN: 156 - sizeof(struct ip). */
const EXTD_MINLEN = 136;
const MULTIPART_OBJECTS: Readonly<Record<number, string>> = { 1: 'MPLS Stack Entry', 2: 'Interface Identification' };

function fill(fmt: string, ...args: string[]): string {
  let i = 0;
  return fmt.replace(/%s/g, () => args[i++] ?? '');
}

export function icmpPrint(nd: Nd, bp: number, plen: number, isFragmented: boolean): void {
  nd.protocol = 'icmp';
  const type = nd.u8(bp);
  const code = nd.u8(bp + 1);
  nd.print(`ICMP ${icmpText(nd, bp, type, code)}, length ${plen}`);
  if (nd.opts.vflag && !isFragmented && nd.has(bp, plen)) {
    const sum = internetChecksum(nd.data, bp, bp + plen);
    if (sum !== 0) {
      const icmpSum = nd.u16(bp + 2);
      nd.print(` (wrong icmp cksum ${icmpSum.toString(16)} (->${inCksumShouldbe(icmpSum, sum).toString(16)})!)`);
    }
  }
  if (nd.opts.vflag >= 1 && ERROR_TYPES.has(type)) {
    const inner = bp + 8;
    nd.print('\n\t');
    const innerLen = nd.u16(inner + 2);
    nd.pushSnaplen(inner, innerLen);
    ipPrint(nd, inner, innerLen);
    nd.popSnaplen();
  }
  nd.protocol = 'icmp';
  if (nd.opts.vflag >= 1 && plen > EXTD_MINLEN && MULTIPART_TYPES.has(type)) multipartCheck(nd, bp, plen);
}

/** RFC 4884 extensions: without a length field, only a checksum that verifies over the tail counts. */
function multipartCheck(nd: Nd, bp: number, plen: number): void {
  nd.check(bp, 141);
  const ext = bp + 8 + 128;
  let hlen = plen - EXTD_MINLEN;
  if (nd.u8(bp + 5) === 0 && nd.has(ext, hlen) && internetChecksum(nd.data, ext, ext + hlen) !== 0) return;
  const version = nd.u8(ext) >> 4;
  nd.print(`\n\tICMP Multi-Part extension v${version}`);
  if (version !== 2) return void nd.print(' packet not supported');
  if (nd.has(ext, hlen)) nd.print(`, checksum 0x${nd.u16(ext + 2).toString(16).padStart(4, '0')} (${internetChecksum(nd.data, ext, ext + hlen) ? 'in' : ''}correct), length ${hlen}`);
  hlen -= 4;
  let obj = ext + 4;
  while (hlen > 4) {
    nd.check(obj, 4);
    let tlen = nd.u16(obj);
    const cls = nd.u8(obj + 2);
    const ctype = nd.u8(obj + 3);
    obj += 4;
    nd.print(`\n\t  ${MULTIPART_OBJECTS[cls] ?? 'unknown'} Object (${cls}), Class-Type: ${ctype}, length ${tlen}`);
    hlen -= 4;
    if (cls === 0 || tlen < 4) return;
    tlen -= 4;
    if (cls === 1 && ctype === 1) {
      const label = nd.u32(obj);
      nd.print(`\n\t    label ${label >>> 12}, tc ${(label >>> 9) & 7}${label & 0x100 ? ', [S]' : ''}, ttl ${label & 0xff}`);
    } else hexPrint(nd, '\n\t    ', obj, Math.min(tlen, nd.available(obj)));
    if (hlen < tlen) break;
    hlen -= tlen;
    obj += tlen;
  }
}

function icmpText(nd: Nd, bp: number, type: number, code: number): string {
  const ip = (off: number) => nd.names.ip(nd.u32(off));
  const innerDst = bp + 8 + 16;
  switch (type) {
    case 0:
    case 8:
      return `echo ${type === 8 ? 'request' : 'reply'}, id ${nd.u16(bp + 4)}, seq ${nd.u16(bp + 6)}`;
    case 3:
      return unreachText(nd, bp, code, ip(innerDst));
    case 5:
      return fill(REDIRECT_TEXT[code] ?? `redirect-#${code} %s to %s`, ip(innerDst), ip(bp + 4));
    case 9:
      return routerAdvert(nd, bp);
    case 11:
      nd.check(innerDst, 4);
      return code === 0 ? 'time exceeded in-transit' : code === 1 ? 'ip reassembly time exceeded' : `time exceeded-#${code}`;
    case 12:
      return code ? `parameter problem - code ${code}` : `parameter problem - octet ${nd.u8(bp + 4)}`;
    case 18:
      return `address mask is 0x${nd.u32(bp + 8).toString(16).padStart(8, '0')}`;
    case 13:
      return `time stamp query id ${nd.u16(bp + 4)} seq ${nd.u16(bp + 6)}`;
    case 14:
      nd.check(bp + 16, 4);
      return `time stamp reply id ${nd.u16(bp + 4)} seq ${nd.u16(bp + 6)}: org ${tstamp(nd.u32(bp + 8))}, recv ${tstamp(nd.u32(bp + 12))}, xmit ${tstamp(nd.u32(bp + 16))}`;
    default:
      return OTHER_TEXT[type] ?? `type-#${type}`;
  }
}

function unreachText(nd: Nd, bp: number, code: number, dst: string): string {
  const oip = bp + 8;
  switch (code) {
    case 0:
      return `net ${dst} unreachable`;
    case 1:
      return `host ${dst} unreachable`;
    case 2:
      return `${dst} protocol ${nd.u8(oip + 9)} unreachable`;
    case 3: {
      nd.check(oip + 9, 1);
      const dport = nd.u16(oip + (nd.u8(oip) & 0x0f) * 4 + 2);
      const proto = nd.u8(oip + 9);
      if (proto === 6) return `${dst} tcp port ${nd.names.tcpPort(dport)} unreachable`;
      if (proto === 17) return `${dst} udp port ${nd.names.udpPort(dport)} unreachable`;
      return `${dst} protocol ${proto} port ${dport} unreachable`;
    }
    case 4: {
      const mtu = nd.u16(bp + 6);
      return mtu ? `${dst} unreachable - need to frag (mtu ${mtu})` : `${dst} unreachable - need to frag`;
    }
    default:
      return fill(UNREACH_TEXT[code] ?? `%s unreachable - #${code}`, dst);
  }
}

function routerAdvert(nd: Nd, bp: number): string {
  nd.check(bp + 4, 4);
  const lifetime = nd.u16(bp + 6);
  const lt = lifetime < 60 ? `${lifetime}` : lifetime < 3600 ? `${Math.floor(lifetime / 60)}:${pad2(lifetime % 60)}` : `${Math.floor(lifetime / 3600)}:${pad2(Math.floor((lifetime % 3600) / 60))}:${pad2(lifetime % 60)}`;
  const num = nd.u8(bp + 4);
  let s = `router advertisement lifetime ${lt} ${num}:`;
  const size = nd.u8(bp + 5);
  if (size !== 2) return `${s} [size ${size}]`;
  for (let i = 0; i < num; i++) {
    const at = bp + 8 + i * 8;
    nd.check(at, 8);
    s += ` {${nd.names.ip(nd.u32(at))} ${nd.u32(at + 4)}}`;
  }
  return s;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** icmp_tstamp_print: milliseconds (since midnight UT) as hh:mm:ss.mmm; hours are not wrapped. */
function tstamp(ms: number): string {
  const h = Math.floor(ms / 3600000);
  const m = Math.floor((ms % 3600000) / 60000);
  const s = Math.floor((ms % 60000) / 1000);
  return `${pad2(h)}:${pad2(m)}:${pad2(s)}.${String(ms % 1000).padStart(3, '0')}`;
}
