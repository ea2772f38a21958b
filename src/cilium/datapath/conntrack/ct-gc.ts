// Layer cilium (conntrack): the agent's CT garbage collector (pkg/maps/ctmap/gc). A scan when the agent
// starts, then one per interval: entries whose lifetime is before now go, an egress entry with its NAT
// mapping (NatMapNext4). The interval starts at 5 min and grows 1.5x (at most 12 h) after a scan that
// deleted anything (GetInterval: the lab never deletes 5% of a map, which would keep or shorten it), unless
// conntrack-gc-interval fixes it. Scans happen lazily: whoever reads the maps first catches the GC up.

import type { ConntrackConfig } from '../../agent-config.js';
import type { NatMap } from '../nat/nat-map.js';
import type { Conntrack, CtGcHook } from './conntrack.js';
import { TUPLE_F_OUT } from './ct-tuple.js';

const STARTING_INTERVAL_US = 5 * 60 * 1_000_000;
const MAX_LRU_INTERVAL_US = 12 * 3600 * 1_000_000;

export class CtGc implements CtGcHook {
  /** The next scan; infinitely far while no agent runs. */
  dueUs = Number.POSITIVE_INFINITY;
  /** cachedGCInterval: 0 until a scan deleted something. */
  private cachedUs = 0;
  private config: ConntrackConfig | undefined;

  constructor(
    private readonly ct: Conntrack,
    private readonly nat: NatMap,
    /** bpf_mono_now() at a virtual time, in the given clock's units. */
    private readonly monoAt: (c: ConntrackConfig, atUs: number) => number,
  ) {}

  /** A new agent process: its initial scan now, its own interval from scratch. */
  start(atUs: number, c: ConntrackConfig): void {
    this.catchUp(atUs);
    this.config = c;
    this.cachedUs = 0;
    this.dueUs = atUs;
  }

  /** The agent process ends: no more scans until the next one starts. */
  stop(atUs: number): void {
    this.catchUp(atUs);
    this.dueUs = Number.POSITIVE_INFINITY;
  }

  /** Runs every scan due by `nowUs`. */
  catchUp(nowUs: number): void {
    const c = this.config;
    if (!c) return;
    while (this.dueUs <= nowUs) {
      if (this.ct.tcp.size + this.ct.any.size === 0) {
        // Empty maps delete nothing, so the interval holds: skip straight past the scans due.
        const interval = this.interval(0, c);
        this.dueUs += (Math.floor((nowUs - this.dueUs) / interval) + 1) * interval;
        return;
      }
      const deleted = this.scan(this.monoAt(c, this.dueUs));
      this.dueUs += this.interval(deleted, c);
    }
  }

  /** doGC4 with RemoveExpired: the number of entries deleted. */
  private scan(now: number): number {
    let deleted = 0;
    for (const map of [this.ct.tcp, this.ct.any]) {
      for (const [key, e] of map.entries()) {
        if (e.lifetime >= now) continue;
        map.delete(key);
        deleted++;
        if (key.flags === TUPLE_F_OUT) this.nat.deleteMapping(key);
      }
    }
    return deleted;
  }

  /** GetInterval / calculateInterval. */
  private interval(deleted: number, c: ConntrackConfig): number {
    if (c.gcIntervalUs > 0) return c.gcIntervalUs;
    let next = this.cachedUs || STARTING_INTERVAL_US;
    if (deleted > 0) {
      next = Math.min(Math.round((next * 1.5) / 1_000_000) * 1_000_000, MAX_LRU_INTERVAL_US);
      this.cachedUs = next;
    }
    return c.gcMaxIntervalUs > 0 ? Math.min(next, c.gcMaxIntervalUs) : next;
  }
}
