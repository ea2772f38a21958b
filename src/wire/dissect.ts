// Layer wire: dissect(frame) splits a captured frame into its header stack for tcpdump-style printing and
// the UI's hex view: SLL2 or Ethernet, ARP, IPv4, ICMP, UDP, TCP, DNS (port 53), VXLAN (UDP 4789/8472) and
// Geneve (6081) continuing into the inner Ethernet frame. Checksums are reported, not enforced (tcpdump
// shows bad packets too). Ends with 'payload' (bytes no dissector claims), 'padding' (bytes past an IPv4
// tot_len or an ARP packet: Ethernet padding) or 'malformed' (the error that stopped it). Never throws.

import { parseArp, type ArpHeader } from './arp.js';
import { parseDns, parseDnsTcp, type ParsedDnsMessage } from './dns.js';
import { DNS_PORT } from './dns-types.js';
import { ETH_P_ARP, ETH_P_IP, ETH_P_TEB, parseEthernet, type EthernetHeader } from './ethernet.js';
import { GENEVE_PORT, parseGeneve, type ParsedGeneveHeader } from './geneve.js';
import { internetChecksum } from './checksum.js';
import { parseIcmp, type ParsedIcmpHeader } from './icmp.js';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, ipv4ChecksumOk, parseIpv4, type ParsedIpv4Header } from './ipv4.js';
import type { PseudoHeader } from './pseudo-header.js';
import { parseSll2, type ParsedSll2Header } from './sll2.js';
import { parseTcp, tcpChecksumOk, type ParsedTcpHeader } from './tcp.js';
import { parseUdp, udpChecksumOk, type ParsedUdpHeader } from './udp.js';
import { VXLAN_PORT_IANA, VXLAN_PORT_LINUX, parseVxlan, type ParsedVxlanHeader } from './vxlan.js';
import type { WireError, WireResult } from './wire-result.js';

export type Linktype = 'en10mb' | 'linux-sll2';

interface LayerAt<P extends string, H> {
  readonly proto: P;
  readonly header: H;
  /** Offset of the header in the frame. */
  readonly offset: number;
  /** Header length in bytes (the bytes it carries are the following layers). */
  readonly length: number;
  /** For ipv4, icmp, udp and tcp: whether the checksum verifies (UDP checksum 0 counts as valid). */
  readonly hasValidChecksum?: boolean;
}

export type Layer =
  | LayerAt<'sll2', ParsedSll2Header>
  | LayerAt<'ethernet', EthernetHeader>
  | LayerAt<'arp', ArpHeader>
  | LayerAt<'ipv4', ParsedIpv4Header>
  | LayerAt<'icmp', ParsedIcmpHeader>
  | LayerAt<'udp', ParsedUdpHeader>
  | LayerAt<'tcp', ParsedTcpHeader>
  /** Over TCP the layer includes the 2-byte length prefix. */
  | LayerAt<'dns', ParsedDnsMessage>
  | LayerAt<'vxlan', ParsedVxlanHeader>
  | LayerAt<'geneve', ParsedGeneveHeader>
  | LayerAt<'payload', null>
  | LayerAt<'padding', null>
  /** The rest of the frame from the header that failed to parse; error.offset is relative to the frame. */
  | { readonly proto: 'malformed'; readonly error: WireError; readonly offset: number; readonly length: number };

export type LayerProto = Layer['proto'];

/** Encapsulations deeper than this end in 'payload' (a frame of nested VXLAN cannot recurse forever). */
const MAX_DEPTH = 8;

/**
 * @example dissect(record.data, 'linux-sll2').map((l) => l.proto) // ['sll2', 'ipv4', 'udp', 'vxlan', 'ethernet', 'arp']
 */
export function dissect(frame: Uint8Array, linktype: Linktype = 'en10mb'): Layer[] {
  const out: Layer[] = [];
  if (linktype === 'linux-sll2') {
    const r = parseSll2(frame);
    if (!r.ok) return malformed(out, r.error, 0, frame.length);
    out.push({ proto: 'sll2', header: r.value.header, offset: 0, length: frame.length - r.value.payload.length });
    dissectEthertype(out, frame, frame.length - r.value.payload.length, r.value.header.protocol, frame.length, 0);
  } else {
    dissectEthernet(out, frame, 0, frame.length, 0);
  }
  return out;
}

type Dissector = (out: Layer[], frame: Uint8Array, off: number, end: number, depth: number) => void;

function malformed(out: Layer[], error: WireError, base: number, end: number): Layer[] {
  const offset = Math.min(base + error.offset, end);
  out.push({ proto: 'malformed', error: { ...error, offset }, offset: base, length: end - base });
  return out;
}

function rest(out: Layer[], proto: 'payload' | 'padding', off: number, end: number): void {
  if (end > off) out.push({ proto, header: null, offset: off, length: end - off });
}

/** Runs a parser on frame[off, end) and returns its value, or records a 'malformed' layer. */
function run<T>(out: Layer[], r: WireResult<T>, off: number, end: number): T | undefined {
  if (r.ok) return r.value;
  malformed(out, r.error, off, end);
  return undefined;
}

const dissectEthernet: Dissector = (out, frame, off, end, depth) => {
  const r = run(out, parseEthernet(frame.subarray(off, end)), off, end);
  if (!r) return;
  out.push({ proto: 'ethernet', header: r.header, offset: off, length: end - off - r.payload.length });
  dissectEthertype(out, frame, end - r.payload.length, r.header.ethertype, end, depth);
};

function dissectEthertype(out: Layer[], frame: Uint8Array, off: number, ethertype: number, end: number, depth: number): void {
  if (ethertype === ETH_P_IP) return dissectIpv4(out, frame, off, end, depth);
  if (ethertype === ETH_P_ARP) return dissectArp(out, frame, off, end, depth);
  rest(out, 'payload', off, end);
}

const dissectArp: Dissector = (out, frame, off, end) => {
  const r = run(out, parseArp(frame.subarray(off, end)), off, end);
  if (!r) return;
  const len = end - off - r.payload.length;
  out.push({ proto: 'arp', header: r.header, offset: off, length: len });
  rest(out, 'padding', off + len, end);
};

const dissectIpv4: Dissector = (out, frame, off, end, depth) => {
  const r = run(out, parseIpv4(frame.subarray(off, end), { verifyChecksum: false }), off, end);
  if (!r) return;
  const h = r.header;
  out.push({ proto: 'ipv4', header: h, offset: off, length: h.headerLen, hasValidChecksum: ipv4ChecksumOk(frame, off) });
  const l4 = off + h.headerLen;
  const l4End = off + h.totalLength;
  const isFragment = h.mf || h.fragOffset !== 0;
  if (isFragment) rest(out, 'payload', l4, l4End);
  else dissectL4(out, frame, l4, l4End, h.protocol, { src: h.src, dst: h.dst }, depth);
  rest(out, 'padding', l4End, end);
};

function dissectL4(out: Layer[], frame: Uint8Array, off: number, end: number, protocol: number, ph: PseudoHeader, depth: number): void {
  if (protocol === IPPROTO_ICMP) return dissectIcmp(out, frame, off, end, depth);
  if (protocol === IPPROTO_UDP) return dissectUdp(out, frame, off, end, ph, depth);
  if (protocol === IPPROTO_TCP) return dissectTcp(out, frame, off, end, ph);
  rest(out, 'payload', off, end);
}

const dissectIcmp: Dissector = (out, frame, off, end) => {
  const r = run(out, parseIcmp(frame.subarray(off, end), { verifyChecksum: false }), off, end);
  if (!r) return;
  const hasValidChecksum = internetChecksum(frame, off, end) === 0;
  out.push({ proto: 'icmp', header: r.header, offset: off, length: end - off - r.payload.length, hasValidChecksum });
  rest(out, 'payload', end - r.payload.length, end);
};

function dissectUdp(out: Layer[], frame: Uint8Array, off: number, end: number, ph: PseudoHeader, depth: number): void {
  const r = run(out, parseUdp(frame.subarray(off, end)), off, end);
  if (!r) return;
  const h = r.header;
  const udpEnd = off + h.length;
  out.push({ proto: 'udp', header: h, offset: off, length: 8, hasValidChecksum: udpChecksumOk(frame.subarray(off, udpEnd), ph) });
  const next = udpNext(h, depth);
  if (next) next(out, frame, off + 8, udpEnd, depth + 1);
  else rest(out, 'payload', off + 8, udpEnd);
  rest(out, 'padding', udpEnd, end);
}

function isPort(h: { srcPort: number; dstPort: number }, ...ports: number[]): boolean {
  return ports.includes(h.dstPort) || ports.includes(h.srcPort);
}

/** Like tcpdump's udp_print(): the destination port decides first, then the source port. */
function udpNext(h: ParsedUdpHeader, depth: number): Dissector | undefined {
  if (depth >= MAX_DEPTH) return undefined;
  const tunnel = tunnelDissector(h.dstPort) ?? tunnelDissector(h.srcPort);
  if (tunnel) return tunnel;
  return isPort(h, DNS_PORT) ? dissectDnsUdp : undefined;
}

function tunnelDissector(port: number): Dissector | undefined {
  if (port === VXLAN_PORT_IANA || port === VXLAN_PORT_LINUX) return dissectVxlan;
  if (port === GENEVE_PORT) return dissectGeneve;
  return undefined;
}

const dissectVxlan: Dissector = (out, frame, off, end, depth) => {
  const r = run(out, parseVxlan(frame.subarray(off, end)), off, end);
  if (!r) return;
  out.push({ proto: 'vxlan', header: r.header, offset: off, length: 8 });
  dissectEthernet(out, frame, off + 8, end, depth);
};

const dissectGeneve: Dissector = (out, frame, off, end, depth) => {
  const r = run(out, parseGeneve(frame.subarray(off, end)), off, end);
  if (!r) return;
  const len = end - off - r.payload.length;
  out.push({ proto: 'geneve', header: r.header, offset: off, length: len });
  if (r.header.protocolType === ETH_P_TEB) dissectEthernet(out, frame, off + len, end, depth);
  else dissectEthertype(out, frame, off + len, r.header.protocolType, end, depth);
};

const dissectDnsUdp: Dissector = (out, frame, off, end) => {
  const r = run(out, parseDns(frame.subarray(off, end)), off, end);
  if (r) out.push({ proto: 'dns', header: r, offset: off, length: end - off });
};

function dissectTcp(out: Layer[], frame: Uint8Array, off: number, end: number, ph: PseudoHeader): void {
  const r = run(out, parseTcp(frame.subarray(off, end)), off, end);
  if (!r) return;
  const h = r.header;
  const hasValidChecksum = tcpChecksumOk(frame.subarray(off, end), ph);
  out.push({ proto: 'tcp', header: h, offset: off, length: h.headerLen, hasValidChecksum });
  const data = off + h.headerLen;
  if (isPort(h, DNS_PORT) && end > data) return dissectDnsTcp(out, frame, data, end);
  rest(out, 'payload', data, end);
}

/** One length-prefixed DNS message per segment is the common case (dig, CoreDNS); otherwise payload. */
function dissectDnsTcp(out: Layer[], frame: Uint8Array, off: number, end: number): void {
  const r = parseDnsTcp(frame.subarray(off, end));
  if (!r.ok) return rest(out, 'payload', off, end);
  out.push({ proto: 'dns', header: r.value.message, offset: off, length: r.value.next });
  rest(out, 'payload', off + r.value.next, end);
}
