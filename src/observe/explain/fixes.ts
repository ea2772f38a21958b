// Layer observe: the fixes an explanation offers, built from the lab's state: routes for the PodCIDRs a
// router lacks (via the node it reaches on-link), switching Cilium to tunnel mode with the helm values the
// current ones require, announcing PodCIDRs with Cilium's BGP control plane, a smaller payload or MTU.

import { contains, formatCidr, formatIpv4 } from '../../addr/index.js';
import type { Lab } from '../../lab/index.js';
import type { Netns } from '../../net/netns.js';
import { routeOutput } from '../../net/route-output.js';
import type { Fix } from './explanation.js';

/** The nodes whose PodCIDR `ns` routes only through something less specific (a default route). */
export function missingPodCidrRoutes(lab: Lab, ns: Netns): Array<{ readonly node: string; readonly podCidr: string; readonly via: string | undefined }> {
  const out: Array<{ node: string; podCidr: string; via: string | undefined }> = [];
  const nodes = [...lab.cilium.nodes.values()].sort((a, b) => a.podCidr.addr - b.podCidr.addr);
  for (const n of nodes) {
    const r = routeOutput(ns, { dst: n.podCidr.addr });
    if (r.ok && r.value.route.dst.prefixLen >= n.podCidr.prefixLen) continue;
    const toNode = routeOutput(ns, { dst: n.nodeIp });
    const isOnLink = toNode.ok && toNode.value.nexthop === n.nodeIp;
    out.push({ node: n.name, podCidr: formatCidr(n.podCidr), via: isOnLink ? formatIpv4(n.nodeIp) : undefined });
  }
  return out;
}

export function staticRoutesFix(lab: Lab, ns: Netns, host: string): Fix | undefined {
  const missing = missingPodCidrRoutes(lab, ns).filter((m) => m.via !== undefined);
  if (missing.length === 0) return undefined;
  return {
    title: `Add a route for each PodCIDR on ${host}`,
    why: `${host} forwards pod traffic by its routing table; with a route per PodCIDR towards the node that owns it (${missing.map((m) => `${m.podCidr} on ${m.node}`).join(', ')}) it no longer falls to its default route. Routes added by hand must follow PodCIDR changes.`,
    commands: missing.map((m) => `ip route add ${m.podCidr} via ${m.via}`),
  };
}

function helmUpgrade(lab: Lab, sets: readonly string[]): string {
  return `helm upgrade cilium cilium/cilium --namespace kube-system --version ${lab.spec.cilium.version} --reuse-values ${sets.map((s) => `--set ${s}`).join(' ')}`;
}

export function tunnelModeFix(lab: Lab): Fix | undefined {
  const configs = [...lab.agents.values()].map((a) => a.dp?.config).filter((c) => c !== undefined);
  if (configs.length === 0 || configs.every((c) => c.routingMode === 'tunnel')) return undefined;
  const sets = ['routingMode=tunnel', 'tunnelProtocol=vxlan'];
  if (configs.some((c) => c.autoDirectNodeRoutes)) sets.push('autoDirectNodeRoutes=false');
  if (configs.some((c) => c.installNoConntrackIptablesRules)) sets.push('installNoConntrackIptablesRules=false');
  const ips = [...lab.cilium.nodes.values()].map((n) => formatIpv4(n.nodeIp)).join(', ');
  return {
    title: 'Switch Cilium to tunnel (VXLAN) mode',
    why: `Each node then encapsulates pod traffic in VXLAN (UDP 8472) addressed to the other node's IP (${ips}), which every hop already routes; the route MTU drops by 50 bytes.${sets.includes('autoDirectNodeRoutes=false') ? ' autoDirectNodeRoutes must be off: the agent refuses it with tunneling.' : ''}`,
    commands: [helmUpgrade(lab, sets), 'kubectl rollout restart -n kube-system ds/cilium'],
  };
}

/** The router's addresses on the nodes' subnets: where each node would peer. */
function peerAddresses(lab: Lab, ns: Netns): string[] {
  const out: string[] = [];
  for (const dev of ns.devices.values()) {
    for (const a of dev.addrs) {
      if (a.scope !== 'global') continue;
      const net = { addr: a.local, prefixLen: a.prefixLen };
      if ([...lab.cilium.nodes.values()].some((n) => contains(net, n.nodeIp))) out.push(formatIpv4(a.local));
    }
  }
  return out;
}

export function bgpFix(lab: Lab, ns: Netns, host: string): Fix {
  const peers = peerAddresses(lab, ns);
  return {
    title: `Announce the PodCIDRs to ${host} with BGP`,
    why: `Cilium's BGP control plane advertises each node's PodCIDR; ${host} then learns a route per PodCIDR and follows changes by itself. It needs a BGP speaker on ${host} (e.g. FRR) peering with the nodes${peers.length > 0 ? ` on ${peers.join(' and ')}` : ''}, and a CiliumBGPClusterConfig with its CiliumBGPPeerConfig and CiliumBGPAdvertisement (PodCIDR) for the nodes.`,
    commands: [helmUpgrade(lab, ['bgpControlPlane.enabled=true']), 'kubectl rollout restart -n kube-system ds/cilium'],
  };
}

/** DF forbids fragmenting: the payload must fit the path MTU (`command` shows the largest that does). */
export function payloadFix(mtu: number, headerBytes: number, what: string, command: string): Fix {
  return {
    title: `Send at most ${mtu - headerBytes} bytes of payload, or lower the MTU`,
    why: `The MTU on the way is ${mtu}: ${headerBytes} bytes of IP and ${what} headers leave ${mtu - headerBytes} for the payload when DF forbids fragmenting.`,
    commands: [command],
  };
}
