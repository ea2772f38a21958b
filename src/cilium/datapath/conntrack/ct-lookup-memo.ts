// Layer cilium (conntrack): a memo of the last CT lookup — the map and its version, direction, scope, the
// key as looked up, and which tuple matched (the packet's own, its reverse, or neither) — so the next packet
// of a busy flow skips the hashing while nothing in the map changed. The BPF map has no such thing; the
// answer is the one the lookups would give.

import type { CtEntry } from './ct-entry.js';
import type { CtTuple } from './ct-tuple.js';
import type { TupleMap } from './tuple-map.js';

export type MemoHit = 'first' | 'second' | 'none';

export class LookupMemo {
  private map: TupleMap<CtEntry> | undefined;
  private version = -1;
  private dir = '';
  private scope = '';
  private readonly key: CtTuple = { daddr: 0, saddr: 0, dport: 0, sport: 0, nexthdr: 0, flags: 0 };
  hit: MemoHit = 'none';
  entry: CtEntry | undefined;

  found(hit: MemoHit, entry: CtEntry): void {
    this.hit = hit;
    this.entry = entry;
  }

  /** Whether this memo answers a lookup of `t` in `map` now. */
  answers(map: TupleMap<CtEntry>, dir: string, scope: string, t: Readonly<CtTuple>): boolean {
    const k = this.key;
    return (
      map === this.map && map.version === this.version && dir === this.dir && scope === this.scope &&
      t.daddr === k.daddr && t.saddr === k.saddr && t.dport === k.dport && t.sport === k.sport && t.nexthdr === k.nexthdr && t.flags === k.flags
    );
  }

  record(map: TupleMap<CtEntry>, dir: string, scope: string, t: Readonly<CtTuple>, hit: MemoHit, entry: CtEntry | undefined): void {
    this.map = map;
    this.version = map.version;
    this.dir = dir;
    this.scope = scope;
    const k = this.key;
    k.daddr = t.daddr;
    k.saddr = t.saddr;
    k.dport = t.dport;
    k.sport = t.sport;
    k.nexthdr = t.nexthdr;
    k.flags = t.flags;
    this.hit = hit;
    this.entry = entry;
  }
}
