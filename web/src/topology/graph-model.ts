// web (topology): the lab's topology (src/lab/topology.ts) as a graph to lay out and draw. L2 networks are
// boxes holding the VMs that sit only on them, each with a switch node; a VM on several networks (the
// router) stands between the boxes. VMs hold their interfaces (addresses, MTU) and pods (IP); the
// cilium_host interface names the node's PodCIDR. Tunnels join the nodes' cilium_vxlan/cilium_geneve.

import type { TopoHost, TopoInterface, TopoPod, Topology } from '../../../src/index.browser.js';

export type NodeKind = 'network' | 'switch' | 'host' | 'iface' | 'pod' | 'pods';
export type EdgeKind = 'link' | 'veth' | 'stack' | 'tunnel';

export interface GraphNode {
  readonly id: string;
  readonly parent: string | undefined;
  readonly kind: NodeKind;
  readonly label: string;
  /** What a screen reader and the tooltip say. */
  readonly title: string;
  readonly classes: readonly string[];
  readonly width: number;
  readonly height: number;
}

export interface GraphEdge {
  readonly id: string;
  readonly source: string;
  readonly target: string;
  readonly kind: EdgeKind;
  readonly label: string;
}

export interface Graph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** Devices worth a node: the uplinks, cilium_host and the tunnel device (not cilium_net, lo or lxc*). */
const HIDDEN_DEVICES = new Set(['cilium_net']);
const CHAR_PX = 6.6;
const LINE_PX = 14;

function box(label: string): { width: number; height: number } {
  const lines = label.split('\n');
  return { width: Math.ceil(Math.max(...lines.map((l) => l.length)) * CHAR_PX + 16), height: lines.length * LINE_PX + 10 };
}

export const hostId = (host: string) => `host:${host}`;
export const ifaceId = (host: string, dev: string) => `if:${host}/${dev}`;
export const podId = (namespace: string, name: string) => `pod:${namespace}/${name}`;
export const podsId = (host: string) => `pods:${host}`;
export const switchId = (network: string) => `sw:${network}`;

function leaf(id: string, parent: string, kind: NodeKind, label: string, title: string, classes: string[] = []): GraphNode {
  return { id, parent, kind, label, title, classes, ...box(label) };
}

function ifaceLabel(i: TopoInterface, h: TopoHost): string {
  const addrs = i.addresses.join(' ');
  const extra = i.name === 'cilium_host' && h.podCidr ? `\nPodCIDR ${h.podCidr}` : i.network === 'nat' ? '\nVirtualBox NAT' : '';
  return `${i.name}${addrs ? ` ${addrs}` : ''}\nmtu ${i.mtu}${extra}`;
}

/** The networks a host is plugged into (not the NAT uplink). */
function networksOf(h: TopoHost): string[] {
  return [...new Set(h.interfaces.map((i) => i.network).filter((n): n is string => n !== undefined && n !== 'nat'))];
}

/** An edge whose direction follows the picture's flow: left of the router towards it, right of it away. */
function flowEdge(id: string, kind: EdgeKind, towardRouter: [string, string], isLeft: boolean): GraphEdge {
  const [from, to] = isLeft ? towardRouter : [towardRouter[1], towardRouter[0]];
  return { id, source: from, target: to, kind, label: '' };
}

function hostNodes(h: TopoHost, parent: string | undefined, isLeft: boolean, isShownPod: (p: TopoPod) => boolean): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const id = hostId(h.name);
  const mode = h.routingMode ? ` · ${h.routingMode}${h.agentPhase && h.agentPhase !== 'running' ? ` (agent ${h.agentPhase})` : ''}` : '';
  const nodes: GraphNode[] = [{ id, parent, kind: 'host', label: `${h.name}${mode}`, title: `VM ${h.name}${h.podCidr ? `, PodCIDR ${h.podCidr}` : ''}${h.ciliumHostIp ? `, cilium_host ${h.ciliumHostIp}` : ''}`, classes: [h.role], width: 0, height: 0 }];
  const edges: GraphEdge[] = [];
  for (const i of h.interfaces.filter((d) => !HIDDEN_DEVICES.has(d.name))) {
    const label = ifaceLabel(i, h);
    nodes.push(leaf(ifaceId(h.name, i.name), id, 'iface', label, `${h.name} interface ${label.replace(/\n/g, ', ')}${i.isUp ? '' : ', down'}`, [i.kind, i.isUp ? 'up' : 'down', ...(i.network === 'nat' ? ['nat'] : [])]));
  }
  const hasHost = h.interfaces.some((i) => i.name === 'cilium_host');
  const gateway = hasHost ? ifaceId(h.name, 'cilium_host') : undefined;
  const pods = h.pods.filter((p) => !p.hostNetwork && p.ip !== '');
  const shown = pods.filter(isShownPod);
  for (const p of shown) {
    const pid = podId(p.namespace, p.name);
    nodes.push(leaf(pid, id, 'pod', `${p.name}\n${p.ip}`, `pod ${p.namespace}/${p.name} ${p.ip} ${p.phase}`, [p.phase.toLowerCase()]));
    if (gateway) edges.push(flowEdge(`veth:${pid}`, 'veth', [pid, gateway], isLeft));
  }
  const hidden = pods.length - shown.length;
  if (hidden > 0) {
    nodes.push(leaf(podsId(h.name), id, 'pods', `+${hidden} system pods`, `${hidden} pods of system namespaces on ${h.name}`));
    if (gateway) edges.push(flowEdge(`veth:${podsId(h.name)}`, 'veth', [podsId(h.name), gateway], isLeft));
  }
  // Routing inside the node: from cilium_host (and the tunnel device) to the uplinks.
  for (const up of h.interfaces.filter((i) => i.network !== undefined && i.network !== 'nat')) {
    if (gateway) edges.push(flowEdge(`stack:${h.name}/${up.name}`, 'stack', [gateway, ifaceId(h.name, up.name)], isLeft));
  }
  return { nodes, edges };
}

/** @example graphOf(topologyOf(lab), (p) => p.namespace === 'default').nodes.map((n) => n.id) */
export function graphOf(topo: Topology, isShownPod: (p: TopoPod) => boolean): Graph {
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  for (const n of topo.networks) {
    nodes.push({ id: `net:${n.name}`, parent: undefined, kind: 'network', label: `${n.name} ${n.cidr}`, title: `L2 network ${n.name} ${n.cidr}`, classes: [], width: 0, height: 0 });
    nodes.push(leaf(switchId(n.name), `net:${n.name}`, 'switch', n.cidr, `switch of ${n.name}`));
  }
  // The first network is drawn left of the routers, the others right of them.
  const firstNetwork = topo.networks[0]?.name;
  for (const h of topo.hosts) {
    const nets = networksOf(h);
    const isRouter = nets.length > 1;
    const parent = !isRouter && nets[0] !== undefined ? `net:${nets[0]}` : undefined;
    const part = hostNodes(h, parent, nets[0] === firstNetwork, isShownPod);
    nodes.push(...part.nodes);
    edges.push(...part.edges);
    for (const i of h.interfaces) {
      if (i.network === undefined || i.network === 'nat') continue;
      const a = ifaceId(h.name, i.name);
      const b = switchId(i.network);
      const isLeft = i.network === firstNetwork;
      edges.push(flowEdge(`link:${h.name}/${i.name}`, 'link', isRouter ? [b, a] : [a, b], isLeft));
    }
  }
  for (const t of topo.tunnels) {
    const dev = t.protocol === 'geneve' ? 'cilium_geneve' : 'cilium_vxlan';
    edges.push({ id: `tunnel:${t.from}~${t.to}`, source: ifaceId(t.from, dev), target: ifaceId(t.to, dev), kind: 'tunnel', label: `${t.protocol.toUpperCase()} ${t.protocol === 'geneve' ? 6081 : 8472}/udp` });
  }
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}
