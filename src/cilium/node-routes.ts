// Layer cilium: the routes the agent installs for nodes (pkg/datapath/linux/node.go). For its own node:
// the cilium_host nexthop route and the PodCIDR route via the router IP (no mtu). For a remote node in
// tunnel mode: its PodCIDR via the router IP on cilium_host with the tunnel route MTU. In native mode with
// auto-direct-node-routes: its PodCIDR via its node IP, but only when the kernel reaches that IP without
// a gateway (createDirectRouteSpec); otherwise the agent logs the error and installs nothing.

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import { formatCidr, formatIpv4 } from '../addr/index.js';
import type { NetDevice } from '../net/net-device.js';
import { NetlinkError } from '../net/netlink-error.js';
import type { Netns } from '../net/netns.js';
import type { Route } from '../net/route.js';
import { routeOutput } from '../net/route-output.js';
import type { AgentConfig } from './agent-config.js';
import type { AgentLog } from './agent-log.js';
import type { CiliumNodeInfo } from './cluster-state.js';

export interface NodeRouteContext {
  readonly netns: Netns;
  readonly ciliumHost: NetDevice;
  readonly routerIp: Ipv4Addr;
  readonly podCidr: Ipv4Cidr;
  readonly config: AgentConfig;
  readonly routeMtu: number;
  readonly log: AgentLog;
  readonly nodeName: string;
}

/** route.Upsert: the /32 nexthop route to the router IP, then the prefix route through it. */
function upsertCiliumHostRoute(c: NodeRouteContext, prefix: Ipv4Cidr, mtu: number | undefined): void {
  c.netns.routeAdd({ dst: { addr: c.routerIp, prefixLen: 32 }, dev: c.ciliumHost, protocol: 'kernel', scope: 'link' }, { replace: true });
  c.netns.routeAdd({ dst: prefix, gateway: c.routerIp, dev: c.ciliumHost, protocol: 'kernel', prefsrc: c.routerIp, mtu }, { replace: true });
}

export function installLocalNodeRoute(c: NodeRouteContext): void {
  if (c.config.enableLocalNodeRoute) upsertCiliumHostRoute(c, c.podCidr, undefined);
}

/** nodeUpdate for a remote node: tunnel routes, direct routes, or cleanup of either. */
export function updateRemoteNodeRoutes(c: NodeRouteContext, node: CiliumNodeInfo): void {
  if (c.config.routingMode === 'tunnel') {
    deleteDirectRoute(c, node);
    upsertCiliumHostRoute(c, node.podCidr, c.routeMtu);
    return;
  }
  deleteCiliumHostRoute(c, node.podCidr);
  if (c.config.autoDirectNodeRoutes) installDirectRoute(c, node);
}

export function removeRemoteNodeRoutes(c: NodeRouteContext, node: CiliumNodeInfo): void {
  deleteCiliumHostRoute(c, node.podCidr);
  deleteDirectRoute(c, node);
}

function installDirectRoute(c: NodeRouteContext, node: CiliumNodeInfo): void {
  const out = routeOutput(c.netns, { dst: node.nodeIp });
  if (!out.ok) return logDirectRouteError(c, node, `no route found to destination ${formatIpv4(node.nodeIp)}`);
  const r = out.value.route;
  if (r.gateway !== undefined && r.gateway !== 0 && r.gateway !== node.nodeIp) {
    if (c.config.directRoutingSkipUnreachable) {
      c.log.add('warn', 'route to destination contains gateway, skipping route as not directly reachable', [
        ['nodeIP', formatIpv4(node.nodeIp)],
        ['gateway', formatIpv4(r.gateway)],
      ]);
      return;
    }
    return logDirectRouteError(
      c,
      node,
      `route to destination ${formatIpv4(node.nodeIp)} contains gateway ${formatIpv4(r.gateway)}, must be directly reachable. Add \`direct-routing-skip-unreachable\` to skip unreachable routes`,
    );
  }
  try {
    c.netns.routeAdd({ dst: node.podCidr, gateway: node.nodeIp, dev: out.value.dev, protocol: 'kernel' }, { replace: true });
  } catch (e) {
    if (!(e instanceof NetlinkError)) throw e;
    logDirectRouteError(c, node, e.message);
  }
}

function logDirectRouteError(c: NodeRouteContext, node: CiliumNodeInfo, error: string): void {
  c.log.add('warn', 'Unable to install direct node route', [
    ['route', formatCidr(node.podCidr)],
    ['error', error],
  ]);
  c.log.add('error', 'Failed to handle node update event while applying handler. Cilium may be have degraded functionality. See error message for details.', [
    ['handler', 'linux-node-datapath'],
    ['node', node.name],
    ['error', error],
  ]);
}

function deleteDirectRoute(c: NodeRouteContext, node: CiliumNodeInfo): void {
  for (const r of routesTo(c.netns, node.podCidr)) if (r.gateway === node.nodeIp && r.dev !== c.ciliumHost) c.netns.fib.remove(r);
}

function deleteCiliumHostRoute(c: NodeRouteContext, prefix: Ipv4Cidr): void {
  for (const r of routesTo(c.netns, prefix)) if (r.dev === c.ciliumHost) c.netns.fib.remove(r);
}

function routesTo(ns: Netns, prefix: Ipv4Cidr): readonly Route[] {
  return [...ns.fib.table(254).exact(prefix.addr, prefix.prefixLen)];
}
