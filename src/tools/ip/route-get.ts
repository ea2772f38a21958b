// Layer tools (ip): `ip route get ADDR [from A] [oif D] [mark M] [fibmatch]` (iproute_get): the kernel's
// output route lookup printed as an RTM_F_CLONED route: "A [via G] dev D src S uid 0" then "    cache"
// with <local> or the route's mtu; `fibmatch` prints the FIB entry instead. Errors are the lookup's errno.

import { formatIpv4 } from '../../addr/index.js';
import { NetlinkError } from '../../net/netlink-error.js';
import { routeOutput } from '../../net/route-output.js';
import { usesGateway } from '../../net/route.js';
import { Args, getAddr, getPrefix, matches, parseUnsigned } from './ip-args.js';
import { newPrinter, type IpCtx } from './ip-context.js';
import { invarg, IpExit, kernelError, nodev } from './ip-errors.js';
import { ipUsage } from './ip-usage.js';
import type { IpPrinter } from './ip-printer.js';
import { printIfidx, printMetrics, printRoute, printRtFlags } from './route-print.js';

export function getRoute(ctx: IpCtx, argv: readonly string[]): number {
  const a = new Args(argv);
  const fam = ctx.opts.family;
  let dst: string | undefined;
  let from: string | undefined;
  let oif: string | undefined;
  let mark = 0;
  let fibmatch = false;
  while (!a.done) {
    const w = a.take();
    if (w === 'from') from = a.next();
    else if (w === 'oif' || w === 'dev') oif = a.next();
    else if (w === 'iif') a.next();
    else if (matches(w, 'mark')) {
      const v = a.next();
      const m = parseUnsigned(v);
      if (m === undefined) invarg('invalid mark value\n', v);
      mark = m;
    } else if (w === 'uid' || w === 'tos' || w === 'ipproto' || w === 'sport' || w === 'dport' || w === 'vrf') a.next();
    else if (w === 'fibmatch') fibmatch = true;
    else if (w === 'connected') continue;
    else {
      const v = w === 'to' ? a.next() : w;
      if (matches(v, 'help')) throw new IpExit(255, ipUsage('route'));
      dst = v;
    }
  }
  if (dst === undefined) throw new IpExit(1, 'need at least a destination address\n');
  const dstAddr = getPrefix(dst, fam).cidr.addr;
  const src = from === undefined ? undefined : getAddr(from, fam);
  const oifDev = oif === undefined ? undefined : ctx.ns.dev(oif);
  if (oif !== undefined && !oifDev) nodev(oif);
  const r = routeOutput(ctx.ns, { dst: dstAddr, src, mark, oif: oifDev });
  if (!r.ok) kernelError(new NetlinkError(r.errno));
  const o = r.value;
  const pr = newPrinter(ctx);
  pr.begin();
  if (fibmatch) {
    printRoute(pr, o.route, { details: ctx.opts.details, hide: {} });
    ctx.p.out(pr.finish());
    return 0;
  }
  pr.openObject();
  if (o.isLocal) pr.string('any', 'type', '%s ', 'local');
  pr.string('any', 'dst', '%s ', formatIpv4(dstAddr), 'inet');
  if (src !== undefined) {
    pr.fp('from ');
    pr.string('any', 'from', '%s ', formatIpv4(src), 'inet');
  }
  if (!o.isLocal && usesGateway(o.route) && o.route.gateway !== undefined) {
    pr.fp('via ');
    pr.string('any', 'gateway', '%s ', formatIpv4(o.route.gateway), 'inet');
  }
  printIfidx(pr, 'dev', o.dev.name);
  // A flow that carried its own source gets no RTA_PREFSRC back.
  if (src === undefined) printPrefsrc(pr, formatIpv4(o.src));
  printRtFlags(pr, []);
  if (mark) pr.uint('any', 'mark', mark >= 16 ? 'mark 0x%x ' : 'mark %u ', mark);
  pr.uint('any', 'uid', 'uid %u ', 0);
  printCacheFlags(pr, o.isLocal ? ['local'] : []);
  if (!o.isLocal && o.route.mtu !== undefined) printMetrics(pr, o.route.mtu);
  pr.fp('\n');
  pr.closeObject();
  ctx.p.out(pr.finish());
  return 0;
}

function printPrefsrc(pr: IpPrinter, src: string): void {
  if (pr.isJson) return pr.string('json', 'prefsrc', '', src);
  pr.fp('src ');
  pr.string('fp', null, '%s ', src, 'inet');
}

/** print_cache_flags: "\n    cache " then "<local> " when the route delivers locally. */
function printCacheFlags(pr: IpPrinter, flags: readonly string[]): void {
  if (pr.jw) {
    pr.jw.name('cache');
    pr.jw.startArray();
    for (const f of flags) pr.jw.value(f);
    pr.jw.endArray();
    return;
  }
  pr.fp(`${pr.sl}    cache `);
  if (flags.length) pr.fp(`<${flags.join(',')}> `);
}


