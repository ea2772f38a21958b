// Layer tools (ip): `ip route add|del|change|replace|append|prepend` (iproute_modify): the ROUTE words, the
// defaults iproute2 fills in (proto boot, scope link for a device route, table local for local/broadcast),
// then fib_table_insert/delete's answers: EEXIST, ENOENT for change, ESRCH for del, ENODEV without a device.

import { NetlinkError } from '../../net/netlink-error.js';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, type RouteInit, type RouteScope, type RouteType } from '../../net/route.js';
import { Args, getAddr, getPrefix, matches, parseUnsigned, protocolId, scopeId, tableId } from './ip-args.js';
import type { IpCtx } from './ip-context.js';
import { duparg2, invarg, IpExit, kernelError, netlink, nodev } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { ROUTE_TYPES } from './route-filter.js';

export type RouteCmd = 'add' | 'del' | 'change' | 'replace' | 'append' | 'prepend';

interface RouteRequest {
  init: { -readonly [K in keyof RouteInit]?: RouteInit[K] };
  dev?: string;
  hasGateway: boolean;
  hasScope: boolean;
  hasTable: boolean;
  hasType: boolean;
}

/** Metrics iproute2 knows; the core keeps only mtu, so the others are refused rather than dropped. */
const OTHER_METRICS = ['hoplimit', 'advmss', 'reordering', 'rtt', 'rto_min', 'window', 'cwnd', 'initcwnd', 'initrwnd', 'rttvar', 'ssthresh', 'features', 'quickack', 'congctl', 'realms', 'expires', 'pref', 'encap', 'nexthop', 'nhid', 'tos', 'from'];

function parseRoute(ctx: IpCtx, argv: readonly string[], cmd: RouteCmd): RouteRequest {
  const a = new Args(argv);
  const fam = ctx.opts.family;
  const req: RouteRequest = { init: {}, hasGateway: false, hasScope: false, hasTable: false, hasType: false };
  const init = req.init;
  let dstOk = false;
  while (!a.done) {
    const w = a.take();
    if (w === 'src') init.prefsrc = getAddr(a.next(), fam);
    else if (w === 'via') {
      let v = a.next();
      if (v === 'inet') v = a.next();
      if (req.hasGateway) invarg('use nexthop syntax to specify multiple via\n', v);
      init.gateway = getAddr(v, fam);
      req.hasGateway = true;
    } else if (matches(w, 'metric') || matches(w, 'priority') || w === 'preference') {
      const v = a.next();
      const m = parseUnsigned(v);
      if (m === undefined) invarg('"metric" value is invalid\n', v);
      init.metric = m;
    } else if (w === 'scope') {
      const v = a.next();
      const s = scopeId(v);
      if (s === undefined) invarg('invalid "scope" value\n', v);
      init.scope = s;
      req.hasScope = true;
    } else if (w === 'mtu') {
      let v = a.next();
      if (v === 'lock') v = a.next();
      const m = parseUnsigned(v);
      if (m === undefined) invarg('"mtu" value is invalid\n', v);
      init.mtu = m;
    } else if (w === 'onlink') init.onlink = true;
    else if (matches(w, 'protocol')) {
      const v = a.next();
      const p = protocolId(v);
      if (p === undefined) invarg('"protocol" value is invalid\n', v);
      init.protocol = p;
    } else if (matches(w, 'table')) {
      const v = a.next();
      const t = tableId(v);
      if (t === undefined) invarg('"table" value is invalid\n', v);
      init.table = t;
      req.hasTable = true;
    } else if (w === 'dev' || w === 'oif') req.dev = a.next();
    else if (OTHER_METRICS.includes(w)) throw new IpExit(1, `ip route: "${w}" is not emulated by ciliumlab\n`);
    else {
      let v = w === 'to' ? a.next() : w;
      if (!/^[0-9]/.test(v) && ROUTE_TYPES.includes(v as RouteType)) {
        init.type = v as RouteType;
        req.hasType = true;
        v = a.next();
      }
      if (matches(v, 'help')) throw new IpExit(255, ipUsage('route'));
      if (dstOk) duparg2('to', v);
      init.dst = getPrefix(v, fam).cidr;
      dstOk = true;
    }
  }
  if (!dstOk) throw new IpExit(255, ipUsage('route'));
  if (cmd !== 'del') {
    init.protocol ??= 'boot';
    init.type ??= 'unicast';
  }
  if (!req.hasTable && (init.type === 'local' || init.type === 'broadcast')) init.table = RT_TABLE_LOCAL;
  if (!req.hasScope && cmd !== 'del') init.scope = defaultScope(init.type ?? 'unicast', req.hasGateway);
  return req;
}

function defaultScope(type: RouteType, hasGateway: boolean): RouteScope {
  if (type === 'local') return 'host';
  if (type === 'broadcast') return 'link';
  if (type === 'unicast' && !hasGateway) return 'link';
  return 'global';
}

export function modifyRoute(ctx: IpCtx, argv: readonly string[], cmd: RouteCmd): number {
  const req = parseRoute(ctx, argv, cmd);
  const ns = ctx.ns;
  let dev;
  if (req.dev !== undefined) {
    dev = ns.dev(req.dev);
    if (!dev) nodev(req.dev);
  }
  const dst = req.init.dst;
  if (!dst) throw new IpExit(255, ipUsage('route'));
  const init: RouteInit = { ...req.init, dst, ...(dev ? { dev } : {}) };
  if (cmd === 'del') {
    netlink(() => ns.routeDel(init));
    return 0;
  }
  const type = init.type ?? 'unicast';
  if (type === 'unicast' && !dev && init.gateway === undefined) kernelError(new NetlinkError('ENODEV'));
  const table = init.table ?? RT_TABLE_MAIN;
  const metric = init.metric ?? 0;
  const same = ns.fib.table(table).exact(dst.addr, dst.prefixLen).filter((x) => x.metric === metric);
  if (cmd === 'change' && same.length === 0) kernelError(new NetlinkError('ENOENT'));
  netlink(() => ns.routeAdd(init, cmd === 'append' || cmd === 'prepend' ? { append: true } : { replace: cmd !== 'add' }));
  return 0;
}

