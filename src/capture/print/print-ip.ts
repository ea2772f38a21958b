// Layer capture (print): print-ip.c and print-ip-demux.c. "IP " (not with -e), with -v the header in
// parentheses and a line break, then "src > dst: " (TCP and UDP print their own with ports) and the
// protocol printer; a later fragment prints only "src > dst: proto". The snapend is cut to the IP total
// length, so Ethernet padding is never read as payload.

import { internetChecksum } from '../../wire/index.js';
import { TRUNCATED, type Nd } from './nd.js';
import { icmpPrint } from './print-icmp.js';
import { tcpPrint } from './print-tcp.js';
import { udpPrint } from './print-udp.js';
import { IPPROTO_NAMES, NETDB_PROTOCOL_NAMES } from './tcpdump-tables.js';
import { inCksumShouldbe } from './print-util.js';

const IP_HDR_LEN = 20;
const IP_OFFMASK = 0x1fff;
const IP_MF = 0x2000;
const IP_DF = 0x4000;
const IP_RES = 0x8000;
const IPPROTO_TCP = 6;
const IPPROTO_UDP = 17;
const IP_OPTION_NAMES = new Map([[0, 'EOL'], [1, 'NOP'], [68, 'timestamp'], [130, 'security'], [7, 'RR'], [137, 'SSRR'], [131, 'LSRR'], [148, 'RA'], [82, 'traceroute']]);

function ipFlags(off: number): string {
  const f = [off & IP_MF ? '+' : '', off & IP_DF ? 'DF' : '', off & IP_RES ? 'rsvd' : ''].filter((s) => s);
  return f.length ? f.join(', ') : 'none';
}

const ECN = ['', ',ECT(1)', ',ECT(0)', ',CE'] as const;

export function ipPrint(nd: Nd, bp: number, length: number): void {
  nd.protocol = 'ip';
  const v = nd.u8(bp) >> 4;
  if (v !== 4) {
    nd.print(v === 6 ? 'IP6, wrong link-layer encapsulation' : `IP${v}`);
    return nd.printInvalid();
  }
  if (!nd.opts.eflag) nd.print('IP ');
  nd.check(bp, IP_HDR_LEN);
  if (length < IP_HDR_LEN) return void nd.print(`truncated-ip ${length}`);
  const hlen = (nd.u8(bp) & 0x0f) * 4;
  if (hlen < IP_HDR_LEN) return void nd.print(`bad-hlen ${hlen}`);
  let len = nd.u16(bp + 2);
  if (length < len) nd.print(`truncated-ip - ${len - length} bytes missing! `);
  if (len < hlen) return void nd.print(`bad-len ${len}`);
  nd.pushSnaplen(bp, len);
  len -= hlen;
  const off = nd.u16(bp + 6);
  const proto = nd.u8(bp + 9);
  const src = nd.names.ip(nd.u32(bp + 12));
  const dst = nd.names.ip(nd.u32(bp + 16));
  if (nd.opts.vflag && !verboseHeader(nd, bp, hlen, off, proto)) {
    nd.print(`${src} > ${dst}: `);
    nd.printTrunc();
    return nd.popSnaplen();
  }
  if ((off & IP_OFFMASK) === 0) {
    // TCP and UDP print the addresses with their ports (tcpdump's SCTP and DCCP printers do too; ciliumlab has neither).
    if (proto !== IPPROTO_TCP && proto !== IPPROTO_UDP) nd.print(`${src} > ${dst}: `);
    if (!nd.has(bp, hlen)) {
      nd.print(` [remaining caplen(${nd.available(bp)}) < header length(${hlen})]`);
      throw TRUNCATED;
    }
    ipDemuxPrint(nd, bp + hlen, len, (off & IP_MF) !== 0, proto, bp);
  } else if (nd.opts.qflag <= 1) {
    const name = nd.opts.nflag ? '' : (NETDB_PROTOCOL_NAMES[proto] ?? '');
    nd.print(`${src} > ${dst}:${name ? ` ${name}` : ` ip-proto-${proto}`}`);
  }
  nd.popSnaplen();
}

/** The -v part "(tos 0x0, ttl 64, ...)\n    "; false when the options were cut. */
function verboseHeader(nd: Nd, bp: number, hlen: number, off: number, proto: number): boolean {
  const tos = nd.u8(bp + 1);
  const ttl = nd.u8(bp + 8);
  nd.print(`(tos 0x${tos.toString(16)}${ECN[tos & 3]}`);
  if (ttl >= 1) nd.print(`, ttl ${ttl}`);
  nd.print(`, id ${nd.u16(bp + 4)}, offset ${(off & IP_OFFMASK) * 8}, flags [${ipFlags(off)}], proto ${IPPROTO_NAMES.get(proto) ?? 'unknown'} (${proto}), length ${nd.u16(bp + 2)}`);
  let isTruncated = false;
  if (hlen > IP_HDR_LEN) {
    nd.print(', options (');
    isTruncated = !ipOptPrint(nd, bp + IP_HDR_LEN, hlen - IP_HDR_LEN);
    if (isTruncated) nd.print(' [truncated-option]');
    nd.print(')');
  }
  if (!nd.opts.Kflag && nd.has(bp, hlen)) {
    const sum = internetChecksum(nd.data, bp, bp + hlen);
    if (sum !== 0) {
      const ipSum = nd.u16(bp + 10);
      nd.print(`, bad cksum ${ipSum.toString(16)} (->${inCksumShouldbe(ipSum, sum).toString(16)})!`);
    }
  }
  nd.print(')\n    ');
  return !isTruncated;
}

/** ip_optprint: false when an option runs past the capture. */
function ipOptPrint(nd: Nd, cp: number, length: number): boolean {
  let sep = '';
  while (length > 0) {
    nd.print(sep);
    sep = ',';
    const code = nd.u8(cp);
    nd.print(IP_OPTION_NAMES.get(code) ?? `unknown ${code}`);
    const optLen = code === 0 || code === 1 ? 1 : nd.u8(cp + 1);
    if (optLen < 2 && code !== 0 && code !== 1) return nd.print(` [bad length ${optLen}]`), true;
    if (optLen > length) return nd.print(` [bad length ${optLen}]`), true;
    if (!nd.has(cp, optLen)) return false;
    if (code === 0) return true;
    if (code === 7 || code === 137 || code === 131) printRoute(nd, cp, optLen);
    else if (code === 148) {
      if (optLen < 4) nd.print(` [bad length ${optLen}]`);
      else if (nd.u16(cp + 2) !== 0) nd.print(` value ${nd.u16(cp + 2)}`);
    }
    cp += optLen;
    length -= optLen;
  }
  return true;
}

function printRoute(nd: Nd, cp: number, length: number): void {
  if (length < 3) return void nd.print(` [bad length ${length}]`);
  if ((length + 1) & 3) nd.print(` [bad length ${length}]`);
  const ptr = nd.u8(cp + 2) - 1;
  if (ptr < 3 || (ptr + 1) & 3 || ptr > length + 1) nd.print(` [bad ptr ${nd.u8(cp + 2)}]`);
  for (let len = 3; len < length; len += 4) {
    nd.print(` ${nd.names.ip(nd.u32(cp + len))}`);
    if (ptr > len) nd.print(',');
  }
}

/** ip_demux_print for the protocols of an IPv4 packet. */
function ipDemuxPrint(nd: Nd, bp: number, length: number, isFragmented: boolean, proto: number, iph: number): void {
  switch (proto) {
    case IPPROTO_TCP:
      return tcpPrint(nd, bp, length, iph, isFragmented);
    case IPPROTO_UDP:
      return udpPrint(nd, bp, length, iph, isFragmented);
    case 1:
      return icmpPrint(nd, bp, length, isFragmented);
    case 4:
      return ipPrint(nd, bp, length);
    default: {
      const name = nd.opts.nflag === 0 ? NETDB_PROTOCOL_NAMES[proto] : '';
      nd.print(`${name ? ` ${name}` : ` ip-proto-${proto}`} ${length}`);
    }
  }
}
