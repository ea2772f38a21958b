// Layer cilium (nat): cilium_snat_v4_external (bpf/lib/nat.h, pkg/maps/nat). Keys are packet-ordered tuples:
// an SNAT entry (flags OUT, the original tuple) gives the address and port the connection leaves with, its
// RevSNAT entry (flags IN, the reply tuple) the address and port to restore. A new mapping keeps the source
// port when it is in range and free, else tries random then consecutive ports (snat_v4_new_mapping). The
// agent's CT GC deletes a mapping with the CT entry it belongs to (nat.DeleteMapping4).

import type { Ipv4Addr } from '../../../addr/index.js';
import type { Rng } from '../../../sim/index.js';
import { TUPLE_F_IN, TUPLE_F_OUT, ctAddr, type CtTuple } from '../conntrack/ct-tuple.js';
import { TupleMap } from '../conntrack/tuple-map.js';

export interface NatEntry {
  /** to_saddr/to_sport of an SNAT entry, to_daddr/to_dport of a RevSNAT one (the same bytes); the address as a CT key holds it. */
  readonly addr: number;
  readonly port: number;
  /** bpf_mono_now() when the mapping was made. */
  readonly created: number;
  readonly needsCt: boolean;
}

/** struct ipv4_nat_target: where to translate to, the port range, whether the connection needs its own CT entry. */
export interface NatTarget {
  readonly addr: Ipv4Addr;
  readonly minPort: number;
  readonly maxPort: number;
  readonly needsCt: boolean;
}

/** SNAT_COLLISION_RETRIES (pkg/maps/nat SnatCollisionRetries). */
const COLLISION_RETRIES = 32;

export class NatMap {
  readonly map = new TupleMap<NatEntry>('cilium_snat_v4_external');

  /** `rng` stands in for get_prandom_u32(). */
  constructor(private readonly rng: Rng) {}

  /** snat_v4_new_mapping: a RevSNAT entry on a free port, then the SNAT entry; undefined when every try collided. */
  newMapping(otuple: Readonly<CtTuple>, target: NatTarget, now: number): NatEntry | undefined {
    const addr = ctAddr(target.addr);
    const rtuple: CtTuple = { daddr: addr, saddr: otuple.daddr, dport: 0, sport: otuple.dport, nexthdr: otuple.nexthdr, flags: TUPLE_F_IN };
    const rstate: NatEntry = { addr: otuple.saddr, port: otuple.sport, created: now, needsCt: target.needsCt };
    let port = otuple.sport >= target.minPort && otuple.sport <= target.maxPort ? otuple.sport : clampPort(target, this.prandom16());
    for (let retries = 0; retries < COLLISION_RETRIES; retries++) {
      rtuple.dport = port;
      if (this.map.update(rtuple, rstate, 'noexist')) {
        const ostate: NatEntry = { addr, port, created: now, needsCt: target.needsCt };
        if (this.map.update(otuple, ostate, 'noexist')) return ostate;
        this.map.delete(rtuple);
        return undefined;
      }
      port = clampPort(target, retries > 0 ? (port + 1) & 0xffff : this.prandom16());
    }
    return undefined;
  }

  /** nat.DeleteMapping4: the SNAT entry of a CT_EGRESS entry's connection and its RevSNAT entry. */
  deleteMapping(ctKey: Readonly<CtTuple>): void {
    const key: CtTuple = { daddr: ctKey.saddr, saddr: ctKey.daddr, dport: ctKey.dport, sport: ctKey.sport, nexthdr: ctKey.nexthdr, flags: TUPLE_F_OUT };
    const e = this.map.lookup(key);
    if (!e) return;
    this.map.delete(key);
    this.map.delete({ daddr: e.addr, saddr: key.daddr, dport: e.port, sport: key.dport, nexthdr: key.nexthdr, flags: TUPLE_F_IN });
  }

  private prandom16(): number {
    return this.rng.u32() & 0xffff;
  }
}

/** __snat_clamp_port_range: a 16-bit value scaled into [minPort, maxPort]. */
function clampPort(t: NatTarget, val: number): number {
  return t.minPort + (((val & 0xffff) * (t.maxPort - t.minPort + 1)) >>> 16);
}
