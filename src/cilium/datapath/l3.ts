// Layer cilium: the L3 helpers the programs share (bpf/lib/l3.h): ipv4_l3 decrements the TTL (dropping an
// expired packet silently with DROP_TTL_EXCEEDED: BPF sends no ICMP) and rewrites the MACs;
// ipv4_local_delivery hands a packet to a local endpoint through the endpoint's ingress policy program
// (its conntrack) — into the pod's eth0 with bpf_redirect_peer, or out of the lxc device from the host.

import type { MacAddr } from '../../addr/index.js';
import { decTtl, ipv4Ttl } from '../../wire/index.js';
import { L3_OFF, setMacs } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import { tcDrop, type TcVerdict } from '../../net/tc.js';
import type { CiliumAgent } from '../agent.js';
import type { Endpoint } from '../endpoint.js';
import { lxcIngressCt, type DeliveredFrom } from './lxc-ct.js';
import { isTracing, traceNotify } from './trace.js';

/** ipv4_l3: TTL - 1 and new MACs; undefined when the packet may go on, else the drop verdict. */
export function ipv4L3(skb: Skb, dst: MacAddr | undefined, src: MacAddr | undefined): TcVerdict | undefined {
  if (ipv4Ttl(skb.data, L3_OFF) <= 1) return tcDrop('TTL exceeded');
  decTtl(skb.data, L3_OFF);
  if (dst !== undefined && src !== undefined) setMacs(skb.data, dst, src);
  return undefined;
}

export function localDelivery(agent: CiliumAgent, skb: Skb, dev: NetDevice, ep: Endpoint, srcIdentity: number, from: DeliveredFrom, program: string): TcVerdict {
  const dropped = ipv4L3(skb, ep.podDev.mac, ep.lxc.mac);
  if (dropped) return dropped;
  const ctDrop = lxcIngressCt(agent, skb, srcIdentity, from);
  if (ctDrop) return tcDrop(ctDrop);
  skb.meta.identity = srcIdentity;
  if (isTracing(agent)) traceNotify(agent, skb, dev, 'to-endpoint', { program, srcIdentity, dstIdentity: ep.identity, endpoint: ep.id, pod: `${ep.namespace}/${ep.podName}` });
  if (from === 'host') return { kind: 'redirect', dev: ep.lxc, ingress: false };
  return { kind: 'redirect-peer', dev: ep.lxc };
}
