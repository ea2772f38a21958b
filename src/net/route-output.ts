// Layer net: ip_route_output_key for locally generated packets (and `ip route get`): the route, the source
// address (the route's prefsrc, else inet_select_addr), the next hop, and the path MTU. A destination that
// is one of our own addresses goes out through `lo`.

import type { Ipv4Addr } from '../addr/index.js';
import { ADDR_SCOPE_VALUE, selectSrcAddr } from './fib.js';
import type { NetDevice } from './net-device.js';
import type { Errno } from './netlink-error.js';
import type { Netns } from './netns.js';
import { ROUTE_SCOPES, routeMtu, usesGateway, type Route } from './route.js';

export interface OutputRoute {
  readonly route: Route;
  readonly dev: NetDevice;
  readonly src: Ipv4Addr;
  /** Where the frame is addressed at L2: the gateway when it is used, else the destination. */
  readonly nexthop: Ipv4Addr;
  readonly mtu: number;
  readonly isLocal: boolean;
}

export type OutputResult = { readonly ok: true; readonly value: OutputRoute } | { readonly ok: false; readonly errno: Errno };

export interface OutputFlow {
  readonly dst: Ipv4Addr;
  readonly src?: Ipv4Addr | undefined;
  readonly mark?: number;
  /** SO_BINDTODEVICE / `ping -I dev`: only routes through this device. */
  readonly oif?: NetDevice | undefined;
}

/** A cached answer for a plain destination lookup, valid while the FIB generation is unchanged (the dst cache, Netns.dstCache), keyed by `dst | 0` (a small integer where the address may be a boxed double). */
export interface CachedRoute {
  readonly genid: number;
  readonly result: OutputResult;
}

/** How many destinations the dst cache holds before it starts over (it is a cache, not a table). */
const DST_CACHE_MAX = 4096;

export function routeOutput(ns: Netns, flow: OutputFlow): OutputResult {
  const isMarkIrrelevant = flow.mark === undefined || flow.mark === 0 || !ns.fib.hasFwmarkRules;
  const plain = (flow.src === undefined || flow.src === 0) && isMarkIrrelevant && flow.oif === undefined;
  if (!plain) return withMtu(ns, flow.dst, resolveOutput(ns, flow));
  const cache = ns.dstCache;
  const hit = cache.get(flow.dst | 0);
  if (hit && hit.genid === ns.fib.genid) return withMtu(ns, flow.dst, hit.result);
  const result = resolveOutput(ns, flow);
  if (cache.size >= DST_CACHE_MAX) cache.clear();
  cache.set(flow.dst | 0, { genid: ns.fib.genid, result });
  return withMtu(ns, flow.dst, result);
}

/** The MTU follows the device even for a cached route (`ip link set mtu` changes no route), and a learned PMTU lowers it. */
function withMtu(ns: Netns, dst: Ipv4Addr, r: OutputResult): OutputResult {
  if (!r.ok || r.value.isLocal) return r;
  const learned = ns.pmtuOf(dst)?.mtu;
  const mtu = Math.min(routeMtu(r.value.route), learned ?? Number.POSITIVE_INFINITY);
  return mtu === r.value.mtu ? r : { ok: true, value: { ...r.value, mtu } };
}

function resolveOutput(ns: Netns, flow: OutputFlow): OutputResult {
  // ip_route_output_key_hash_rcu: a source no device of this namespace holds is ENETUNREACH.
  if (flow.src !== undefined && flow.src !== 0 && !ns.isLocalAddr(flow.src)) return { ok: false, errno: 'ENETUNREACH' };
  const r = flow.oif ? lookupVia(ns, flow) : ns.fib.lookup(flow);
  if (!r) return { ok: false, errno: 'ENETUNREACH' };
  if (r.type === 'unreachable' || r.type === 'blackhole' || r.type === 'prohibit') return { ok: false, errno: r.type === 'prohibit' ? 'EPERM' : r.type === 'blackhole' ? 'EINVAL' : 'EHOSTUNREACH' };
  if (r.type === 'local') {
    const src = flow.src || flow.dst;
    return { ok: true, value: { route: r, dev: ns.lo, src, nexthop: flow.dst, mtu: ns.lo.mtu, isLocal: true } };
  }
  const dev = r.dev;
  if (!dev) return { ok: false, errno: 'ENETUNREACH' };
  const nexthop = usesGateway(r) && r.gateway !== undefined ? r.gateway : flow.dst;
  const src = flow.src || r.prefsrc || selectSrcAddr(ns.devices.values(), dev, usesGateway(r) ? r.gateway : flow.dst, scopeForSrc(r));
  if (src === undefined) return { ok: false, errno: 'EADDRNOTAVAIL' };
  return { ok: true, value: { route: r, dev, src, nexthop, mtu: routeMtu(r), isLocal: false } };
}

/** The address scope a source must have for this route: universe routes need a global address. */
function scopeForSrc(r: Route): number {
  return Math.max(ADDR_SCOPE_VALUE.global, ROUTE_SCOPES[r.scope] === ROUTE_SCOPES.host ? ADDR_SCOPE_VALUE.host : ROUTE_SCOPES[r.scope]);
}

function lookupVia(ns: Netns, flow: OutputFlow): Route | undefined {
  const local = ns.fib.tables.get(255)?.lookup(flow.dst);
  if (local?.type === 'local') return local;
  for (const t of [...ns.fib.tables.values()]) {
    const r = t.lookup(flow.dst, (x) => x.dev === flow.oif);
    if (r) return r;
  }
  return undefined;
}
