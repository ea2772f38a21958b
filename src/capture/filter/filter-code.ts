// Layer capture (filter): gen_scode() and gen_ncode(), the semantic actions for a value under its
// qualifiers: a name (host, network, service, protocol) or a number (an address part, a port, a protocol
// number). Names are looked up on the host running tcpdump; a value inheriting no qualifiers (qerr) is
// gencode's own "syntax error in filter expression".

import { FilterError } from './filter-error.js';
import { atoin, genHost, genNcodeAddr } from './filter-host.js';
import type { Node } from './filter-ir.js';
import type { CompileState } from './filter-link.js';
import { ETHER_PROTO_NAMES, LLC_NAMES } from './filter-names.js';
import { genPort, genPortrange, genProto, IPPROTO, PROTO_UNDEF } from './filter-proto.js';
import type { QProto, Qual } from './filter-qual.js';

const GENCODE_SYNTAX = 'syntax error in filter expression';
const PORT_PROTOS: Partial<Record<QProto, number>> = { default: PROTO_UNDEF, udp: IPPROTO.UDP, tcp: IPPROTO.TCP, sctp: IPPROTO.SCTP };
const PROTO_NAMES: Readonly<Record<number, string>> = { [IPPROTO.TCP]: 'tcp', [IPPROTO.UDP]: 'udp', [IPPROTO.SCTP]: 'sctp' };

/** pcap_nametoport(): TCP first; the same port for UDP makes it either protocol. */
function nameToPort(cs: CompileState, name: string): { port: number; proto: number } | undefined {
  const tcp = cs.opts.names.servicePort(name, 'tcp');
  const udp = cs.opts.names.servicePort(name, 'udp');
  if (tcp !== undefined) return { port: tcp, proto: udp === tcp ? PROTO_UNDEF : IPPROTO.TCP };
  if (udp !== undefined) return { port: udp, proto: IPPROTO.UDP };
  return undefined;
}

/** The protocol a `tcp`/`udp`/`sctp` qualifier allows for a named port ("port 'http' is tcp" otherwise). */
function checkPortProto(cs: CompileState, q: QProto, realProto: number, what: string): number {
  const want = PORT_PROTOS[q];
  if (q === 'default' || want === undefined) return realProto;
  if (realProto !== PROTO_UNDEF && realProto !== want) return cs.fail(`${what} is ${PROTO_NAMES[realProto] ?? ''}`);
  return want;
}

function portQualifier(cs: CompileState, q: Qual, kind: 'port' | 'portrange'): void {
  if (PORT_PROTOS[q.proto] === undefined) cs.fail(`illegal qualifier of '${kind}'`);
}

function checkRange(cs: CompileState, port: number): void {
  if (port < 0) cs.fail(`illegal port number ${port} < 0`);
  if (port > 65535) cs.fail(`illegal port number ${port} > 65535`);
}

/** lookup_proto(): a protocol name for `proto`/`protochain`. */
function lookupProto(cs: CompileState, name: string, proto: QProto): number {
  if (proto === 'default' || proto === 'ip' || proto === 'ip6') {
    const v = cs.opts.names.protocolNumber(name);
    return v ?? cs.fail(`unknown ip proto '${name}'`);
  }
  if (proto === 'link') return ETHER_PROTO_NAMES[name] ?? LLC_NAMES[name] ?? cs.fail(`unknown ether proto '${name}'`);
  if (proto === 'iso') return cs.fail(`unknown osi proto '${name}'`);
  return PROTO_UNDEF;
}

function hostByName(cs: CompileState, name: string, q: Qual): Node {
  if (q.proto === 'link') {
    if (cs.dlt !== 'en10mb') return cs.fail('only ethernet/FDDI/token ring/802.11/ATM LANE/Fibre Channel supports link-level host name');
    return cs.fail(`unknown ether host '${name}'`);
  }
  if (q.proto === 'decnet') return cs.fail(`decnet name support not included, '${name}' cannot be translated\n`);
  const addrs = cs.opts.names.hostAddrs(name);
  if (addrs.length === 0) return cs.fail(`unknown host '${name}'`);
  if (q.proto === 'ip6') return cs.fail(`unknown host '${name}' for specified address family`);
  return addrs.map((a) => genHost(cs, a, 0xffffffff, q.proto, q.dir, q.addr === 'net')).reduce((b, t) => ({ t: 'or', a: b, b: t }));
}

/** gen_scode(): a name under its qualifiers. */
export function genScode(cs: CompileState, name: string, q: Qual): Node {
  switch (q.addr) {
    case 'net': {
      let addr = cs.opts.names.networkAddr(name) ?? 0;
      if (addr === 0) return cs.fail(`unknown network '${name}'`);
      let mask = 0xffffffff;
      while (addr && (addr & 0xff000000) === 0) {
        addr = (addr << 8) >>> 0;
        mask = (mask << 8) >>> 0;
      }
      return genHost(cs, addr, mask, q.proto, q.dir, true);
    }
    case 'default':
    case 'host':
      return hostByName(cs, name, q);
    case 'port': {
      portQualifier(cs, q, 'port');
      const p = nameToPort(cs, name) ?? cs.fail(`unknown port '${name}'`);
      const proto = checkPortProto(cs, q.proto, p.proto, `port '${name}'`);
      checkRange(cs, p.port);
      return genPort(cs, p.port, proto, q.dir);
    }
    case 'portrange': {
      portQualifier(cs, q, 'portrange');
      const r = nameToPortrange(cs, name) ?? cs.fail(`unknown port in range '${name}'`);
      const proto = checkPortProto(cs, q.proto, r.proto, `port in range '${name}'`);
      checkRange(cs, r.p1);
      checkRange(cs, r.p2);
      return genPortrange(cs, r.p1, r.p2, proto, q.dir);
    }
    case 'gateway':
      return cs.fail("'gateway' not supported in this configuration");
    case 'proto':
      return genProto(cs, lookupProto(cs, name, q.proto), q.proto, q.dir);
    case 'protochain':
      return cs.fail('protochain is not emulated by ciliumlab');
    case 'undef':
      throw new FilterError(GENCODE_SYNTAX);
  }
}

/** pcap_nametoportrange(): "a-b" numerically, else two service names. */
function nameToPortrange(cs: CompileState, name: string): { p1: number; p2: number; proto: number } | undefined {
  const m = /^([+-]?\d+)-\s*([+-]?\d+)/.exec(name);
  if (m) return { p1: Number(m[1]), p2: Number(m[2]), proto: PROTO_UNDEF };
  const dash = name.indexOf('-');
  if (dash < 0) return undefined;
  const a = nameToPort(cs, name.slice(0, dash));
  const b = a && nameToPort(cs, name.slice(dash + 1));
  if (!a || !b) return undefined;
  return { p1: a.port, p2: b.port, proto: a.proto === b.proto ? b.proto : PROTO_UNDEF };
}

/** gen_ncode(): a number or dotted address under its qualifiers. */
export function genNcode(cs: CompileState, s: string | undefined, v: number, q: Qual): Node {
  if (s !== undefined && q.proto !== 'decnet') v = atoin(s)?.v ?? cs.fail(`invalid IPv4 address '${s}'`);
  switch (q.addr) {
    case 'default':
    case 'host':
    case 'net':
      return genNcodeAddr(cs, s, v, q);
    case 'port':
    case 'portrange': {
      const proto = PORT_PROTOS[q.proto] ?? cs.fail(`illegal qualifier of '${q.addr}'`);
      if (v > 65535) return cs.fail(`illegal port number ${v} > 65535`);
      return q.addr === 'port' ? genPort(cs, v, proto, q.dir) : genPortrange(cs, v, v, proto, q.dir);
    }
    case 'gateway':
      return cs.fail("'gateway' requires a name");
    case 'proto':
      return genProto(cs, v, q.proto, q.dir);
    case 'protochain':
      return cs.fail('protochain is not emulated by ciliumlab');
    case 'undef':
      throw new FilterError(GENCODE_SYNTAX);
  }
}
