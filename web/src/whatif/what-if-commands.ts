// web (what-if): the commands a what-if runs, exactly as a person would type them in the lab: `helm
// upgrade --reuse-values --set ...` and a rollout of the agents for the routing mode, autoDirectNodeRoutes
// and the MTU; `ip route add` on the router for a PodCIDR. Pure, so the panel can show them first.

import { helmBool, helmValueAt, topologyOf, type Lab } from '../../../src/index.browser.js';

export type RoutingChoice = 'native' | 'vxlan' | 'geneve';

export interface DatapathChoice {
  readonly mode: RoutingChoice;
  readonly autoDirectNodeRoutes: boolean;
  /** 0: Cilium picks it from the devices. */
  readonly mtu: number;
}

export function currentDatapath(lab: Lab): DatapathChoice {
  const v = lab.ciliumValues;
  const tunnel = helmValueAt(v, 'routingMode') === 'tunnel';
  const protocol = helmValueAt(v, 'tunnelProtocol') === 'geneve' ? 'geneve' : 'vxlan';
  const mtu = Number(helmValueAt(v, 'MTU') ?? 0);
  return { mode: tunnel ? protocol : 'native', autoDirectNodeRoutes: helmBool(helmValueAt(v, 'autoDirectNodeRoutes')) ?? false, mtu: Number.isFinite(mtu) ? mtu : 0 };
}

/** helm upgrade, the agents' rollout, and waiting for it (the seed's commands, plus rollout status). */
export function datapathCommands(lab: Lab, c: DatapathChoice): string[] {
  const sets = c.mode === 'native' ? ['routingMode=native', `autoDirectNodeRoutes=${c.autoDirectNodeRoutes}`] : ['routingMode=tunnel', `tunnelProtocol=${c.mode}`, 'autoDirectNodeRoutes=false'];
  // The agent refuses to start in tunnel mode with the no-conntrack iptables rules (the seed turns them off too).
  if (c.mode !== 'native' && helmBool(helmValueAt(lab.ciliumValues, 'installNoConntrackIptablesRules')) === true) sets.push('installNoConntrackIptablesRules=false');
  if (c.mtu !== currentDatapath(lab).mtu) sets.push(`MTU=${c.mtu}`);
  return [
    `helm upgrade cilium cilium/cilium --namespace kube-system --version ${lab.spec.cilium.version} --reuse-values ${sets.map((s) => `--set ${s}`).join(' ')}`,
    'kubectl rollout restart -n kube-system ds/cilium',
    'kubectl rollout status -n kube-system ds/cilium',
  ];
}

/** The VM that joins several networks (the router), if the lab has one. */
export function routerOf(lab: Lab): string | undefined {
  return topologyOf(lab).hosts.find((h) => new Set(h.interfaces.map((i) => i.network).filter((n) => n !== undefined && n !== 'nat')).size > 1)?.name;
}

/** For each node's PodCIDR, a route on the router via the node's address on a network they share. */
export function podCidrRoutes(lab: Lab, router: string): string[] {
  const topo = topologyOf(lab);
  const r = topo.hosts.find((h) => h.name === router);
  const shared = new Set(r?.interfaces.map((i) => i.network).filter((n) => n !== undefined && n !== 'nat'));
  return topo.hosts.flatMap((h) => {
    const via = h.interfaces.find((i) => i.network !== undefined && shared.has(i.network))?.addresses[0]?.split('/')[0];
    return h.podCidr && via && h.name !== router ? [`ip route add ${h.podCidr} via ${via}`] : [];
  });
}
