// Layer capture (filter): protocol and port primitives (gen_proto_abbrev, gen_proto, gen_port/gen_port6,
// gen_portrange). "tcp" is IPv4 protocol 6 or IPv6 next header 6; "icmp" is IPv4 only; "port N" is TCP,
// UDP or SCTP, first fragment only, either port; a port looked up by name keeps the protocol /etc/services
// gives it ("port http" is TCP only). Checks are on the outer headers: "icmp" never matches VXLAN traffic.

import type { CompileState } from './filter-link.js';
import { and, not, or, type Node } from './filter-ir.js';
import type { QDir, QProto } from './filter-qual.js';

export const IPPROTO = { ICMP: 1, IGMP: 2, TCP: 6, UDP: 17, IGRP: 9, ESP: 50, AH: 51, ICMPV6: 58, PIM: 103, VRRP: 112, SCTP: 132 } as const;
/** PROTO_UNDEF: a port that may be TCP, UDP or SCTP. */
export const PROTO_UNDEF = -1;
const ETHERTYPE_IP = 0x0800;
const ETHERTYPE_IPV6 = 0x86dd;
const IPPROTO_FRAGMENT = 44;

const ETHERTYPES: Partial<Record<QProto, number>> = {
  ip: ETHERTYPE_IP, arp: 0x0806, rarp: 0x8035, atalk: 0x809b, aarp: 0x80f3, decnet: 0x6003, sca: 0x6007, lat: 0x6004,
  mopdl: 0x6001, moprc: 0x6002, ip6: ETHERTYPE_IPV6,
};

/** gen_proto(): IP protocol / IPv6 next header (allowing a fragment header) / ethertype. */
export function genProto(cs: CompileState, v: number, proto: QProto, dir: QDir): Node {
  if (dir !== 'default') return cs.fail("direction applied to 'proto'");
  switch (proto) {
    case 'default':
      return or(genProto(cs, v, 'ip', dir), genProto(cs, v, 'ip6', dir));
    case 'link':
      return cs.linktype(v);
    case 'ip':
      return and(cs.linktype(ETHERTYPE_IP), cs.cmp('pl', 9, 1, v));
    case 'ip6':
      return and(cs.linktype(ETHERTYPE_IPV6), or(and(cs.cmp('pl', 6, 1, IPPROTO_FRAGMENT), cs.cmp('pl', 40, 1, v)), cs.cmp('pl', 6, 1, v)));
    case 'arp':
    case 'rarp':
    case 'lat':
    case 'sca':
    case 'moprc':
    case 'mopdl':
      return cs.fail(`${proto === 'arp' || proto === 'rarp' ? proto : proto.toUpperCase()} does not encapsulate another protocol`);
    case 'atalk':
      return cs.fail('AppleTalk encapsulation is not specifiable');
    case 'decnet':
      return cs.fail('DECNET encapsulation is not specifiable');
    case 'iso':
    case 'isis':
      return cs.fail('OSI protocols are not emulated by ciliumlab');
    case 'clnp':
      return cs.fail("'clnp proto' is not supported");
    default:
      return cs.fail(`'${proto} proto' is bogus`);
  }
}

/** gen_proto_abbrev(): a bare protocol name. */
export function genProtoAbbrev(cs: CompileState, proto: QProto): Node {
  switch (proto) {
    case 'sctp':
      return genProto(cs, IPPROTO.SCTP, 'default', 'default');
    case 'tcp':
      return genProto(cs, IPPROTO.TCP, 'default', 'default');
    case 'udp':
      return genProto(cs, IPPROTO.UDP, 'default', 'default');
    case 'icmp':
      return genProto(cs, IPPROTO.ICMP, 'ip', 'default');
    case 'igmp':
      return genProto(cs, IPPROTO.IGMP, 'ip', 'default');
    case 'igrp':
      return genProto(cs, IPPROTO.IGRP, 'ip', 'default');
    case 'pim':
      return genProto(cs, IPPROTO.PIM, 'default', 'default');
    case 'vrrp':
    case 'carp':
      return genProto(cs, IPPROTO.VRRP, 'ip', 'default');
    case 'icmp6':
      return genProto(cs, IPPROTO.ICMPV6, 'ip6', 'default');
    case 'ah':
      return genProto(cs, IPPROTO.AH, 'default', 'default');
    case 'esp':
      return genProto(cs, IPPROTO.ESP, 'default', 'default');
    case 'link':
      return cs.fail('link layer applied in wrong context');
    case 'radio':
      return cs.fail("'radio' is not a valid protocol type");
    default: {
      const ethertype = ETHERTYPES[proto];
      if (ethertype !== undefined) return cs.linktype(ethertype);
      return cs.fail(`'${proto}' (OSI, STP, IPX, NetBEUI) filters are not emulated by ciliumlab`);
    }
  }
}

type PortAtom = (cs: CompileState, off: number) => Node;

/** gen_portop/gen_portrangeop over one IP version: protocol check, first fragment, then the port test. */
function portop(cs: CompileState, atom: PortAtom, proto: number, dir: QDir, isV6: boolean, what: string): Node {
  const check = isV6 ? cs.cmp('pl', 6, 1, proto) : and(cs.cmp('pl', 9, 1, proto), cs.ipFirstFragment());
  let ports: Node;
  switch (dir) {
    case 'src':
      ports = atom(cs, 0);
      break;
    case 'dst':
      ports = atom(cs, 2);
      break;
    case 'and':
      ports = and(atom(cs, 0), atom(cs, 2));
      break;
    case 'default':
    case 'or':
      ports = or(atom(cs, 0), atom(cs, 2));
      break;
    default: {
      const n = dir.slice(-1);
      return cs.fail(dir === 'ra' || dir === 'ta' ? `'${dir}' is not a valid qualifier for ${what}` : `'addr${n}' and 'address${n}' are not valid qualifiers for ${what}`);
    }
  }
  return and(check, ports);
}

function portsFor(cs: CompileState, atom: PortAtom, ipProto: number, dir: QDir, isV6: boolean, what: string): Node {
  if (ipProto !== PROTO_UNDEF) return portop(cs, atom, ipProto, dir, isV6, what);
  return or(or(portop(cs, atom, IPPROTO.TCP, dir, isV6, what), portop(cs, atom, IPPROTO.UDP, dir, isV6, what)), portop(cs, atom, IPPROTO.SCTP, dir, isV6, what));
}

/** gen_port(): "port N" over IPv4. */
export function genPort4(cs: CompileState, port: number, ipProto: number, dir: QDir): Node {
  return and(cs.linktype(ETHERTYPE_IP), portsFor(cs, (c, off) => c.cmp('tran', off, 2, port), ipProto, dir, false, 'ports'));
}

/** gen_port6(): "port N" over IPv6 (no extension headers). */
export function genPort6(cs: CompileState, port: number, ipProto: number, dir: QDir): Node {
  return and(cs.linktype(ETHERTYPE_IPV6), portsFor(cs, (c, off) => c.cmp('pl', 40 + off, 2, port), ipProto, dir, true, 'ports'));
}

export function genPort(cs: CompileState, port: number, ipProto: number, dir: QDir): Node {
  return or(genPort4(cs, port, ipProto, dir), genPort6(cs, port, ipProto, dir));
}

/** gen_portrange() | gen_portrange6(); the bounds are swapped when given high-low. */
export function genPortrange(cs: CompileState, p1: number, p2: number, ipProto: number, dir: QDir): Node {
  const lo = Math.min(p1, p2);
  const hi = Math.max(p1, p2);
  const range = (rel: 'tran' | 'pl', base: number): PortAtom => (c, off) => and(c.cmp(rel, base + off, 2, lo, 0xffffffff, 'ge'), not(c.cmp(rel, base + off, 2, hi, 0xffffffff, 'gt')));
  const b4 = and(cs.linktype(ETHERTYPE_IP), portsFor(cs, range('tran', 0), ipProto, dir, false, 'port ranges'));
  const b6 = and(cs.linktype(ETHERTYPE_IPV6), portsFor(cs, range('pl', 40), ipProto, dir, true, 'port ranges'));
  return or(b4, b6);
}
