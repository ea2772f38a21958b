// Layer cilium: cil_from_container (bpf/bpf_lxc.c), on the tc ingress of each lxc device: everything a pod
// sends. ARP is answered with the lxc MAC (the pod's gateway); the source must be the endpoint's own IP; then
// conntrack (CT_EGRESS), and in order: a local endpoint gets the packet through its ingress program; the host
// gets it through the stack; in tunnel mode a destination with a known tunnel endpoint is encapsulated (VNI =
// the pod's identity), an unknown one falls back to the stack; otherwise BPF host routing redirects to the
// FIB's egress device (fib_redirect, TTL - 1), or legacy routing hands it to the stack.

import { ARPOP_REQUEST, ETH_P_ARP, ETH_P_IP, arp, arpOp, arpSha, arpSpa, arpTpa, emitArp, ethType, ipv4Dst, ipv4Src } from '../../wire/index.js';
import { contains } from '../../addr/index.js';
import { frameWith, L3_OFF, setMacs } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import { routeOutput } from '../../net/route-output.js';
import type { Skb } from '../../net/skb.js';
import { TC_OK, TC_STOLEN, tcDrop, type TcProgram, type TcVerdict } from '../../net/tc.js';
import { newMeta } from '../../net/skb.js';
import type { CiliumAgent } from '../agent.js';
import type { Endpoint } from '../endpoint.js';
import { ID_HOST } from '../identity/numeric-identity.js';
import { ipcacheLookup } from '../ipcache.js';
import { ipv4L3, localDelivery } from './l3.js';
import { lxcEgressCt } from './lxc-ct.js';
import { isTracing, traceNotify } from './trace.js';

const PROG = 'cil_from_container';

export function fromContainer(agent: CiliumAgent): TcProgram {
  return {
    name: PROG,
    run(skb: Skb, lxc: NetDevice): TcVerdict {
      const ep = agent.endpointsByLxc.get(lxc.ifindex);
      if (!ep) return TC_OK;
      const type = ethType(skb.data);
      if (type === ETH_P_ARP) return arpRespond(agent, skb, lxc);
      if (type !== ETH_P_IP) return tcDrop('Unsupported L3 protocol');
      if (ipv4Src(skb.data, L3_OFF) !== ep.ipv4) return tcDrop('Invalid source ip');
      skb.meta.identity = ep.identity;
      if (isTracing(agent)) traceNotify(agent, skb, lxc, 'from-endpoint', { program: PROG, srcIdentity: ep.identity });
      const dropped = lxcEgressCt(agent, skb, ep.identity);
      if (dropped) return tcDrop(dropped);
      return handleIpv4(agent, skb, lxc, ep);
    },
  };
}

function handleIpv4(agent: CiliumAgent, skb: Skb, lxc: NetDevice, ep: Endpoint): TcVerdict {
  const dp = agent.dp;
  if (!dp) return TC_OK;
  const dst = ipv4Dst(skb.data, L3_OFF);
  const local = agent.endpoints.get(dst);
  if (local) return localDelivery(agent, skb, lxc, local, ep.identity, 'endpoint', PROG);
  const info = ipcacheLookup(agent, dst);
  if (info.identity === ID_HOST) return toStack(agent, skb, lxc, ep, info.identity, 'destination is this host');
  if (dp.config.routingMode === 'tunnel' && (info.tunnelEndpoint !== undefined || inClusterRange(agent, dst))) {
    const tunnel = agent.devices?.tunnel;
    if (info.tunnelEndpoint === undefined || !agent.synced || !tunnel) {
      return toStack(agent, skb, lxc, ep, info.identity, agent.synced ? 'no tunnel endpoint for the destination' : 'agent restarting: ipcache not yet synced, no tunnel endpoint');
    }
    skb.meta.tunnelKey = { vni: ep.identity, remote: info.tunnelEndpoint, ttl: 64 };
    if (isTracing(agent)) traceNotify(agent, skb, lxc, 'to-overlay', { program: PROG, srcIdentity: ep.identity, dstIdentity: info.identity, tunnelEndpoint: info.tunnelEndpoint, vni: ep.identity });
    return { kind: 'redirect', dev: tunnel, ingress: false };
  }
  if (dp.config.enableHostLegacyRouting) return toStack(agent, skb, lxc, ep, info.identity, 'legacy host routing');
  return fibRedirect(agent, skb, lxc, ep, info.identity);
}

/** fib_redirect_v4: bpf_fib_lookup in the host namespace, TTL - 1, bpf_redirect_neigh to the egress device. */
function fibRedirect(agent: CiliumAgent, skb: Skb, lxc: NetDevice, ep: Endpoint, dstIdentity: number): TcVerdict {
  const dst = ipv4Dst(skb.data, L3_OFF);
  const out = routeOutput(agent.netns, { dst });
  if (!out.ok || out.value.isLocal) return tcDrop('FIB lookup failed');
  const dropped = ipv4L3(skb, undefined, undefined);
  if (dropped) return dropped;
  const { dev, nexthop, route } = out.value;
  if (isTracing(agent)) traceNotify(agent, skb, lxc, 'to-network', { program: PROG, srcIdentity: ep.identity, dstIdentity, egress: dev.name, nexthop, route: route.dst.prefixLen });
  return { kind: 'redirect-neigh', dev, nexthop };
}

function toStack(agent: CiliumAgent, skb: Skb, lxc: NetDevice, ep: Endpoint, dstIdentity: number, why: string): TcVerdict {
  if (isTracing(agent)) traceNotify(agent, skb, lxc, 'to-stack', { program: PROG, srcIdentity: ep.identity, dstIdentity, why });
  return TC_OK;
}

/** Inside ipv4-native-routing-cidr or any node's PodCIDR: the cluster's own address space. */
function inClusterRange(agent: CiliumAgent, dst: import('../../addr/index.js').Ipv4Addr): boolean {
  const native = agent.dp?.config.ipv4NativeRoutingCidr;
  return (native !== undefined && contains(native, dst)) || agent.cluster.nodeByPodIp(dst) !== undefined;
}

/** arp_respond (bpf/lib/arp.h): every ARP request from the pod is answered with the lxc's MAC. */
function arpRespond(agent: CiliumAgent, skb: Skb, lxc: NetDevice): TcVerdict {
  const b = skb.data;
  if (b.length < L3_OFF + 28 || arpOp(b, L3_OFF) !== ARPOP_REQUEST) return TC_OK;
  const reply = frameWith(emitArp(arp({ op: 2, sha: lxc.mac, spa: arpTpa(b, L3_OFF), tha: arpSha(b, L3_OFF), tpa: arpSpa(b, L3_OFF) })), ETH_P_ARP);
  setMacs(reply, arpSha(b, L3_OFF), lxc.mac);
  agent.netns.devQueueXmit(lxc, { data: reply, meta: newMeta(agent.netns.ctx.nextTraceId(), skb.meta.traceId) });
  return TC_STOLEN;
}
