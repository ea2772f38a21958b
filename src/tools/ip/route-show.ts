// Layer tools (ip): `ip route show|list` and `ip route flush` (iproute_list_flush_or_save, iproute_flush):
// the IPv4 routes of the selected tables in fib dump order through print_route, or each matching route
// deleted ("requires arguments" without a selector; -s reports the rounds).

import type { Route } from '../../net/route.js';
import { newPrinter, type IpCtx } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { hiddenFields, parseRouteFilter, routeMatches } from './route-filter.js';
import { printRoute } from './route-print.js';

/** inet_dump_fib walks fib_table_hash[id & 255] bucket by bucket: custom tables, default, main, local. */
export function dumpOrder(ctx: IpCtx): Route[] {
  const ids = [...ctx.ns.fib.tables.keys()].sort((a, b) => (a & 255) - (b & 255) || a - b);
  return ids.flatMap((id) => ctx.ns.fib.tables.get(id)?.list() ?? []);
}

export function showRoutes(ctx: IpCtx, argv: readonly string[]): number {
  const f = parseRouteFilter(ctx.ns, argv, ctx.opts.family);
  const pr = newPrinter(ctx);
  pr.begin();
  if (ctx.opts.family !== 'inet6') {
    const hide = hiddenFields(f);
    for (const r of dumpOrder(ctx).filter((x) => routeMatches(x, f, ctx.ns))) printRoute(pr, r, { details: ctx.opts.details, hide });
  }
  ctx.p.out(pr.finish());
  return 0;
}

export function flushRoutes(ctx: IpCtx, argv: readonly string[]): number {
  if (argv.length === 0) throw new IpExit(1, '"ip route flush" requires arguments.\n');
  const f = parseRouteFilter(ctx.ns, argv, ctx.opts.family);
  if (f.cloned) {
    if (ctx.opts.stats) ctx.p.out('*** IPv4 routing cache is flushed.\n');
    return 0;
  }
  const doomed = dumpOrder(ctx).filter((x) => routeMatches(x, f, ctx.ns));
  for (const r of doomed) ctx.ns.fib.remove(r);
  if (!ctx.opts.stats) return 0;
  ctx.p.out(doomed.length === 0 ? 'Nothing to flush.\n' : `\n*** Round 1, deleting ${doomed.length} entries ***\n*** Flush is complete after 1 round ***\n`);
  return 0;
}
