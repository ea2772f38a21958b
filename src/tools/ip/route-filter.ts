// Layer tools (ip): the SELECTOR of `ip route show|flush` (iproute_list_flush_or_save + filter_nlmsg): table
// (main unless given; "all"), proto, scope, type, dev/oif, via, src, metric, and the destination forms:
// a bare or `exact` prefix (that route only), `root P` (routes inside P), `match P` (routes covering P).

import { contains, type Ipv4Cidr } from '../../addr/index.js';
import type { Netns } from '../../net/netns.js';
import { ROUTE_SCOPES, RT_TABLE_MAIN, type Route, type RouteProtocol, type RouteScope, type RouteType } from '../../net/route.js';
import { Args, getPrefix, matches, parseUnsigned, protocolId, scopeId, tableId, type Family, type Prefix } from './ip-args.js';
import { invarg, IpExit, nodev } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import type { RouteHide } from './route-print.js';

export const ROUTE_TYPES: readonly RouteType[] = ['unicast', 'local', 'broadcast', 'blackhole', 'unreachable', 'prohibit'];
const OTHER_TYPES = ['anycast', 'multicast', 'throw', 'nat', 'xresolve'];

export interface RouteFilter {
  /** undefined = every table ("all"). */
  table: number | undefined;
  cloned: boolean;
  protocol?: RouteProtocol;
  scope?: RouteScope;
  type?: string;
  dev?: string;
  metric?: number;
  via?: Prefix;
  src?: Prefix;
  root?: Prefix;
  match?: Prefix;
}

export function parseRouteFilter(ns: Netns, argv: readonly string[], family: Family): RouteFilter {
  const a = new Args(argv);
  const f: RouteFilter = { table: RT_TABLE_MAIN, cloned: false };
  while (!a.done) {
    const w = a.take();
    if (matches(w, 'table')) {
      const v = a.next();
      const id = tableId(v);
      if (id !== undefined) f.table = id;
      else if (v === 'all') f.table = undefined;
      else if (v === 'cache') f.cloned = true;
      else if (v === 'help') throw new IpExit(255, ipUsage('route'));
      else invarg('table id value is invalid\n', v);
    } else if (matches(w, 'cached') || matches(w, 'cloned')) f.cloned = true;
    else if (matches(w, 'protocol')) {
      const v = a.next();
      const p = protocolId(v);
      if (p === undefined && v !== 'all') invarg('invalid "protocol"\n', v);
      if (p !== undefined) f.protocol = p;
    } else if (matches(w, 'scope')) {
      const v = a.next();
      const s = scopeId(v);
      if (s === undefined && v !== 'all') invarg('invalid "scope"\n', v);
      if (s !== undefined) f.scope = s;
    } else if (matches(w, 'type')) {
      const v = a.next();
      if (!ROUTE_TYPES.includes(v as RouteType) && !OTHER_TYPES.includes(v)) invarg('node type value is invalid\n', v);
      f.type = v;
    } else if (w === 'dev' || w === 'oif') f.dev = a.next();
    else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      const m = parseUnsigned(v);
      if (m === undefined) invarg('"metric" value is invalid\n', v);
      f.metric = m;
    } else if (w === 'via') {
      let v = a.next();
      if (v === 'inet') v = a.next();
      f.via = getPrefix(v, family);
    } else if (w === 'src') f.src = getPrefix(a.next(), family);
    else {
      let v = w === 'to' ? a.next() : w;
      if (matches(v, 'root')) f.root = getPrefix(a.next(), family);
      else if (matches(v, 'match')) f.match = getPrefix(a.next(), family);
      else {
        if (matches(v, 'exact')) v = a.next();
        else if (matches(v, 'help')) throw new IpExit(255, ipUsage('route'));
        f.match = getPrefix(v, family);
        f.root = f.match;
      }
    }
  }
  if (f.dev !== undefined && !ns.dev(f.dev)) nodev(f.dev);
  return f;
}

function inPrefix(p: Prefix, c: Ipv4Cidr): boolean {
  return p.cidr.prefixLen === 0 || contains({ addr: p.cidr.addr, prefixLen: p.cidr.prefixLen }, c.addr);
}

/** filter_nlmsg for IPv4 routes. */
export function routeMatches(r: Route, f: RouteFilter, ns: Netns): boolean {
  if (f.cloned) return false;
  if (f.table !== undefined && r.table !== f.table) return false;
  if (f.protocol !== undefined && r.protocol !== f.protocol) return false;
  if (f.scope !== undefined && ROUTE_SCOPES[r.scope] !== ROUTE_SCOPES[f.scope]) return false;
  if (f.type !== undefined && r.type !== f.type) return false;
  if (f.dev !== undefined && r.dev !== ns.dev(f.dev)) return false;
  if (f.metric !== undefined && r.metric !== f.metric) return false;
  if (f.root && !(f.root.isDefault && !f.root.hasLen) && (f.root.cidr.prefixLen > r.dst.prefixLen || !inPrefix(f.root, r.dst))) return false;
  if (f.match && (f.match.cidr.prefixLen < r.dst.prefixLen || !contains(r.dst, f.match.cidr.addr))) return false;
  if (f.via && (r.gateway === undefined || !contains(f.via.cidr, r.gateway))) return false;
  if (f.src && (r.prefsrc === undefined || !contains(f.src.cidr, r.prefsrc))) return false;
  return true;
}

/** The fields a filter pinned to one value are not printed. */
export function hiddenFields(f: RouteFilter): RouteHide {
  return {
    table: f.table !== undefined,
    dev: f.dev !== undefined,
    protocol: f.protocol !== undefined,
    scope: f.scope !== undefined,
    via: f.via !== undefined && f.via.cidr.prefixLen === 32,
    src: f.src !== undefined && f.src.cidr.prefixLen === 32,
    metric: f.metric !== undefined,
  };
}
