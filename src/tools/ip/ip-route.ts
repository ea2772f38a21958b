// Layer tools (ip): `ip route` (do_iproute in ip/iproute.c): add/change/replace/prepend/append/test/delete,
// list/show/lst, get, flush, help, matched by prefix in iproute2's order; "ip route" alone lists main.

import { matches } from './color.js';
import type { IpCtx } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { getRoute } from './route-get.js';
import { modifyRoute } from './route-modify.js';
import { flushRoutes, showRoutes } from './route-show.js';

export function doIpRoute(ctx: IpCtx, argv: readonly string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return showRoutes(ctx, []);
  if (matches(cmd, 'add')) return modifyRoute(ctx, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return modifyRoute(ctx, rest, 'change');
  if (matches(cmd, 'replace')) return modifyRoute(ctx, rest, 'replace');
  if (matches(cmd, 'prepend')) return modifyRoute(ctx, rest, 'prepend');
  if (matches(cmd, 'append')) return modifyRoute(ctx, rest, 'append');
  if (matches(cmd, 'delete')) return modifyRoute(ctx, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return showRoutes(ctx, rest);
  if (matches(cmd, 'get')) return getRoute(ctx, rest);
  if (matches(cmd, 'flush')) return flushRoutes(ctx, rest);
  if (matches(cmd, 'help')) throw new IpExit(255, ipUsage('route'));
  throw new IpExit(255, `Command "${cmd}" is unknown, try "ip route help".\n`);
}
