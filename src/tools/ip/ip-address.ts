// Layer tools (ip): `ip address` (do_ipaddr in ip/ipaddress.c): show/list/lst, add/change/replace/del, flush
// and help, matched by prefix in iproute2's order; anything else is "Command ... is unknown" (status 255).

import { matches } from './color.js';
import type { IpCtx } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { listAddrs } from './addr-list.js';
import { flushAddrs, modifyAddr } from './addr-modify.js';

export function doIpAddr(ctx: IpCtx, argv: readonly string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return listAddrs(ctx, [], false);
  if (matches(cmd, 'add')) return modifyAddr(ctx, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return modifyAddr(ctx, rest, 'change');
  if (matches(cmd, 'replace')) return modifyAddr(ctx, rest, 'replace');
  if (matches(cmd, 'delete')) return modifyAddr(ctx, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return listAddrs(ctx, rest, false);
  if (matches(cmd, 'flush')) return flushAddrs(ctx, rest);
  if (matches(cmd, 'help')) throw new IpExit(255, ipUsage('address'));
  throw new IpExit(255, `Command "${cmd}" is unknown, try "ip address help".\n`);
}
