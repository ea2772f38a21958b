// Layer cilium: the programs on the tunnel device (bpf/bpf_overlay.c). cil_from_overlay, on its ingress
// after the kernel decapsulated a VXLAN/Geneve packet: the VNI is the sender's security identity; a local
// endpoint gets the inner packet directly (TTL - 1, the only decrement of a tunnelled pod-to-pod packet),
// traffic for the host itself goes up the stack. cil_to_overlay, on its egress: the overlay mark, and the
// host's TCP/UDP from the router IP tracked and port-reserved like the host's own connections on netdevs.

import { ETH_P_IP, IPPROTO_TCP, IPPROTO_UDP, ethType, ipv4Dst, ipv4Protocol, ipv4Src } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import { TC_OK, tcDrop, type TcProgram, type TcVerdict } from '../../net/tc.js';
import type { CiliumAgent } from '../agent.js';
import { ID_HOST } from '../identity/numeric-identity.js';
import { ipcacheLookup } from '../ipcache.js';
import { localDelivery } from './l3.js';
import { MARK_MAGIC_OVERLAY, identityMark } from './mark.js';
import { NAT_PORT_MAX, NAT_PORT_MIN, snatV4Nat } from './snat.js';
import { isTracing, traceNotify } from './trace.js';

const PROG = 'cil_from_overlay';

export function fromOverlay(agent: CiliumAgent): TcProgram {
  return {
    name: PROG,
    run(skb: Skb, dev: NetDevice): TcVerdict {
      if (ethType(skb.data) !== ETH_P_IP) return tcDrop('Unsupported L3 protocol');
      const srcIdentity = skb.meta.tunnelKey?.vni ?? 0;
      skb.meta.identity = srcIdentity;
      if (isTracing(agent)) traceNotify(agent, skb, dev, 'from-overlay', { program: PROG, srcIdentity, vni: srcIdentity });
      const dst = ipv4Dst(skb.data, L3_OFF);
      const ep = agent.endpoints.get(dst);
      if (ep) return localDelivery(agent, skb, dev, ep, srcIdentity, 'overlay', PROG);
      if (ipcacheLookup(agent, dst).identity === ID_HOST) {
        skb.meta.pktTypeOverride = 'host';
        if (isTracing(agent)) traceNotify(agent, skb, dev, 'to-stack', { program: PROG, srcIdentity, dstIdentity: ID_HOST });
        return TC_OK;
      }
      return tcDrop('Unknown L3 target address');
    },
  };
}

/** cil_to_overlay: set_identity_mark(MARK_MAGIC_OVERLAY), then handle_nat_fwd (nodeport_has_nat_conflict_ipv4's IPV4_GATEWAY case). */
export function toOverlay(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_to_overlay',
    run(skb: Skb): TcVerdict {
      skb.meta.mark = identityMark(skb.meta.tunnelKey?.vni ?? 0, MARK_MAGIC_OVERLAY);
      const dp = agent.dp;
      if (!dp?.config.kubeProxyReplacement || ethType(skb.data) !== ETH_P_IP || agent.routerIp === undefined) return TC_OK;
      const proto = ipv4Protocol(skb.data, L3_OFF);
      if ((proto !== IPPROTO_TCP && proto !== IPPROTO_UDP) || ipv4Src(skb.data, L3_OFF) !== agent.routerIp) return TC_OK;
      const target = { addr: agent.routerIp, minPort: NAT_PORT_MIN, maxPort: NAT_PORT_MAX, needsCt: true };
      const r = snatV4Nat(agent, skb.data, target, dp.config.conntrack, { isFromLocalEndpoint: false });
      return r === 'xlated' || r === 'punt' ? TC_OK : tcDrop(r);
    },
  };
}
