// Layer net: a route as iproute2's print_route writes it (every field followed by one space, as
// `ip route` really prints): [type] dst [via gw] dev D [table T] [proto P] [scope S] [src A]
// [metric M] [onlink] [mtu N]. `ip route`, `ip route get` and the hop-by-hop explanation share it.

import { formatIpv4, formatPrefix } from '../addr/index.js';
import { RT_TABLE_LOCAL, RT_TABLE_MAIN, type Route } from './route.js';

export function formatRoute(r: Route, opts: { showTable?: boolean } = {}): string {
  let s = '';
  if (r.type !== 'unicast') s += `${r.type} `;
  s += r.dst.prefixLen === 0 ? 'default ' : `${formatPrefix(r.dst)} `;
  if (r.gateway !== undefined) s += `via ${formatIpv4(r.gateway)} `;
  if (r.dev) s += `dev ${r.dev.name} `;
  if (opts.showTable && r.table !== RT_TABLE_MAIN) s += `table ${r.table === RT_TABLE_LOCAL ? 'local' : r.table} `;
  if (r.protocol !== 'boot') s += `proto ${r.protocol} `;
  if (r.scope !== 'global') s += `scope ${r.scope} `;
  if (r.prefsrc !== undefined) s += `src ${formatIpv4(r.prefsrc)} `;
  if (r.metric !== 0) s += `metric ${r.metric} `;
  if (r.onlink) s += 'onlink ';
  if (r.dev && r.dev.isUp && !r.dev.hasCarrier && r.type === 'unicast') s += 'linkdown ';
  if (r.mtu !== undefined) s += `mtu ${r.mtu} `;
  return s;
}

/** The route without the trailing space, for explanations. */
export function describeRoute(r: Route): string {
  return formatRoute(r).trimEnd();
}
