// Layer cilium: the conntrack steps of bpf/bpf_lxc.c. Everything a pod sends passes TAIL_CT_LOOKUP4 with
// CT_EGRESS, everything delivered to it the endpoint's policy program (ipv4_policy) with CT_INGRESS, both
// SCOPE_BIDIR. A packet of no known connection creates its entry once policy allowed it (no policy is
// modelled: all is allowed), with a related ICMP entry in the non-TCP map; src_sec_id is the pod's identity
// on egress, the sender's on ingress, and an ingress entry of tunnelled traffic is flagged FromTunnel.

import type { DropReason } from '../../net/drop-reason.js';
import { L3_OFF } from '../../net/frame.js';
import type { Skb } from '../../net/skb.js';
import type { CiliumAgent } from '../agent.js';
import type { CtCreateState, CtDir } from './conntrack/conntrack.js';
import { ctPacket4 } from './conntrack/ct-tuple.js';

/** Where ipv4_local_delivery's caller got the packet: a pod, the host, a native device, the tunnel. */
export type DeliveredFrom = 'endpoint' | 'host' | 'network' | 'overlay';

/** The pod's egress: undefined to go on, or the drop. */
export function lxcEgressCt(agent: CiliumAgent, skb: Skb, identity: number): DropReason | undefined {
  return trackConnection(agent, skb, 'egress', identity, false /* isFromTunnel */);
}

/** The pod's ingress (ipv4_policy) for a packet local delivery got `from` there: undefined to go on, or the drop. */
export function lxcIngressCt(agent: CiliumAgent, skb: Skb, srcIdentity: number, from: DeliveredFrom): DropReason | undefined {
  return trackConnection(agent, skb, 'ingress', srcIdentity, from === 'overlay');
}

/** The lookup, and on a new connection ct_create4 (a per-packet object only then). */
function trackConnection(agent: CiliumAgent, skb: Skb, dir: CtDir, srcSecId: number, isFromTunnel: boolean): DropReason | undefined {
  const c = agent.dp?.config.conntrack;
  if (!c) return undefined;
  const p = ctPacket4(skb.data, L3_OFF);
  if (p === undefined) return undefined;
  if (typeof p === 'string') return p;
  if (agent.ct.lookup4(p, dir, 'bidir', c) !== 'new') return undefined;
  const state: CtCreateState = { srcSecId, isFromTunnel };
  agent.ct.create4(p, dir, state, c, { withRelated: true });
  return undefined;
}
