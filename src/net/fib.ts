// Layer net: the IPv4 FIB of a namespace: routing tables, policy rules (ip rule: 0 local, 32766 main,
// 32767 default) and the lookups net/ipv4/fib_frontend.c and route.c make: fib_lookup, the gateway
// check of fib_check_nh (which also fixes the nexthop's scope), and source selection (inet_select_addr).

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import { contains } from '../addr/index.js';
import { FibTable } from './fib-table.js';
import type { AddrScope, IfAddr } from './if-addr.js';
import type { NetDevice } from './net-device.js';
import { ROUTE_SCOPES, RT_TABLE_DEFAULT, RT_TABLE_LOCAL, RT_TABLE_MAIN, type Route, type RouteScope } from './route.js';

export interface FibRule {
  readonly priority: number;
  readonly table: number;
  readonly from?: Ipv4Cidr;
  readonly to?: Ipv4Cidr;
  readonly fwmark?: { readonly value: number; readonly mask: number };
  readonly iif?: string;
}

export interface FlowKey {
  readonly dst: Ipv4Addr;
  readonly src?: Ipv4Addr | undefined;
  readonly mark?: number;
  readonly iif?: string;
  /** The narrowest scope a route may have to be used (fib_table_lookup's flowi4_scope). */
  readonly scope?: RouteScope;
}

const DEFAULT_RULES: readonly FibRule[] = [
  { priority: 0, table: RT_TABLE_LOCAL },
  { priority: 32766, table: RT_TABLE_MAIN },
  { priority: 32767, table: RT_TABLE_DEFAULT },
];

const CACHE_MAX = 4096;

export const ADDR_SCOPE_VALUE: Readonly<Record<AddrScope, number>> = { global: 0, site: 200, link: 253, host: 254 };

export class Fib {
  readonly tables = new Map<number, FibTable>();
  /** `ip rule`: replace the array to change it (the default one takes a faster path). */
  rules: readonly FibRule[] = DEFAULT_RULES;
  /** Bumped on every change, so callers may cache lookups (the kernel's fib genid). */
  genid = 0;
  /**
   * Answers of the default-rules lookup by scope, then destination (as `dst | 0`, a small integer key where
   * dst * 256 + scope would be a boxed double), valid for one genid (fib_trie's speed). The global scope,
   * every packet's, has its own map.
   */
  private readonly globalCache = new Map<number, Route | null>();
  private readonly scopedCache = new Map<number, Map<number, Route | null>>();
  /** Whether an address is local (a local-table hit of type local), by `addr | 0`, for the same genid. */
  private readonly localCache = new Map<number, boolean>();
  private cacheSize = 0;
  private cacheGenid = -1;

  constructor() {
    for (const id of [RT_TABLE_LOCAL, RT_TABLE_MAIN, RT_TABLE_DEFAULT]) this.tables.set(id, new FibTable(id));
  }

  /** Whether a rule looks at the packet mark (else a lookup's answer does not depend on it). */
  get hasFwmarkRules(): boolean {
    return this.rules !== DEFAULT_RULES && this.rules.some((r) => r.fwmark !== undefined);
  }

  table(id: number): FibTable {
    let t = this.tables.get(id);
    if (!t) {
      t = new FibTable(id);
      this.tables.set(id, t);
    }
    return t;
  }

  insert(r: Route): void {
    this.table(r.table).insert(r);
    this.genid++;
  }

  remove(r: Route): boolean {
    const ok = this.tables.get(r.table)?.remove(r) ?? false;
    if (ok) this.genid++;
    return ok;
  }

  /** fib_lookup: walk the rules in priority order; the first table with a usable match wins. */
  lookup(flow: FlowKey): Route | undefined {
    const minScope = flow.scope === undefined ? ROUTE_SCOPES.global : ROUTE_SCOPES[flow.scope];
    if (this.rules === DEFAULT_RULES) {
      this.validateCaches();
      const byDst = minScope === ROUTE_SCOPES.global ? this.globalCache : this.scopedCacheOf(minScope);
      const hit = byDst.get(flow.dst | 0);
      if (hit === null) return undefined;
      if (hit !== undefined && (hit.dev === undefined || hit.dev.isUp)) return hit;
      const r =
        this.tables.get(RT_TABLE_LOCAL)?.lookupUsable(flow.dst, minScope) ??
        this.tables.get(RT_TABLE_MAIN)?.lookupUsable(flow.dst, minScope) ??
        this.tables.get(RT_TABLE_DEFAULT)?.lookupUsable(flow.dst, minScope);
      if (hit === undefined) this.cacheSize++;
      byDst.set(flow.dst | 0, r ?? null);
      return r;
    }
    for (const rule of this.rules) {
      if (!ruleMatches(rule, flow)) continue;
      const r = this.tables.get(rule.table)?.lookupUsable(flow.dst, minScope);
      if (r) return r;
    }
    return undefined;
  }

  /** Whether `addr` is one of the namespace's own addresses (a local-table route of type local). */
  isLocal(addr: Ipv4Addr): boolean {
    this.validateCaches();
    let isLocal = this.localCache.get(addr | 0);
    if (isLocal === undefined) {
      const r = this.tables.get(RT_TABLE_LOCAL)?.lookup(addr);
      isLocal = r !== undefined && r.type === 'local';
      this.cacheSize++;
      this.localCache.set(addr | 0, isLocal);
    }
    return isLocal;
  }

  /** Drops every cached answer once the FIB changed or the caches are full. */
  private validateCaches(): void {
    if (this.cacheGenid === this.genid && this.cacheSize < CACHE_MAX) return;
    this.globalCache.clear();
    this.scopedCache.clear();
    this.localCache.clear();
    this.cacheSize = 0;
    this.cacheGenid = this.genid;
  }

  private scopedCacheOf(minScope: number): Map<number, Route | null> {
    let m = this.scopedCache.get(minScope);
    if (!m) {
      m = new Map();
      this.scopedCache.set(minScope, m);
    }
    return m;
  }

  /** Every route of every table, for `ip route show table all`. */
  allRoutes(): Route[] {
    return [...this.tables.values()].flatMap((t) => t.list());
  }
}

function ruleMatches(rule: FibRule, flow: FlowKey): boolean {
  if (rule.fwmark && ((flow.mark ?? 0) & rule.fwmark.mask) !== rule.fwmark.value) return false;
  if (rule.from && (flow.src === undefined || !contains(rule.from, flow.src))) return false;
  if (rule.to && !contains(rule.to, flow.dst)) return false;
  if (rule.iif && rule.iif !== flow.iif) return false;
  return true;
}

/**
 * inet_select_addr: a primary address of `dev` no narrower than `scope`, preferring one on the same subnet
 * as `dst`; failing that, any such address of another device (never a link-scope one).
 */
export function selectSrcAddr(devices: Iterable<NetDevice>, dev: NetDevice | undefined, dst: Ipv4Addr | undefined, scope: number): Ipv4Addr | undefined {
  let first: IfAddr | undefined;
  for (const a of dev?.addrs ?? []) {
    if (a.secondary || ADDR_SCOPE_VALUE[a.scope] > scope) continue;
    if (dst !== undefined && contains({ addr: a.local, prefixLen: a.prefixLen }, dst)) return a.local;
    first ??= a;
  }
  if (first) return first.local;
  for (const d of devices) {
    for (const a of d.addrs) {
      if (!a.secondary && a.scope !== 'link' && ADDR_SCOPE_VALUE[a.scope] <= scope) return a.local;
    }
  }
  return undefined;
}
