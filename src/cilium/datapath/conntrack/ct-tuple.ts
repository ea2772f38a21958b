// Layer cilium (conntrack): struct ipv4_ct_tuple (bpf/lib/common.h), the key of the CT and NAT maps, and
// how conntrack.h fills it from a packet (ct_extract_ports4). Cilium's convention: the address fields are
// named for the reply direction, the ports for the original one. A tuple read from a packet (daddr = its
// daddr, dport = its sport) is therefore the key of the opposite direction's entry as it stands, and
// __ipv4_ct_tuple_reverse makes it the forward key. ICMP echo ids stand in for ports; errors are "related".
// Addresses are kept as their 32-bit pattern in a signed int (`addr | 0`), a small integer to the engine.

import { ICMP_DEST_UNREACH, ICMP_ECHO, ICMP_ECHOREPLY, ICMP_TIME_EXCEEDED, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, IP_MF, IP_OFFSET, ipv4FragWord, ipv4HeaderLen, ipv4Protocol, readU16 } from '../../../wire/index.js';

export const TUPLE_F_OUT = 0;
export const TUPLE_F_IN = 1;
export const TUPLE_F_RELATED = 2;
export const TUPLE_F_SERVICE = 4;

const ICMP_PARAMETERPROB = 12;

/** A map key, mutable like the stack copy the BPF lookups rewrite in place. Addresses as signed 32-bit patterns. */
export interface CtTuple {
  daddr: number;
  saddr: number;
  dport: number;
  sport: number;
  nexthdr: number;
  flags: number;
}

/** Why ct_extract_ports4 refused a packet (the drop the program then reports). */
export type CtExtractError = 'Invalid packet' | 'CT: Unknown L4 protocol' | 'CT: Truncated or invalid header';

/** A packet's tuple with what the CT code reads besides: its TCP flags byte (0 if not TCP) and ctx_full_len. */
export interface CtPacket extends CtTuple {
  tcpFlags: number;
  len: number;
}

/** The BPF stack copy: one tuple reused by every program run (a run never holds it past its CT calls). */
const scratch: CtPacket = { daddr: 0, saddr: 0, dport: 0, sport: 0, nexthdr: 0, flags: 0, tcpFlags: 0, len: 0 };

/** The CT maps' form of an address (Ipv4Addr is the unsigned value of the same bits). */
export function ctAddr(a: number): number {
  return a | 0;
}

/**
 * The packet's tuple as the programs build it (daddr/saddr copied, then ct_extract_ports4), flags 0, in the
 * shared scratch tuple. `undefined` for a non-first fragment of TCP/UDP: fragment tracking
 * (ipv4_handle_fragmentation) is not modelled.
 */
export function ctPacket4(frame: Uint8Array, l3Off: number): CtPacket | CtExtractError | undefined {
  const nexthdr = ipv4Protocol(frame, l3Off);
  const l4Off = l3Off + ipv4HeaderLen(frame, l3Off);
  const frag = ipv4FragWord(frame, l3Off);
  const p = scratch;
  p.daddr = be32(frame, l3Off + 16);
  p.saddr = be32(frame, l3Off + 12);
  p.dport = 0;
  p.sport = 0;
  p.nexthdr = nexthdr;
  p.flags = TUPLE_F_OUT;
  p.tcpFlags = nexthdr === IPPROTO_TCP && frame.length > l4Off + 13 ? (frame[l4Off + 13] ?? 0) : 0;
  p.len = frame.length;
  if (nexthdr === IPPROTO_TCP || nexthdr === IPPROTO_UDP) {
    if ((frag & IP_OFFSET) !== 0) return undefined;
    if (frame.length < l4Off + 4) return 'CT: Truncated or invalid header';
    // ipv4_load_l4_ports reads sport+dport into &tuple->dport: the packet's sport lands in dport.
    p.dport = readU16(frame, l4Off);
    p.sport = readU16(frame, l4Off + 2);
    return p;
  }
  if (nexthdr !== IPPROTO_ICMP) return 'CT: Unknown L4 protocol';
  // "Fragmented ECHO packets are not supported currently": every ICMP fragment is dropped.
  if ((frag & (IP_MF | IP_OFFSET)) !== 0) return 'Invalid packet';
  if (frame.length < l4Off + 8) return 'CT: Truncated or invalid header';
  const type = frame[l4Off] ?? 0;
  const id = readU16(frame, l4Off + 4);
  if (type === ICMP_DEST_UNREACH || type === ICMP_TIME_EXCEEDED || type === ICMP_PARAMETERPROB) p.flags = TUPLE_F_RELATED;
  else if (type === ICMP_ECHOREPLY) p.sport = id;
  else if (type === ICMP_ECHO) p.dport = id;
  return p;
}

function be32(b: Uint8Array, off: number): number {
  return ((b[off] ?? 0) << 24) | ((b[off + 1] ?? 0) << 16) | ((b[off + 2] ?? 0) << 8) | (b[off + 3] ?? 0);
}

/** __ipv4_ct_tuple_reverse: swap the addresses and the ports (the direction flag stays). */
export function ctTupleReverse(t: CtTuple): void {
  const a = t.saddr;
  t.saddr = t.daddr;
  t.daddr = a;
  ctTupleSwapPorts(t);
}

/** ipv4_ct_tuple_swap_ports. */
export function ctTupleSwapPorts(t: CtTuple): void {
  const p = t.sport;
  t.sport = t.dport;
  t.dport = p;
}

/** ct_flip_tuple_dir4. */
export function ctTupleFlipDir(t: CtTuple): void {
  t.flags ^= TUPLE_F_IN;
}

export function ctTupleCopy(t: Readonly<CtTuple>): CtTuple {
  return { daddr: t.daddr, saddr: t.saddr, dport: t.dport, sport: t.sport, nexthdr: t.nexthdr, flags: t.flags };
}

export function ctTupleEquals(a: Readonly<CtTuple>, b: Readonly<CtTuple>): boolean {
  return a.daddr === b.daddr && a.saddr === b.saddr && a.dport === b.dport && a.sport === b.sport && a.nexthdr === b.nexthdr && a.flags === b.flags;
}

/** The bucket of a key: 30 bits mixed from its 14 bytes (a small integer, the cheapest Map key). */
export function ctTupleHash(t: Readonly<CtTuple>): number {
  let h = Math.imul(t.daddr ^ Math.imul(t.saddr, 0x9e3779b1), 0x85ebca6b);
  h ^= (t.dport << 16) | t.sport;
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) ^ ((t.nexthdr << 3) | t.flags);
  return (h ^ (h >>> 13)) & 0x3fffffff;
}
