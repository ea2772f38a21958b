// Layer cilium: the ipcache lookup the BPF programs make (cilium_ipcache LPM map, pkg/ipcache): an IP's
// security identity and, for addresses behind another node, that node's IP as the tunnel endpoint. Local
// endpoints and the node's own addresses are answered from the agent; the rest from the cluster state
// (pod /32s, node and CiliumInternal IPs, then the remote PodCIDRs of the tunnel map, then world).

import type { Ipv4Addr } from '../addr/index.js';
import type { CiliumAgent } from './agent.js';
import { ID_HOST, ID_REMOTE_NODE, ID_WORLD } from './identity/numeric-identity.js';

export interface IpcacheInfo {
  readonly identity: number;
  /** The node to encapsulate towards (tunnelendpoint), if the address lives behind another node. */
  readonly tunnelEndpoint: Ipv4Addr | undefined;
  readonly kind: 'endpoint' | 'host' | 'remote-endpoint' | 'remote-node' | 'remote-podcidr' | 'world';
}

export function ipcacheLookup(agent: CiliumAgent, ip: Ipv4Addr): IpcacheInfo {
  const ep = agent.endpoints.get(ip);
  if (ep) return { identity: ep.identity, tunnelEndpoint: undefined, kind: 'endpoint' };
  if (ip === agent.routerIp || agent.netns.isLocalAddr(ip)) return { identity: ID_HOST, tunnelEndpoint: undefined, kind: 'host' };
  const remote = agent.cluster.endpoints.get(ip);
  if (remote) return { identity: remote.identity, tunnelEndpoint: remote.nodeIp, kind: 'remote-endpoint' };
  const node = agent.cluster.nodeByAddr(ip);
  if (node) {
    return { identity: ID_REMOTE_NODE, tunnelEndpoint: ip === node.ciliumInternalIp ? node.nodeIp : undefined, kind: 'remote-node' };
  }
  const owner = agent.cluster.nodeByPodIp(ip);
  if (owner && owner.name !== agent.nodeName) return { identity: ID_WORLD, tunnelEndpoint: owner.nodeIp, kind: 'remote-podcidr' };
  return { identity: ID_WORLD, tunnelEndpoint: undefined, kind: 'world' };
}

/** bpf/lib/encap.h: host-originated traffic goes out with LOCAL_NODE_ID (remote-node, 6) as its VNI. */
export function wireIdentity(id: number): number {
  return id === ID_HOST ? ID_REMOTE_NODE : id;
}
