// Layer tools (ip): `ip rule list|show` (ip/iprule.c print_rule): the policy rules in priority order,
// "PRIO:\tfrom all [to P] [fwmark V/M] [iif D] lookup TABLE". Adding and deleting rules is not emulated.

import { formatCidr } from '../../addr/index.js';
import { matches, tableName } from './ip-args.js';
import { newPrinter, type IpCtx } from './ip-context.js';
import { IpExit } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';

export function doIpRule(ctx: IpCtx, argv: readonly string[]): number {
  const [cmd] = argv;
  if (cmd !== undefined && !(matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst'))) {
    if (matches(cmd, 'help')) throw new IpExit(255, ipUsage('rule'));
    if (['add', 'delete', 'flush', 'save', 'restore'].some((c) => matches(cmd, c))) throw new IpExit(1, `ip rule ${cmd}: not emulated by ciliumlab\n`);
    throw new IpExit(255, `Command "${cmd}" is unknown, try "ip rule help".\n`);
  }
  const pr = newPrinter(ctx);
  pr.begin();
  for (const r of [...ctx.ns.fib.rules].sort((a, b) => a.priority - b.priority)) {
    pr.openObject();
    pr.uint('any', 'priority', '%u:\t', r.priority);
    pr.string('any', 'src', 'from %s', r.from ? formatCidr(r.from) : 'all');
    if (r.to) pr.string('any', 'dst', ' to %s', formatCidr(r.to));
    if (r.fwmark) pr.string('any', 'fwmark', ' fwmark %s', `0x${r.fwmark.value.toString(16)}/0x${r.fwmark.mask.toString(16)}`);
    if (r.iif) pr.string('any', 'iif', ' iif %s', r.iif);
    pr.string('any', 'table', ' lookup %s', tableName(r.table));
    pr.fp('\n');
    pr.closeObject();
  }
  ctx.p.out(pr.finish());
  return 0;
}
