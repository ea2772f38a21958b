// Layer net: one routing table with longest-prefix-match lookup (net/ipv4/fib_trie.c). Routes are kept per
// prefix length in maps keyed by network address, so a lookup costs one map probe per prefix length in use.
// Listing follows the trie's dump order: by network address, longer prefix first, then by metric.

import type { Ipv4Addr } from '../addr/index.js';
import { prefixMask } from '../addr/index.js';
import { ROUTE_SCOPES, type Route } from './route.js';

export class FibTable {
  /** byLen[len] maps a network address (as `addr | 0`, a small integer key) to its routes, sorted by metric (fib_alias order). */
  private readonly byLen: Array<Map<number, Route[]> | undefined> = new Array(33);
  /** Prefix lengths in use, longest first. */
  private lens: number[] = [];
  private count = 0;

  constructor(readonly id: number) {}

  get size(): number {
    return this.count;
  }

  insert(r: Route): void {
    const len = r.dst.prefixLen;
    let m = this.byLen[len];
    if (!m) {
      m = new Map();
      this.byLen[len] = m;
      this.lens = [...this.lens, len].sort((a, b) => b - a);
    }
    const key = r.dst.addr | 0;
    const list = m.get(key) ?? [];
    let i = 0;
    while (i < list.length && (list[i] as Route).metric <= r.metric) i++;
    list.splice(i, 0, r);
    m.set(key, list);
    this.count++;
  }

  remove(r: Route): boolean {
    const m = this.byLen[r.dst.prefixLen];
    const list = m?.get(r.dst.addr | 0);
    if (!m || !list) return false;
    const i = list.indexOf(r);
    if (i < 0) return false;
    list.splice(i, 1);
    if (list.length === 0) m.delete(r.dst.addr | 0);
    if (m.size === 0) {
      this.byLen[r.dst.prefixLen] = undefined;
      this.lens = this.lens.filter((l) => l !== r.dst.prefixLen);
    }
    this.count--;
    return true;
  }

  /** Routes with exactly this destination network. */
  exact(addr: Ipv4Addr, prefixLen: number): readonly Route[] {
    return this.byLen[prefixLen]?.get(addr | 0) ?? [];
  }

  /**
   * Longest-prefix match: the first route, longest prefix first and lowest metric first, that `accept` takes.
   * @example table.lookup(dst, (r) => r.dev?.isUp === true)
   */
  lookup(dst: Ipv4Addr, accept?: (r: Route) => boolean): Route | undefined {
    for (const len of this.lens) {
      const list = this.byLen[len]?.get(dst & prefixMask(len));
      if (!list) continue;
      for (const r of list) if (!accept || accept(r)) return r;
    }
    return undefined;
  }

  /** The hot-path form of lookup(): the first route no narrower than `minScope` whose device is up. */
  lookupUsable(dst: Ipv4Addr, minScope: number): Route | undefined {
    for (const len of this.lens) {
      const list = this.byLen[len]?.get(dst & prefixMask(len));
      if (!list) continue;
      for (const r of list) if (ROUTE_SCOPES[r.scope] >= minScope && (r.dev === undefined || r.dev.isUp)) return r;
    }
    return undefined;
  }

  /** Every route in `ip route show` order. */
  list(): Route[] {
    const all: Route[] = [];
    for (const len of this.lens) for (const routes of this.byLen[len]?.values() ?? []) all.push(...routes);
    return all.sort((a, b) => (a.dst.addr >>> 0) - (b.dst.addr >>> 0) || b.dst.prefixLen - a.dst.prefixLen || a.metric - b.metric);
  }
}
