// Layer cilium: BPF masquerading (bpf/lib/nat.h snat_v4_*): connections from local pods to addresses outside
// ipv4-native-routing-cidr (and outside the cluster's nodes) leave with the egress device's address; the
// port (or ICMP echo id) is kept when free, else one is chosen at random. Replies are reverse-translated
// before they reach the pod. The table is the agent's cilium_snat_v4_external map.

import type { Ipv4Addr } from '../../addr/index.js';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, ipv4Dst, ipv4HeaderLen, ipv4Protocol, ipv4Src, readU16, setIcmpEchoId, setIpv4Dst, setIpv4Src, setL4Port } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { Rng } from '../../sim/index.js';

interface NatEntry {
  readonly podIp: Ipv4Addr;
  readonly podPort: number;
  readonly natIp: Ipv4Addr;
  readonly natPort: number;
}

export class SnatTable {
  private readonly egress = new Map<string, NatEntry>();
  private readonly ingress = new Map<string, NatEntry>();

  constructor(private readonly rng: Rng) {}

  get size(): number {
    return this.egress.size;
  }

  /** Rewrites an outgoing packet's source; false when it is not a protocol NAT handles. */
  snat(frame: Uint8Array, natIp: Ipv4Addr): boolean {
    const t = tupleOf(frame);
    if (!t) return false;
    const key = `${t.proto}|${t.src}|${t.sport}|${t.dst}|${t.dport}`;
    let e = this.egress.get(key);
    if (!e) {
      const natPort = this.pickPort(t.proto, natIp, t.dst, t.dport, t.sport);
      e = { podIp: t.src, podPort: t.sport, natIp, natPort };
      this.egress.set(key, e);
      this.ingress.set(`${t.proto}|${natIp}|${natPort}|${t.dst}|${t.dport}`, e);
    }
    setIpv4Src(frame, L3_OFF, e.natIp);
    rewritePort(frame, t.proto, 'src', e.natPort);
    return true;
  }

  /** Reverse translation of a reply addressed to a masqueraded connection; false when none matches. */
  revSnat(frame: Uint8Array): boolean {
    const t = tupleOf(frame);
    if (!t) return false;
    const e = this.ingress.get(`${t.proto}|${t.dst}|${t.dport}|${t.src}|${t.sport}`);
    if (!e) return false;
    setIpv4Dst(frame, L3_OFF, e.podIp);
    rewritePort(frame, t.proto, 'dst', e.podPort);
    return true;
  }

  private pickPort(proto: number, natIp: Ipv4Addr, dst: Ipv4Addr, dport: number, want: number): number {
    const free = (p: number) => !this.ingress.has(`${proto}|${natIp}|${p}|${dst}|${dport}`);
    if (free(want)) return want;
    for (;;) {
      const p = this.rng.int(32768, 65535);
      if (free(p)) return p;
    }
  }
}

interface Tuple {
  readonly proto: number;
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  readonly sport: number;
  readonly dport: number;
}

/** The NAT tuple; for ICMP echo the id stands in for both ports. */
function tupleOf(frame: Uint8Array): Tuple | undefined {
  const proto = ipv4Protocol(frame, L3_OFF);
  const l4 = L3_OFF + ipv4HeaderLen(frame, L3_OFF);
  const src = ipv4Src(frame, L3_OFF);
  const dst = ipv4Dst(frame, L3_OFF);
  if ((proto === IPPROTO_TCP || proto === IPPROTO_UDP) && frame.length >= l4 + 4) {
    return { proto, src, dst, sport: readU16(frame, l4), dport: readU16(frame, l4 + 2) };
  }
  if (proto === IPPROTO_ICMP && frame.length >= l4 + 8 && (frame[l4] === 8 || frame[l4] === 0)) {
    const id = readU16(frame, l4 + 4);
    return { proto, src, dst, sport: id, dport: id };
  }
  return undefined;
}

function rewritePort(frame: Uint8Array, proto: number, which: 'src' | 'dst', port: number): void {
  if (proto === IPPROTO_ICMP) setIcmpEchoId(frame, L3_OFF, port);
  else setL4Port(frame, L3_OFF, which, port);
}
