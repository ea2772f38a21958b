// Layer tools (ip): `ip link` (do_iplink in ip/iplink.c): show/list/lst through the address lister with
// do_link, add/set/change/replace/delete through iplink_modify, help; anything else is "Command ... unknown".

import { matches } from './color.js';
import type { IpCtx } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import { listAddrs } from './addr-list.js';
import { addLink, deleteLink, setLink } from './link-modify.js';

export function doIpLink(ctx: IpCtx, argv: readonly string[]): number {
  const [cmd, ...rest] = argv;
  if (cmd === undefined) return listAddrs({ ...ctx, opts: { ...ctx.opts, family: 'link' } }, [], true);
  if (matches(cmd, 'add')) return addLink(ctx, rest, { replace: false });
  if (matches(cmd, 'set') || matches(cmd, 'change')) return setLink(ctx, rest);
  if (matches(cmd, 'replace')) return addLink(ctx, rest, { replace: true });
  if (matches(cmd, 'delete')) return deleteLink(ctx, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return listAddrs({ ...ctx, opts: { ...ctx.opts, family: 'link' } }, rest, true);
  if (matches(cmd, 'help')) throw new IpExit(255, ipUsage('link'));
  throw new IpExit(255, `Command "${cmd}" is unknown, try "ip link help".\n`);
}
