// Layer capture (print): print-udp.c. "src.port > dst.port: " then, by port in udp_print()'s order, DNS
// (53), mDNS (5353), BCM-LI (source 49152), OTV (8472), VXLAN (4789), Geneve (destination 6081), else
// "UDP, length N" (the UDP payload length). Ports whose tcpdump printers ciliumlab has no copy of (NTP,
// DHCP, SNMP, ...: never on the lab's wires) print as plain UDP. -vv checks the checksum.

import type { Nd } from './nd.js';
import { domainPrint } from './print-dns.js';
import { bcmLiPrint, genevePrint, otvPrint, vxlanPrint } from './print-tunnel.js';
import { inCksumShouldbe, l4Checksum } from './print-util.js';

const IPPROTO_UDP = 17;

type PayloadPrinter = (nd: Nd, cp: number, length: number) => void;

interface Dispatch {
  /** The ports (either direction unless `dst`/`src`); a [low, high] pair is a range. */
  readonly ports: readonly (number | readonly [number, number])[];
  readonly side?: 'src' | 'dst';
  /** Undefined: a tcpdump printer ciliumlab has no copy of; the packet prints as plain UDP. */
  readonly printer?: PayloadPrinter;
}

/** udp_print()'s dispatch in its order; the first match wins. */
const UDP_DISPATCH: readonly Dispatch[] = [
  { ports: [53], printer: (nd, cp, len) => domainPrint(nd, cp, len, { isOverTcp: false, isMdns: false }) },
  { ports: [5353], printer: (nd, cp, len) => domainPrint(nd, cp, len, { isOverTcp: false, isMdns: true }) },
  { ports: [525, 69, 67, 68, 520, 654, 500, 4500, 7500, 8500, 161, 162, 123, 88, 750, 1701, 137, 138] },
  { ports: [3456], side: 'dst' },
  { ports: [2103, 2104, [7000, 7009], 521, 546, 547, 5359, 6696, 6697, 8231] },
  { ports: [4567], side: 'dst' },
  { ports: [496, 1645, 1812, 1646, 1813, 1700, 3799] },
  { ports: [1985], side: 'dst' },
  { ports: [921, 646, 698, 3503] },
  { ports: [49152], side: 'src', printer: bcmLiPrint },
  { ports: [3784, 4784, 6784, 3785, 12223], side: 'dst' },
  { ports: [701, 1589, 6343] },
  { ports: [12223], side: 'src' },
  { ports: [12222, 5060, 514] },
  { ports: [8472], printer: otvPrint },
  { ports: [4789], printer: vxlanPrint },
  { ports: [6081], side: 'dst', printer: genevePrint },
  { ports: [4342, 4790, 17754, 6635, 319, 320, 30490] },
];

/** Port -> the first dispatch entry it matches as a source (index 0) or destination (index 1) port. */
function firstEntries(side: 'src' | 'dst'): Map<number, number> {
  const out = new Map<number, number>();
  UDP_DISPATCH.forEach((d, i) => {
    if (d.side !== undefined && d.side !== side) return;
    for (const p of d.ports) {
      const [lo, hi] = typeof p === 'number' ? [p, p] : p;
      for (let port = lo; port <= hi; port++) if (!out.has(port)) out.set(port, i);
    }
  });
  return out;
}

const BY_SRC = firstEntries('src');
const BY_DST = firstEntries('dst');

/** The printer udp_print() would pick; undefined for plain "UDP, length N". */
function udpPayloadPrinter(sport: number, dport: number): PayloadPrinter | undefined {
  const i = Math.min(BY_SRC.get(sport) ?? Infinity, BY_DST.get(dport) ?? Infinity);
  return UDP_DISPATCH[i]?.printer;
}

function udpipaddrPrint(nd: Nd, iph: number, sport: number, dport: number): void {
  if (nd.u8(iph + 9) === IPPROTO_UDP) {
    const src = nd.names.ip(nd.u32(iph + 12));
    const dst = nd.names.ip(nd.u32(iph + 16));
    if (sport < 0) nd.print(`${src} > ${dst}: `);
    else nd.print(`${src}.${nd.names.udpPort(sport)} > ${dst}.${nd.names.udpPort(dport)}: `);
  } else if (sport >= 0) nd.print(`${nd.names.udpPort(sport)} > ${nd.names.udpPort(dport)}: `);
}

export function udpPrint(nd: Nd, bp: number, length: number, iph: number, isFragmented: boolean): void {
  nd.protocol = 'udp';
  if (!nd.has(bp + 2, 2)) {
    udpipaddrPrint(nd, iph, -1, -1);
    return nd.printTrunc();
  }
  const sport = nd.u16(bp);
  const dport = nd.u16(bp + 2);
  if (length < 8) {
    udpipaddrPrint(nd, iph, sport, dport);
    return void nd.print(`truncated-udp ${length}`);
  }
  if (!nd.has(bp + 4, 2)) {
    udpipaddrPrint(nd, iph, sport, dport);
    return nd.printTrunc();
  }
  let ulen = nd.u16(bp + 4);
  if (ulen === 0 && length > 65535) ulen = length;
  if (ulen < 8) {
    udpipaddrPrint(nd, iph, sport, dport);
    return void nd.print(`truncated-udplength ${ulen}`);
  }
  ulen -= 8;
  length -= 8;
  if (ulen < length) length = ulen;
  const cp = bp + 8;
  udpipaddrPrint(nd, iph, sport, dport);
  if (cp > nd.snapend) return nd.printTrunc();
  if (nd.opts.vflag > 1 && !nd.opts.Kflag && !isFragmented) checksumPrint(nd, iph, bp, length);
  const printer = nd.opts.qflag ? undefined : udpPayloadPrinter(sport, dport);
  if (printer) return printer(nd, cp, length);
  nd.print(ulen > length && !isFragmented ? `UDP, bad length ${ulen} > ${length}` : `UDP, length ${ulen}`);
}

function checksumPrint(nd: Nd, iph: number, bp: number, length: number): void {
  const udpSum = nd.u16(bp + 6);
  if (udpSum === 0) return void nd.print('[no cksum] ');
  if (!nd.has(bp + 8, length)) return;
  const sum = l4Checksum(nd, iph, bp, length + 8, IPPROTO_UDP);
  if (sum !== 0) nd.print(`[bad udp cksum 0x${udpSum.toString(16).padStart(4, '0')} -> 0x${inCksumShouldbe(udpSum, sum).toString(16).padStart(4, '0')}!] `);
  else nd.print('[udp sum ok] ');
}
