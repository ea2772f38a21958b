// Layer cilium: which packets leaving a native device cil_to_netdev source-NATs (nodeport_snat_fwd_ipv4,
// snat_v4_needs_masquerade). The host's own TCP/UDP from the node IP on the direct-routing device, and with
// BPF masquerading anything from the device's address, is tracked and keeps its port unless a masqueraded
// pod holds it (needs_ct). Local pods' connections to outside ipv4-native-routing-cidr are masqueraded to
// the device's address — not replies, not towards remote nodes in native routing (in tunnel mode they are).

import { contains, type Ipv4Addr } from '../../addr/index.js';
import { IPPROTO_TCP, IPPROTO_UDP, ipv4Dst, ipv4Protocol, ipv4Src } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { CiliumAgent } from '../agent.js';
import { ctPacket4 } from './conntrack/ct-tuple.js';
import type { NatTarget } from './nat/nat-map.js';
import { NAT_PORT_MAX, NAT_PORT_MIN } from './snat.js';

export interface SnatDecision {
  readonly target: NatTarget;
  readonly isFromLocalEndpoint: boolean;
}

/** undefined: NAT_PUNT_TO_STACK. */
export function snatDecision(agent: CiliumAgent, frame: Uint8Array, dev: NetDevice): SnatDecision | undefined {
  const c = agent.dp?.config;
  if (!c?.kubeProxyReplacement) return undefined;
  const src = ipv4Src(frame, L3_OFF);
  // nodeport_has_nat_conflict_ipv4: bpf_host on the direct-routing device, the node IP as source.
  const proto = ipv4Protocol(frame, L3_OFF);
  if ((proto === IPPROTO_TCP || proto === IPPROTO_UDP) && src === agent.nodeIp && hasAddr(dev, src)) return hostTarget(src);
  if (!c.enableIpv4Masquerade || !c.enableBpfMasquerade) return undefined;
  const masqIp = globalAddr(dev);
  if (masqIp === undefined) return undefined;
  if (src === masqIp) return hostTarget(src);
  // A pod's address is never the device's: what is left of snat_v4_needs_masquerade is about local pods.
  const dst = ipv4Dst(frame, L3_OFF);
  const exclusion = c.ipv4NativeRoutingCidr ?? agent.podCidr;
  if (exclusion && contains(exclusion, dst)) return undefined;
  if (!agent.endpoints.has(src)) return undefined;
  if (agent.cluster.nodeByAddr(dst) && c.routingMode === 'native') return undefined;
  const p = ctPacket4(frame, L3_OFF);
  if (typeof p === 'object' && agent.ct.isReply4(p)) return undefined;
  return { target: { addr: masqIp, minPort: NAT_PORT_MIN, maxPort: NAT_PORT_MAX, needsCt: false }, isFromLocalEndpoint: true };
}

function hostTarget(addr: Ipv4Addr): SnatDecision {
  return { target: { addr, minPort: NAT_PORT_MIN, maxPort: NAT_PORT_MAX, needsCt: true }, isFromLocalEndpoint: false };
}

/** nat_ipv4_masquerade of the device: its first global address. */
function globalAddr(dev: NetDevice): Ipv4Addr | undefined {
  for (const a of dev.addrs) if (a.scope === 'global') return a.local;
  return undefined;
}

function hasAddr(dev: NetDevice, ip: Ipv4Addr): boolean {
  for (const a of dev.addrs) if (a.local === ip) return true;
  return false;
}
