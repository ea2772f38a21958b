// Layer lab: the lab as a picture model for the browser: L2 networks, VMs with their interfaces (addresses,
// MTUs), the router between networks, each node's PodCIDR and cilium_host IP, its pods with their IPs,
// and — in tunnel mode — the tunnels between nodes. Derived from live state on every call, so a new pod,
// a deleted route or a mode switch shows up at the next redraw.

import { formatCidr, formatIpv4, formatMac } from '../addr/index.js';
import type { Lab } from './lab.js';

export interface TopoInterface {
  readonly name: string;
  readonly addresses: readonly string[];
  readonly mtu: number;
  readonly mac: string;
  readonly kind: string;
  readonly isUp: boolean;
  /** The L2 network it plugs into ("nat" for a VirtualBox NAT uplink). */
  readonly network: string | undefined;
}

export interface TopoPod {
  readonly namespace: string;
  readonly name: string;
  readonly ip: string;
  readonly phase: string;
  readonly hostNetwork: boolean;
}

export interface TopoHost {
  readonly name: string;
  readonly role: string;
  readonly interfaces: readonly TopoInterface[];
  readonly podCidr: string | undefined;
  readonly ciliumHostIp: string | undefined;
  readonly routingMode: string | undefined;
  readonly agentPhase: string | undefined;
  readonly pods: readonly TopoPod[];
}

export interface TopoNetwork {
  readonly name: string;
  readonly cidr: string;
}

export interface TopoTunnel {
  readonly from: string;
  readonly to: string;
  readonly protocol: string;
}

export interface Topology {
  readonly networks: readonly TopoNetwork[];
  readonly hosts: readonly TopoHost[];
  readonly tunnels: readonly TopoTunnel[];
}

export function topologyOf(lab: Lab): Topology {
  const segmentOf = new Map<string, string>();
  for (const [name, seg] of lab.segments) for (const port of seg.ports) segmentOf.set(`${port.netns?.name ?? ''}/${port.name}`, name);
  const pods = lab.k8s.api.list('Pod', {});
  const hosts = lab.spec.hosts.map((h): TopoHost => {
    const m = lab.machine(h.name);
    const agent = lab.agents.get(h.name);
    const interfaces = [...m.root.devices.values()]
      .filter((d) => d.kind !== 'loopback' && !d.name.startsWith('lxc'))
      .map((d) => ({
        name: d.name,
        addresses: d.addrs.map((a) => `${formatIpv4(a.local)}/${a.prefixLen}`),
        mtu: d.mtu,
        mac: formatMac(d.mac),
        kind: d.kind,
        isUp: d.isUp,
        network: segmentOf.get(`${m.root.name}/${d.name}`) ?? (h.interfaces.find((i) => i.name === d.name)?.nat ? 'nat' : undefined),
      }));
    return {
      name: h.name,
      role: h.role,
      interfaces,
      podCidr: agent?.podCidr ? formatCidr(agent.podCidr) : undefined,
      ciliumHostIp: agent?.routerIp !== undefined ? formatIpv4(agent.routerIp) : undefined,
      routingMode: agent?.dp?.config.routingMode,
      agentPhase: agent?.phase,
      pods: pods
        .filter((p) => p.spec.nodeName === h.name)
        .map((p) => ({
          namespace: p.metadata.namespace ?? 'default',
          name: p.metadata.name ?? '',
          ip: p.status?.podIP ?? '',
          phase: p.status?.phase ?? 'Pending',
          hostNetwork: p.spec.hostNetwork === true,
        })),
    };
  });
  const tunnelNodes = [...lab.agents.values()].filter((a) => a.dp?.config.routingMode === 'tunnel' && a.devices?.tunnel);
  const tunnels: TopoTunnel[] = [];
  for (let i = 0; i < tunnelNodes.length; i++) {
    for (let j = i + 1; j < tunnelNodes.length; j++) {
      const a = tunnelNodes[i];
      const b = tunnelNodes[j];
      if (a && b) tunnels.push({ from: a.nodeName, to: b.nodeName, protocol: a.dp?.config.tunnelProtocol ?? 'vxlan' });
    }
  }
  return { networks: lab.spec.networks.map((n) => ({ name: n.name, cidr: formatCidr(n.cidr) })), hosts, tunnels };
}
