// Layer tools (ip): one route as print_route (ip/iproute.c) prints it: "[type] dst [via G] dev D [table T]
// [proto P] [scope S] [src A] [metric M] [flags] [mtu N]", every field followed by one space (so a real
// line ends in a space); fields a filter pinned are left out; colour and JSON from the same calls.

import { formatIpv4, formatPrefix } from '../../addr/index.js';
import { RT_TABLE_MAIN, type Route } from '../../net/route.js';
import type { IpPrinter } from './ip-printer.js';
import { tableName } from './ip-args.js';

/** What a `show` filter fixed, which print_route then leaves out (filter.*mask == -1). */
export interface RouteHide {
  readonly table?: boolean;
  readonly dev?: boolean;
  readonly protocol?: boolean;
  readonly scope?: boolean;
  readonly via?: boolean;
  readonly src?: boolean;
  readonly metric?: boolean;
}

export function printRoute(pr: IpPrinter, r: Route, opts: { details: number; hide: RouteHide; deleted?: boolean }): void {
  const { details, hide } = opts;
  pr.openObject();
  if (opts.deleted) pr.bool('any', 'deleted', 'Deleted ', true);
  if (r.type !== 'unicast' || details > 0) pr.string('any', 'type', '%s ', r.type);
  const dst = r.dst.prefixLen === 0 ? 'default' : formatPrefix(r.dst);
  pr.string('any', 'dst', '%s ', dst, r.dst.prefixLen === 0 ? 'none' : 'inet');
  if (r.gateway !== undefined && !hide.via) {
    pr.fp('via ');
    pr.string('any', 'gateway', '%s ', formatIpv4(r.gateway), 'inet');
  }
  if (r.dev && !hide.dev) printIfidx(pr, 'dev', r.dev.name);
  if ((r.table !== RT_TABLE_MAIN || details > 0) && !hide.table) pr.string('any', 'table', 'table %s ', tableName(r.table));
  if ((r.protocol !== 'boot' || details > 0) && !hide.protocol) pr.string('any', 'protocol', 'proto %s ', r.protocol);
  if ((r.scope !== 'global' || details > 0) && !hide.scope) pr.string('any', 'scope', 'scope %s ', r.scope === 'global' ? 'global' : r.scope);
  if (r.prefsrc !== undefined && !hide.src) {
    if (pr.isJson) pr.string('json', 'prefsrc', '', formatIpv4(r.prefsrc));
    else {
      pr.fp('src ');
      pr.string('fp', null, '%s ', formatIpv4(r.prefsrc), 'inet');
    }
  }
  if (r.metric !== 0 && !hide.metric) pr.uint('any', 'metric', 'metric %u ', r.metric);
  printRtFlags(pr, routeFlags(r));
  if (r.mtu !== undefined) printMetrics(pr, r.mtu);
  pr.fp('\n');
  pr.closeObject();
}

/** print_rta_ifidx: "dev " then the name in the interface colour. */
export function printIfidx(pr: IpPrinter, prefix: string, name: string): void {
  if (pr.isJson) return pr.string('json', prefix, '', name);
  pr.fp(`${prefix} `);
  pr.colored('ifname', `${name} `);
}

/** RTNH_F_ONLINK and RTNH_F_LINKDOWN (a nexthop device without carrier). */
export function routeFlags(r: Route): string[] {
  const f: string[] = [];
  if (r.onlink) f.push('onlink');
  if (r.dev && r.dev.isUp && !r.dev.hasCarrier && r.type === 'unicast') f.push('linkdown');
  return f;
}

export function printRtFlags(pr: IpPrinter, flags: readonly string[]): void {
  pr.openArray('json', 'flags');
  for (const f of flags) pr.string('any', null, '%s ', f);
  pr.closeArray('json', '');
}

/** print_rta_metrics for RTAX_MTU. */
export function printMetrics(pr: IpPrinter, mtu: number): void {
  pr.openArray('json', 'metrics');
  pr.openObject();
  pr.fp('mtu ');
  pr.uint('any', 'mtu', '%u ', mtu);
  pr.closeObject();
  pr.closeArray('json', '');
}
