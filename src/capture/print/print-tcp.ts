// Layer capture (print): print-tcp.c. "src.port > dst.port: Flags [S.], seq 1:79, ack 1, win 502,
// options [nop,nop,TS val 1 ecr 2], length 78" and the payload printers by port (HTTP on 80/8080, DNS on
// 53). Sequence numbers are relative to the first packet with ACK seen for the conversation (tcp_seq_hash,
// kept per capture) unless -S; a SYN restarts the conversation.

import type { Nd } from './nd.js';
import { domainPrint } from './print-dns.js';
import { httpPrint } from './print-txtproto.js';
import { fnPrintChar, inCksumShouldbe, l4Checksum } from './print-util.js';
import { TCP_OPTION_NAMES } from './tcpdump-tables.js';

const TH_FIN = 0x01;
const TH_SYN = 0x02;
const TH_RST = 0x04;
const TH_ACK = 0x10;
const TH_URG = 0x20;
const FLAG_CHARS = ['F', 'S', 'R', 'P', '.', 'U', 'E', 'W'] as const;
const IPPROTO_TCP = 6;
const MAX_RST_DATA_LEN = 30;

function flagsText(flags: number): string {
  let s = '';
  for (let i = 0; i < 8; i++) if (flags & (1 << i)) s += FLAG_CHARS[i];
  return s || 'none';
}

interface Relative {
  seq: number;
  ack: number;
  thseq: number;
  thack: number;
  isReversed: boolean;
}

/** The conversation lookup of tcp_print(): relative seq/ack, recording the first ACK-bearing packet. */
function relativeSeq(nd: Nd, iph: number, sport: number, dport: number, seq: number, ack: number, flags: number): Relative {
  const src = nd.u32(iph + 12);
  const dst = nd.u32(iph + 16);
  const isReversed = sport > dport || (sport === dport && src > dst);
  const key = isReversed ? `${dst}:${src}:${dport}:${sport}` : `${src}:${dst}:${sport}:${dport}`;
  let th = nd.tcpSeq.get(key);
  if (!th || flags & TH_SYN) {
    th = isReversed ? { ack: seq, seq: (ack - 1) >>> 0 } : { seq, ack: (ack - 1) >>> 0 };
    nd.tcpSeq.set(key, th);
  } else if (isReversed) {
    seq = (seq - th.ack) >>> 0;
    ack = (ack - th.seq) >>> 0;
  } else {
    seq = (seq - th.seq) >>> 0;
    ack = (ack - th.ack) >>> 0;
  }
  return { seq, ack, thseq: th.seq, thack: th.ack, isReversed };
}

export function tcpPrint(nd: Nd, bp: number, length: number, iph: number, isFragmented: boolean): void {
  nd.protocol = 'tcp';
  const src = nd.names.ip(nd.u32(iph + 12));
  const dst = nd.names.ip(nd.u32(iph + 16));
  if (!nd.has(bp + 2, 2)) {
    nd.print(`${src} > ${dst}:`);
    return nd.printTrunc();
  }
  const sport = nd.u16(bp);
  const dport = nd.u16(bp + 2);
  if (nd.u8(iph + 9) === IPPROTO_TCP) nd.print(`${src}.${nd.names.tcpPort(sport)} > ${dst}.${nd.names.tcpPort(dport)}: `);
  else nd.print(`${nd.names.tcpPort(sport)} > ${nd.names.tcpPort(dport)}: `);
  nd.check(bp, 20);
  let hlen = (nd.u8(bp + 12) >> 4) * 4;
  if (hlen < 20) return void nd.print(` tcp ${length - hlen} [bad hdr length ${hlen} - too short, < 20]`);
  let seq = nd.u32(bp + 4);
  let ack = nd.u32(bp + 8);
  const win = nd.u16(bp + 14);
  const urp = nd.u16(bp + 18);
  if (nd.opts.qflag) {
    nd.print(`tcp ${(length - hlen) >>> 0}`);
    if (hlen > length) nd.print(` [bad hdr length ${hlen} - too long, > ${length}]`);
    return;
  }
  const flags = nd.u8(bp + 13);
  nd.print(`Flags [${flagsText(flags)}]`);
  let rel: Relative = { seq, ack, thseq: 0, thack: 0, isReversed: false };
  if (!nd.opts.Sflag && flags & TH_ACK) {
    rel = relativeSeq(nd, iph, sport, dport, seq, ack, flags);
    seq = rel.seq;
    ack = rel.ack;
  }
  if (hlen > length) return void nd.print(` [bad hdr length ${hlen} - too long, > ${length}]`);
  if (nd.opts.vflag && !nd.opts.Kflag && !isFragmented && nd.has(bp, length)) {
    const sum = l4Checksum(nd, iph, bp, length, IPPROTO_TCP);
    const tcpSum = nd.u16(bp + 16);
    nd.print(`, cksum 0x${tcpSum.toString(16).padStart(4, '0')}${sum !== 0 ? ` (incorrect -> 0x${inCksumShouldbe(tcpSum, sum).toString(16).padStart(4, '0')})` : ' (correct)'}`);
  }
  length -= hlen;
  if (nd.opts.vflag > 1 || length > 0 || flags & (TH_SYN | TH_FIN | TH_RST)) {
    nd.print(`, seq ${seq}`);
    if (length > 0) nd.print(`:${(seq + length) >>> 0}`);
  }
  if (flags & TH_ACK) nd.print(`, ack ${ack}`);
  nd.print(`, win ${win}`);
  if (flags & TH_URG) nd.print(`, urg ${urp}`);
  if (hlen > 20 && !optionsPrint(nd, bp + 20, hlen - 20, rel)) return;
  nd.print(`, length ${length}`);
  if (length === 0) return;
  payloadPrint(nd, bp, length, sport, dport, flags);
}

function payloadPrint(nd: Nd, bp: number, length: number, sport: number, dport: number, flags: number): void {
  const headerLen = (nd.u8(bp + 12) >> 4) * 4;
  if (!nd.has(bp, headerLen)) {
    nd.print(` [remaining caplen(${nd.available(bp)}) < header length(${headerLen})]`);
    return nd.check(bp, headerLen);
  }
  const p = bp + headerLen;
  if (flags & TH_RST && nd.opts.vflag) return rstDataPrint(nd, p, length);
  const i = Math.min(TCP_DISPATCH_BY_PORT.get(sport) ?? Infinity, TCP_DISPATCH_BY_PORT.get(dport) ?? Infinity);
  TCP_DISPATCH[i]?.printer?.(nd, p, length);
}

interface Dispatch {
  readonly ports: readonly number[];
  /** Undefined: a tcpdump printer ciliumlab has no copy of (Telnet, SMTP, BGP, SSH, ...); nothing more is printed. */
  readonly printer?: (nd: Nd, p: number, length: number) => void;
}

/** tcp_print()'s payload dispatch in its order. */
const TCP_DISPATCH: readonly Dispatch[] = [
  { ports: [23, 25, 43, 179, 1723, 6379, 22, 139, 445, 10288, 6633, 6653, 21] },
  { ports: [80, 8080], printer: (nd, p, length) => (nd.print(': '), httpPrint(nd, p, length)) },
  { ports: [554, 8554] },
  { ports: [53], printer: (nd, p, length) => domainPrint(nd, p, length, { isOverTcp: true, isMdns: false }) },
];

/** Port -> index of its entry in TCP_DISPATCH (either direction). */
const TCP_DISPATCH_BY_PORT = new Map(TCP_DISPATCH.flatMap((d, i) => d.ports.map((p) => [p, i] as const)));

function rstDataPrint(nd: Nd, p: number, length: number): void {
  nd.print(' [RST');
  if (length > MAX_RST_DATA_LEN) {
    length = MAX_RST_DATA_LEN;
    nd.print('+');
  }
  let s = ' ';
  for (let i = 0; i < length && p + i < nd.snapend; i++) s += fnPrintChar(nd.data[p + i] ?? 0);
  nd.print(`${s}]`);
}

/** The options list; false where tcp_print() returns early ("[bad opt]" or a cut option). */
function optionsPrint(nd: Nd, cp: number, hlen: number, rel: Relative): boolean {
  nd.print(', options [');
  let sep = '';
  while (hlen > 0) {
    nd.print(sep);
    const opt = nd.u8(cp++);
    let len = 1;
    if (opt !== 0 && opt !== 1) {
      len = nd.u8(cp++);
      if (len < 2 || len > hlen) return badOpt(nd, sep);
      hlen--;
    }
    hlen--;
    nd.print(TCP_OPTION_NAMES.get(opt) ?? `unknown-${opt}`);
    const datalen = optionData(nd, opt, cp, len, hlen, rel);
    if (datalen === OPT_CUT) {
      nd.printTrunc();
      if (sep) nd.print('>');
      return false;
    }
    if (datalen === OPT_BAD) return badOpt(nd, sep);
    cp += datalen;
    hlen -= datalen;
    if (datalen + 1 + (opt > 1 ? 1 : 0) !== len) nd.print(`[len ${len}]`);
    sep = ',';
    if (opt === 0) break;
  }
  nd.print(']');
  return true;
}

function badOpt(nd: Nd, sep: string): false {
  nd.print('[bad opt]');
  if (sep) nd.print(']');
  return false;
}

const OPT_BAD = -1;
const OPT_CUT = -2;

/** Prints one option's data; returns its length, OPT_BAD or OPT_CUT (LENCHECK's two ways out). */
function optionData(nd: Nd, opt: number, cp: number, len: number, hlen: number, rel: Relative): number {
  let failure = 0;
  const need = (l: number) => {
    failure = l > hlen ? OPT_BAD : nd.has(cp, l) ? 0 : OPT_CUT;
    return failure === 0;
  };
  switch (opt) {
    case 2:
      return need(2) ? (nd.print(` ${nd.u16(cp)}`), 2) : failure;
    case 3:
      return need(1) ? (nd.print(` ${nd.u8(cp)}`), 1) : failure;
    case 5: {
      const datalen = len - 2;
      if (datalen % 8 !== 0) return nd.print(' invalid sack'), datalen;
      nd.print(` ${datalen / 8} `);
      for (let i = 0; i < datalen; i += 8) {
        if (!need(i + 8)) return failure;
        const base = rel.isReversed ? rel.thseq : rel.thack;
        nd.print(`{${(nd.u32(cp + i) - base) >>> 0}:${(nd.u32(cp + i + 4) - base) >>> 0}}`);
      }
      return datalen;
    }
    case 6:
    case 7:
    case 11:
    case 12:
    case 13:
      return need(4) ? (nd.print(` ${nd.u32(cp)}`), 4) : failure;
    case 8:
      return need(8) ? (nd.print(` val ${nd.u32(cp)} ecr ${nd.u32(cp + 4)}`), 8) : failure;
    case 0:
    case 1:
    case 4:
      return 0;
    case 28: {
      if (!need(2)) return failure;
      const v = nd.u16(cp);
      nd.print(` 0x${v.toString(16)} ${v & 1 ? (v >> 1) * 60 : v >> 1}`);
      return 2;
    }
    default: {
      const datalen = len - 2;
      if (datalen) nd.print(' 0x');
      for (let i = 0; i < datalen; i++) {
        if (!need(i + 1)) return failure;
        nd.print(nd.u8(cp + i).toString(16).padStart(2, '0'));
      }
      return datalen;
    }
  }
}
