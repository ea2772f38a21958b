// Layer cilium: the cilium-cni plugin's ADD and DEL (plugins/cilium-cni/cmd) with the agent's endpoint
// creation behind them: an IP from host-scope IPAM, the pod's identity, a veth pair (lxc… on the host, eth0
// in the pod, the peer registered first so the pod sees "eth0@if<lxc>"), the pod's /32 address and its two
// routes (`<router> dev eth0 scope link`, `default via <router> dev eth0 mtu <route MTU>`), and the program
// on the lxc device. Without a running agent ADD fails as the plugin does.

import type { Ipv4Addr } from '../addr/index.js';
import { VethDevice } from '../net/devices/veth.js';
import type { Netns } from '../net/netns.js';
import type { CiliumAgent } from './agent.js';
import { fromContainer } from './datapath/bpf-lxc.js';
import { installSockLb } from './datapath/bpf-sock.js';
import { randomMac } from './datapath/mac.js';
import { endpointIfName, type Endpoint } from './endpoint.js';
import { identityLabels } from './identity/identity-allocator.js';

export interface CniAddRequest {
  readonly containerId: string;
  readonly namespace: string;
  readonly podName: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly serviceAccount: string;
  readonly namespaceLabels?: Readonly<Record<string, string>>;
  readonly netns: Netns;
}

export type CniResult = { readonly ok: true; readonly ip: Ipv4Addr; readonly endpoint: Endpoint } | { readonly ok: false; readonly error: string };

export const AGENT_UNREACHABLE =
  'unable to connect to Cilium agent: failed to create cilium agent client after 30.000000 seconds timeout: Get "http:///var/run/cilium/cilium.sock/v1/config": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\nIs the agent running?';

export function cniAdd(agent: CiliumAgent, req: CniAddRequest): CniResult {
  const dp = agent.dp;
  if (agent.phase !== 'running' || !dp || !agent.ipam || agent.routerIp === undefined) return { ok: false, error: AGENT_UNREACHABLE };
  let ip: Ipv4Addr;
  try {
    ip = agent.ipam.allocateNext(`${req.namespace}/${req.podName}`);
  } catch (e) {
    return { ok: false, error: `unable to allocate IP via local cilium agent: ${(e as Error).message}` };
  }
  const labels = identityLabels(req.labels, req.namespace, req.serviceAccount, req.namespaceLabels);
  const identity = agent.cluster.identities.acquire(labels);
  const rng = agent.rng.fork(`endpoint/${req.containerId}`);
  const host = agent.netns;
  const pod = req.netns;
  const [lxc, eth0] = VethDevice.pair({ name: endpointIfName(req.containerId), mac: randomMac(rng), mtu: dp.deviceMtu }, { name: 'eth0', mac: randomMac(rng), mtu: dp.deviceMtu });
  const peerIndex = host.nextFreeIfindex;
  pod.addDevice(eth0, peerIndex);
  host.skipIfindexTo(peerIndex + 1);
  host.addDevice(lxc);
  host.setUp(lxc, true);
  pod.setUp(eth0, true);
  pod.addAddr(eth0, { addr: ip, prefixLen: 32 });
  pod.routeAdd({ dst: { addr: agent.routerIp, prefixLen: 32 }, dev: eth0, scope: 'link' });
  setPodRouteMtu(pod, eth0, agent.routerIp, dp.routeMtu);
  const ep: Endpoint = {
    id: freeEndpointId(agent, rng),
    namespace: req.namespace,
    podName: req.podName,
    containerId: req.containerId,
    labels: req.labels,
    identityLabels: labels,
    identity: identity.id,
    ipv4: ip,
    lxc,
    podDev: eth0,
    podNetns: pod,
    state: agent.synced ? 'ready' : 'regenerating',
  };
  agent.endpointIds.add(ep.id);
  agent.endpoints.set(ip, ep);
  agent.endpointsByLxc.set(lxc.ifindex, ep);
  lxc.tcIngress = fromContainer(agent);
  installSockLb(agent, pod);
  agent.cluster.upsertEndpoint({ ip, identity: ep.identity, nodeName: agent.nodeName, nodeIp: agent.nodeIp, podName: req.podName, namespace: req.namespace });
  return { ok: true, ip, endpoint: ep };
}

/** The pod's default route with the given MTU (CNI ADD, and the agent's endpoint MTU updater after a mode change). */
export function setPodRouteMtu(pod: Netns, eth0: import('../net/net-device.js').NetDevice, routerIp: Ipv4Addr, mtu: number): void {
  pod.routeAdd({ dst: { addr: 0 as Ipv4Addr, prefixLen: 0 }, gateway: routerIp, dev: eth0, mtu }, { replace: true });
}

export function cniDel(agent: CiliumAgent, containerId: string): void {
  const ep = [...agent.endpoints.values()].find((e) => e.containerId === containerId);
  if (!ep) return;
  agent.endpoints.delete(ep.ipv4);
  agent.endpointsByLxc.delete(ep.lxc.ifindex);
  agent.endpointIds.delete(ep.id);
  agent.ipam?.release(ep.ipv4);
  agent.cluster.identities.release(ep.identity);
  agent.cluster.deleteEndpoint(ep.ipv4);
  agent.netns.deleteDevice(ep.lxc); // and its peer, the pod's eth0
}

/** Endpoint ids come from an id pool over 1..4095, handed out in no particular order. */
function freeEndpointId(agent: CiliumAgent, rng: import('../sim/index.js').Rng): number {
  for (;;) {
    const id = rng.int(1, 4095);
    if (!agent.endpointIds.has(id)) return id;
  }
}
