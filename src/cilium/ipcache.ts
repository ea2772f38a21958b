// Layer cilium: the ipcache of one agent (the cilium_ipcache LPM map, pkg/ipcache + the BPF listener):
// each prefix's security identity and, for addresses behind another node, that node's IP as tunnel endpoint.
// `ipcacheEntries` lists the map as `cilium-dbg bpf ipcache list` shows it; `ipcacheLookup` answers the
// programs' lookups from the same facts: local endpoints and the host's own addresses, pod /32s of other
// nodes, node and CiliumInternal IPs (kube-apiserver nodes as reserved:kube-apiserver), remote PodCIDRs
// in tunnel mode (the tunnel map), then world.

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import type { CiliumAgent } from './agent.js';
import { ID_HOST, ID_REMOTE_NODE, ID_WORLD, RESERVED_IDENTITIES } from './identity/numeric-identity.js';

const ID_KUBE_APISERVER = RESERVED_IDENTITIES['kube-apiserver'];

export interface IpcacheInfo {
  readonly identity: number;
  /** The node to encapsulate towards (tunnelendpoint), if the address lives behind another node. */
  readonly tunnelEndpoint: Ipv4Addr | undefined;
  readonly kind: 'endpoint' | 'host' | 'remote-endpoint' | 'remote-node' | 'remote-podcidr' | 'world';
}

export interface IpcacheEntry extends IpcacheInfo {
  readonly prefix: Ipv4Cidr;
}

export function ipcacheLookup(agent: CiliumAgent, ip: Ipv4Addr): IpcacheInfo {
  const ep = agent.endpoints.get(ip);
  if (ep) return { identity: ep.identity, tunnelEndpoint: undefined, kind: 'endpoint' };
  if (ip === agent.routerIp || agent.netns.isLocalAddr(ip)) return { identity: ID_HOST, tunnelEndpoint: undefined, kind: 'host' };
  const remote = agent.cluster.endpoints.get(ip);
  if (remote) return { identity: remote.identity, tunnelEndpoint: remote.nodeIp, kind: 'remote-endpoint' };
  const node = agent.cluster.nodeByAddr(ip);
  if (node) {
    if (ip === node.ciliumInternalIp) return { identity: ID_REMOTE_NODE, tunnelEndpoint: node.nodeIp, kind: 'remote-node' };
    return { identity: isKubeApiServer(agent, ip) ? ID_KUBE_APISERVER : ID_REMOTE_NODE, tunnelEndpoint: undefined, kind: 'remote-node' };
  }
  const owner = agent.cluster.nodeByPodIp(ip);
  if (owner && owner.name !== agent.nodeName && agent.dp?.config.routingMode === 'tunnel') {
    return { identity: ID_WORLD, tunnelEndpoint: owner.nodeIp, kind: 'remote-podcidr' };
  }
  return { identity: ID_WORLD, tunnelEndpoint: undefined, kind: 'world' };
}

/** Every entry of the map, in the order the listing shows them (map order is arbitrary in the real one). */
export function ipcacheEntries(agent: CiliumAgent): IpcacheEntry[] {
  const out: IpcacheEntry[] = [];
  const host = (ip: Ipv4Addr): Ipv4Cidr => ({ addr: ip, prefixLen: 32 });
  out.push({ prefix: { addr: 0 as Ipv4Addr, prefixLen: 0 }, identity: ID_WORLD, tunnelEndpoint: undefined, kind: 'world' });
  for (const ip of hostAddrs(agent)) out.push({ prefix: host(ip), identity: ID_HOST, tunnelEndpoint: undefined, kind: 'host' });
  for (const ep of agent.endpoints.values()) out.push({ prefix: host(ep.ipv4), ...ipcacheLookup(agent, ep.ipv4) });
  for (const ep of agent.cluster.endpoints.values()) if (ep.nodeName !== agent.nodeName) out.push({ prefix: host(ep.ip), ...ipcacheLookup(agent, ep.ip) });
  for (const n of agent.cluster.nodes.values()) {
    if (n.name === agent.nodeName) continue;
    out.push({ prefix: host(n.nodeIp), ...ipcacheLookup(agent, n.nodeIp) });
    out.push({ prefix: host(n.ciliumInternalIp), ...ipcacheLookup(agent, n.ciliumInternalIp) });
    if (agent.dp?.config.routingMode === 'tunnel') out.push({ prefix: n.podCidr, identity: ID_WORLD, tunnelEndpoint: n.nodeIp, kind: 'remote-podcidr' });
  }
  return out;
}

/** LocalAddresses() of the node (every global IPv4 address, not lo's) and the router IP: identity host. */
export function hostAddrs(agent: CiliumAgent): Ipv4Addr[] {
  const out: Ipv4Addr[] = [];
  for (const d of agent.netns.devices.values()) {
    if (d.kind === 'loopback') continue;
    for (const a of d.addrs) if (a.scope === 'global' && !out.includes(a.local)) out.push(a.local);
  }
  if (agent.routerIp !== undefined && !out.includes(agent.routerIp)) out.push(agent.routerIp);
  return out;
}

/** The kubernetes Service's backends are labelled reserved:kube-apiserver. */
export function isKubeApiServer(agent: CiliumAgent, ip: Ipv4Addr): boolean {
  for (const svc of agent.cluster.services.values()) {
    if (svc.namespace === 'default' && svc.name === 'kubernetes' && svc.backends.some((b) => b.ip === ip)) return true;
  }
  return false;
}

/** bpf/lib/encap.h: host-originated traffic goes out with LOCAL_NODE_ID (remote-node, 6) as its VNI. */
export function wireIdentity(id: number): number {
  return id === ID_HOST ? ID_REMOTE_NODE : id;
}
