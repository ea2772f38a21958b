// Layer net: one IPv4 route (struct fib_alias + fib_info + one nexthop) with iproute2's vocabulary:
// table, type, dst, protocol, scope, prefsrc ("src"), gateway ("via"), dev, metric, mtu, onlink.

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import type { NetDevice } from './net-device.js';

export const RT_TABLE_DEFAULT = 253;
export const RT_TABLE_MAIN = 254;
export const RT_TABLE_LOCAL = 255;

export type RouteType = 'unicast' | 'local' | 'broadcast' | 'blackhole' | 'unreachable' | 'prohibit';

/** rtm_protocol values by the names /etc/iproute2/rt_protos gives them. */
export const ROUTE_PROTOCOLS = {
  unspec: 0,
  redirect: 1,
  kernel: 2,
  boot: 3,
  static: 4,
  ra: 9,
  dhcp: 16,
  bird: 12,
  bgp: 186,
} as const;
export type RouteProtocol = keyof typeof ROUTE_PROTOCOLS;

/** rtm_scope, lowest number = widest. */
export const ROUTE_SCOPES = { global: 0, site: 200, link: 253, host: 254, nowhere: 255 } as const;
export type RouteScope = keyof typeof ROUTE_SCOPES;

export interface Route {
  readonly table: number;
  readonly type: RouteType;
  /** The destination network (host bits clear). */
  readonly dst: Ipv4Cidr;
  readonly protocol: RouteProtocol;
  readonly scope: RouteScope;
  readonly prefsrc: Ipv4Addr | undefined;
  readonly gateway: Ipv4Addr | undefined;
  readonly dev: NetDevice | undefined;
  readonly metric: number;
  /** RTAX_MTU: the route's own path MTU ("mtu 1450"); undefined = the device's MTU. */
  readonly mtu: number | undefined;
  readonly onlink: boolean;
  /** fib_nh_scope: the scope of the route that reaches the gateway (set when the route is inserted). */
  readonly nhScope: RouteScope | undefined;
}

export type RouteInit = Partial<Route> & { readonly dst: Ipv4Cidr };

/** Fills in what the kernel defaults when `ip route add` omits it. */
export function makeRoute(init: RouteInit): Route {
  const type = init.type ?? 'unicast';
  const scope =
    init.scope ?? (type === 'local' ? 'host' : type === 'broadcast' ? 'link' : init.gateway === undefined && type === 'unicast' ? 'link' : 'global');
  return {
    table: init.table ?? RT_TABLE_MAIN,
    type,
    dst: init.dst,
    protocol: init.protocol ?? 'boot',
    scope,
    prefsrc: init.prefsrc,
    gateway: init.gateway,
    dev: init.dev,
    metric: init.metric ?? 0,
    mtu: init.mtu,
    onlink: init.onlink ?? false,
    nhScope: init.nhScope,
  };
}

/** The MTU a packet sent along this route may have. */
export function routeMtu(r: Route): number {
  return r.mtu ?? r.dev?.mtu ?? 1500;
}

/**
 * rt_uses_gateway: the packet goes to the gateway's MAC only when the gateway sits on a link-scope route
 * (or the route is onlink). A gateway that is a local address (Cilium's "via <cilium_host IP>") is not
 * used: the kernel sends straight to the destination, and `ip route get` prints no "via".
 */
export function usesGateway(r: Route): boolean {
  return r.gateway !== undefined && (r.onlink || r.nhScope === 'link');
}
