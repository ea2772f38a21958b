// Layer cilium: source NAT of bpf/lib/nat.h for IPv4. snat_v4_nat gives an outgoing connection a mapping
// on its first packet and rewrites the source to it; snat_v4_rev_nat restores a reply's destination. A
// connection of the host itself "needs CT": its mapping mostly just reserves the port against masqueraded
// pods, and the NAT code tracks it in the CT map itself (CT_EGRESS, no related entry), as no bpf_lxc did.
// ICMP echo ids are the ports (a fragmented echo request is dropped); ICMP errors about NATed packets
// (the embedded headers) and fragmented replies are not translated.

import { ICMP_ECHO, ICMP_ECHOREPLY, IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, IP_MF, IP_OFFSET, ipv4Dst, ipv4FragWord, ipv4HeaderLen, ipv4Protocol, ipv4Src, readU16, setIcmpEchoId, setIpv4Dst, setIpv4Src, setL4Port } from '../../wire/index.js';
import type { Ipv4Addr } from '../../addr/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { CiliumAgent } from '../agent.js';
import type { ConntrackConfig } from '../agent-config.js';
import { TUPLE_F_IN, TUPLE_F_OUT, ctAddr, ctTupleCopy, ctTupleSwapPorts, type CtPacket, type CtTuple } from './conntrack/ct-tuple.js';
import type { NatTarget } from './nat/nat-map.js';

/** NODEPORT_PORT_MIN_NAT (node-port-range's end + 1) .. NODEPORT_PORT_MAX_NAT. */
export const NAT_PORT_MIN = 32768;
export const NAT_PORT_MAX = 65535;

export type SnatResult = 'punt' | 'xlated' | 'No mapping for NAT masquerade' | 'Invalid packet';

/** snat_v4_nat; `isFromLocalEndpoint` lets a pod's low source port be translated (snat_v4_nat_can_skip). */
export function snatV4Nat(agent: CiliumAgent, frame: Uint8Array, target: NatTarget, c: ConntrackConfig, opts: { isFromLocalEndpoint: boolean }): SnatResult {
  const t = natTuple(frame, TUPLE_F_OUT);
  if (!t) return 'punt';
  let tgt = target;
  if (t.nexthdr === IPPROTO_ICMP) {
    // "Fragmented ECHO packets are not supported currently."
    if (isFragment(frame)) return 'Invalid packet';
    if (frame[l4Of(frame)] !== ICMP_ECHO) return 'punt';
    t.sport = readU16(frame, l4Of(frame) + 4);
    tgt = { ...target, minPort: 0, maxPort: 0xffff };
  } else if (!opts.isFromLocalEndpoint && t.sport < NAT_PORT_MIN) return 'punt';
  if (tgt.needsCt) trackHostConnection(agent, frame, t, c);
  const state = mapping(agent, t, tgt, c);
  if (!state) return 'No mapping for NAT masquerade';
  if (state.addr !== t.saddr) setIpv4Src(frame, L3_OFF, (state.addr >>> 0) as Ipv4Addr);
  rewritePort(frame, t.nexthdr, 'src', state.port);
  return 'xlated';
}

/** snat_v4_rev_nat: a reply to a mapping gets the original address and port back. */
export function snatV4RevNat(agent: CiliumAgent, frame: Uint8Array, c: ConntrackConfig): SnatResult {
  const t = natTuple(frame, TUPLE_F_IN);
  if (!t) return 'punt';
  if (t.nexthdr === IPPROTO_ICMP) {
    if (isFragment(frame) || frame[l4Of(frame)] !== ICMP_ECHOREPLY) return 'punt';
    t.dport = readU16(frame, l4Of(frame) + 4);
  } else if (t.dport < NAT_PORT_MIN) return 'punt';
  const state = agent.nat.map.lookup(t);
  if (!state) return 'punt';
  if (state.needsCt) {
    const rt = ctTupleCopy(t);
    rt.daddr = state.addr;
    rt.dport = state.port;
    ctTupleSwapPorts(rt);
    agent.ct.lazyLookup4(ctPacketOf(rt, frame), 'ingress', 'reverse', c);
  }
  if (state.addr !== t.daddr) setIpv4Dst(frame, L3_OFF, (state.addr >>> 0) as Ipv4Addr);
  rewritePort(frame, t.nexthdr, 'dst', state.port);
  return 'xlated';
}

/** snat_v4_nat_handle_mapping's CT part: a host connection's CT_EGRESS entry (SCOPE_FORWARD). */
function trackHostConnection(agent: CiliumAgent, frame: Uint8Array, t: CtTuple, c: ConntrackConfig): void {
  const p = ctPacketOf({ ...t, saddr: t.daddr, daddr: t.saddr }, frame);
  if (agent.ct.lazyLookup4(p, 'egress', 'forward', c) === 'new') agent.ct.create4(p, 'egress', undefined, c, { withRelated: false });
}

/** The existing mapping if it still translates to the target, else a new one (a stale one is dropped first). */
function mapping(agent: CiliumAgent, t: CtTuple, target: NatTarget, c: ConntrackConfig): { addr: number; port: number } | undefined {
  const nat = agent.nat;
  const state = nat.map.lookup(t);
  if (state && state.addr === ctAddr(target.addr) && state.needsCt === target.needsCt) return state;
  if (state) {
    nat.map.delete(t);
    nat.map.delete({ daddr: state.addr, saddr: t.daddr, dport: state.port, sport: t.dport, nexthdr: t.nexthdr, flags: TUPLE_F_IN });
  }
  return nat.newMapping(t, target, agent.ct.now(c));
}

/** snat_v4_init_tuple plus the ports in packet order; undefined for what NAT passes by (other protocols, later fragments). */
function natTuple(frame: Uint8Array, flags: number): CtTuple | undefined {
  const nexthdr = ipv4Protocol(frame, L3_OFF);
  const t: CtTuple = { daddr: ctAddr(ipv4Dst(frame, L3_OFF)), saddr: ctAddr(ipv4Src(frame, L3_OFF)), dport: 0, sport: 0, nexthdr, flags };
  const l4 = l4Of(frame);
  if (nexthdr === IPPROTO_TCP || nexthdr === IPPROTO_UDP) {
    if ((ipv4FragWord(frame, L3_OFF) & IP_OFFSET) !== 0 || frame.length < l4 + 4) return undefined;
    t.sport = readU16(frame, l4);
    t.dport = readU16(frame, l4 + 2);
    return t;
  }
  return nexthdr === IPPROTO_ICMP && frame.length >= l4 + 8 ? t : undefined;
}

/** A NAT-made CT key as the CT code takes a packet's. */
function ctPacketOf(t: CtTuple, frame: Uint8Array): CtPacket {
  const tcpFlags = t.nexthdr === IPPROTO_TCP ? (frame[l4Of(frame) + 13] ?? 0) : 0;
  return { ...t, tcpFlags, len: frame.length };
}

function isFragment(frame: Uint8Array): boolean {
  return (ipv4FragWord(frame, L3_OFF) & (IP_MF | IP_OFFSET)) !== 0;
}

function l4Of(frame: Uint8Array): number {
  return L3_OFF + ipv4HeaderLen(frame, L3_OFF);
}

/** snat_v4_rewrite_headers' port part: the L4 port, or the echo id, when it changes. */
function rewritePort(frame: Uint8Array, proto: number, which: 'src' | 'dst', port: number): void {
  const l4 = l4Of(frame);
  if (proto === IPPROTO_ICMP) {
    if (readU16(frame, l4 + 4) !== port) setIcmpEchoId(frame, L3_OFF, port);
  } else if (readU16(frame, l4 + (which === 'src' ? 0 : 2)) !== port) setL4Port(frame, L3_OFF, which, port);
}
