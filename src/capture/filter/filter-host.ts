// Layer capture (filter): host and net primitives (gen_host, gen_hostop, gen_ehostop, gen_ncode's and
// gen_mcode's address cases, gen_ecode, gen_broadcast, gen_multicast). An unqualified host or net matches
// the IPv4 source or destination, or the ARP/RARP sender or target address; a MAC needs `ether`; short
// addresses are promoted ("net 10" is 10.0.0.0/8, and so is "host 10", as libpcap makes it).

import type { CompileState } from './filter-link.js';
import { and, or, type Node } from './filter-ir.js';
import type { QDir, QProto, Qual } from './filter-qual.js';

const ETHERTYPE_IP = 0x0800;
const ETHERTYPE_ARP = 0x0806;
const ETHERTYPE_REVARP = 0x8035;

const NOT_IMPLEMENTED: Partial<Record<QProto, string>> = {
  atalk: 'AppleTalk', lat: 'LAT', sca: 'SCA', moprc: 'MOPRC', mopdl: 'MOPDL', aarp: 'AARP', iso: 'ISO', ipx: 'IPX',
};

function dirError(cs: CompileState, dir: QDir, what: string): never {
  const n = dir.slice(-1);
  if (dir === 'ra' || dir === 'ta') return cs.fail(`'${dir}' is not a valid qualifier for ${what}`);
  return cs.fail(`'addr${n}' and 'address${n}' are not valid qualifiers for ${what}`);
}

/** gen_hostop(): the 4 bytes at srcOff/dstOff of the network header under `mask`, for one ethertype. */
function hostop(cs: CompileState, addr: number, mask: number, dir: QDir, llProto: number, srcOff: number, dstOff: number): Node {
  const side = (off: number) => and(cs.linktype(llProto), cs.cmp('pl', off, 4, addr, mask));
  switch (dir) {
    case 'src':
      return side(srcOff);
    case 'dst':
      return side(dstOff);
    case 'and':
      return and(side(srcOff), side(dstOff));
    case 'default':
    case 'or':
      return or(side(srcOff), side(dstOff));
    default:
      return dirError(cs, dir, 'addresses other than 802.11 MAC addresses');
  }
}

/** gen_host() for IPv4 hosts and networks. */
export function genHost(cs: CompileState, addr: number, mask: number, proto: QProto, dir: QDir, isNet: boolean): Node {
  const typestr = isNet ? 'net' : 'host';
  switch (proto) {
    case 'default':
      return or(or(genHost(cs, addr, mask, 'ip', dir, isNet), genHost(cs, addr, mask, 'arp', dir, isNet)), genHost(cs, addr, mask, 'rarp', dir, isNet));
    case 'ip':
      return hostop(cs, addr, mask, dir, ETHERTYPE_IP, 12, 16);
    case 'arp':
      return hostop(cs, addr, mask, dir, ETHERTYPE_ARP, 14, 24);
    case 'rarp':
      return hostop(cs, addr, mask, dir, ETHERTYPE_REVARP, 14, 24);
    case 'link':
      return cs.fail(`link-layer modifier applied to ${typestr}`);
    case 'ip6':
      return cs.fail("'ip6' modifier applied to ip host");
    case 'decnet':
      return cs.fail('DECnet host filters are not emulated by ciliumlab');
    default: {
      const name = NOT_IMPLEMENTED[proto];
      if (name) return cs.fail(`${name} host filtering not implemented`);
      return cs.fail(`'${proto}' modifier applied to ${typestr}`);
    }
  }
}

/** __pcap_atoin(): a dotted address of 1-4 parts and its length in bits; undefined if a part is over 255. */
export function atoin(s: string): { v: number; bits: number } | undefined {
  let v = 0;
  let bits = 0;
  for (const part of s.split('.')) {
    let n = 0;
    for (const ch of part) {
      if (n > 25) return undefined;
      n = n * 10 + ch.charCodeAt(0) - 48;
    }
    if (n > 255) return undefined;
    v = ((v << 8) | n) >>> 0;
    bits += 8;
  }
  return { v, bits };
}

function shift(v: number, bits: number): number {
  return bits >= 32 ? 0 : (v << bits) >>> 0;
}

/** gen_ncode()'s host/net case: a dotted address (s) or a bare number (v). */
export function genNcodeAddr(cs: CompileState, s: string | undefined, v: number, q: Qual): Node {
  if (q.proto === 'decnet') return cs.fail('DECnet addresses are not emulated by ciliumlab');
  if (q.proto === 'link') return cs.fail('illegal link layer address');
  let mask = 0xffffffff;
  if (s === undefined && q.addr === 'net') {
    while (v && (v & 0xff000000) === 0) {
      v = (v << 8) >>> 0;
      mask = (mask << 8) >>> 0;
    }
  } else {
    const bits = s === undefined ? 32 : (atoin(s)?.bits ?? 32);
    v = shift(v, 32 - bits);
    mask = shift(mask, 32 - bits);
  }
  return genHost(cs, v, mask, q.proto, q.dir, q.addr === 'net');
}

/** gen_mcode(): "net A/len" and "net A mask M". */
export function genMcode(cs: CompileState, s1: string, s2: string | undefined, masklen: number, q: Qual): Node {
  const n1 = atoin(s1);
  if (!n1) return cs.fail(`invalid IPv4 address '${s1}'`);
  const n = shift(n1.v, 32 - n1.bits);
  let m: number;
  if (s2 !== undefined) {
    const m1 = atoin(s2);
    if (!m1) return cs.fail(`invalid IPv4 address '${s2}'`);
    m = shift(m1.v, 32 - m1.bits);
    if ((n & ~m) >>> 0) return cs.fail(`non-network bits set in "${s1} mask ${s2}"`);
  } else {
    if (masklen > 32) return cs.fail('mask length must be <= 32');
    m = masklen === 0 ? 0 : shift(0xffffffff, 32 - masklen);
    if ((n & ~m) >>> 0) return cs.fail(`non-network bits set in "${s1}/${masklen}"`);
  }
  if (q.addr !== 'net') return cs.fail('Mask syntax for networks only');
  return genHost(cs, n, m, q.proto, q.dir, true);
}

/** gen_ehostop(): Ethernet source at 6, destination at 0. */
export function genEhostop(cs: CompileState, mac: Uint8Array, dir: QDir): Node {
  const low4 = (((mac[2] ?? 0) << 24) | ((mac[3] ?? 0) << 16) | ((mac[4] ?? 0) << 8) | (mac[5] ?? 0)) >>> 0;
  const high2 = ((mac[0] ?? 0) << 8) | (mac[1] ?? 0);
  // gen_bcmp: the last 4 bytes, then the first 2.
  const at = (base: number) => and(cs.cmp('hdr', base + 2, 4, low4), cs.cmp('hdr', base, 2, high2));
  const src = () => at(6);
  const dst = () => at(0);
  switch (dir) {
    case 'src':
      return src();
    case 'dst':
      return dst();
    case 'and':
      return and(src(), dst());
    case 'default':
    case 'or':
      return or(src(), dst());
    default: {
      const n = dir.slice(-1);
      return cs.fail(dir === 'ra' || dir === 'ta' ? `'${dir}' is only supported on 802.11 with 802.11 headers` : `'addr${n}' and 'address${n}' are only supported on 802.11 with 802.11 headers`);
    }
  }
}

/** gen_ecode(): "ether host MAC". */
export function genEcode(cs: CompileState, mac: Uint8Array, q: Qual): Node {
  if ((q.addr !== 'host' && q.addr !== 'default') || q.proto !== 'link') return cs.fail('ethernet address used in non-ether expression');
  if (cs.dlt !== 'en10mb') return cs.fail('ethernet addresses supported only on ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel');
  const b = genEhostop(cs, mac, q.dir);
  const link = cs.linkHeaderPresent();
  return link ? and(link, b) : b;
}

export function genBroadcast(cs: CompileState, proto: QProto): Node {
  if (proto === 'default' || proto === 'link') {
    if (cs.dlt !== 'en10mb') return cs.fail('not a broadcast link');
    const b = genEhostop(cs, new Uint8Array([255, 255, 255, 255, 255, 255]), 'dst');
    const link = cs.linkHeaderPresent();
    return link ? and(link, b) : b;
  }
  if (proto === 'ip') {
    const hostmask = ~cs.opts.netmask >>> 0;
    return and(cs.linktype(ETHERTYPE_IP), or(cs.cmp('pl', 16, 4, 0, hostmask), cs.cmp('pl', 16, 4, hostmask, hostmask)));
  }
  return cs.fail('only link-layer/IP broadcast filters supported');
}

export function genMulticast(cs: CompileState, proto: QProto): Node {
  if (proto === 'default' || proto === 'link') {
    if (cs.dlt !== 'en10mb') return cs.fail('link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel');
    const b = cs.cmp('hdr', 0, 1, 1, 1);
    const link = cs.linkHeaderPresent();
    return link ? and(link, b) : b;
  }
  if (proto === 'ip') {
    return and(cs.linktype(ETHERTYPE_IP), cs.cmp('pl', 16, 1, 224, 0xffffffff, 'ge'));
  }
  if (proto === 'ip6') return and(cs.linktype(0x86dd), cs.cmp('pl', 24, 1, 255));
  return cs.fail('link-layer multicast filters supported only on ethernet/FDDI/token ring/ARCNET/802.11/ATM LANE/Fibre Channel');
}

