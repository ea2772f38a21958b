// Layer net: fib_check_nh for an IPv4 route being added: a gateway must be reachable through a route of
// link scope or narrower (or the route must say `onlink`), may be a local address, and fixes the nexthop
// scope; a route with no device takes the device of the route that reaches its gateway.

import type { NetDevice } from './net-device.js';
import { NetlinkError } from './netlink-error.js';
import type { Netns } from './netns.js';
import type { RouteInit, RouteScope } from './route.js';

export interface CheckedNexthop {
  readonly dev: NetDevice | undefined;
  readonly scope: RouteScope | undefined;
}

export function checkNexthop(ns: Netns, init: RouteInit): CheckedNexthop {
  const type = init.type ?? 'unicast';
  if (type === 'blackhole' || type === 'unreachable' || type === 'prohibit') return { dev: undefined, scope: undefined };
  const dev = init.dev;
  if (dev && !dev.isUp && !init.onlink) throw new NetlinkError('ENETDOWN', 'Nexthop device is not up');
  const gw = init.gateway;
  if (gw === undefined) {
    if (!dev) throw new NetlinkError('EINVAL', 'Device only routes require a device');
    return { dev, scope: 'host' };
  }
  if (init.onlink) {
    if (!dev) throw new NetlinkError('EINVAL', 'Nexthop device required for onlink');
    return { dev, scope: 'link' };
  }
  // fib_check_nh_v4_gw: look the gateway up with scope at least "link"; it must be unicast or local.
  const r = ns.fib.lookup({ dst: gw, scope: 'link' });
  if (!r || (r.type !== 'unicast' && r.type !== 'local') || (dev && r.dev !== dev && r.type !== 'local')) {
    throw new NetlinkError('EINVAL', 'Nexthop has invalid gateway');
  }
  const nhDev = dev ?? r.dev;
  if (!nhDev) throw new NetlinkError('EINVAL', 'Nexthop has invalid gateway');
  return { dev: nhDev, scope: r.scope };
}
