// Layer cilium: the programs on cilium_host (bpf/bpf_host.c). cil_from_host runs on its egress — packets the
// kernel routed "via <router IP> dev cilium_host": a local endpoint gets them from the lxc device; in tunnel
// mode a known remote destination is encapsulated (host traffic carries VNI 6); anything else continues out
// of cilium_host into cilium_net and back into the stack, where cil_to_host marks it for this host. While an
// agent restarts into tunnel mode that fallback meets the route back to cilium_host: a loop that ends when
// the kernel's TTL check answers "time exceeded" from the router IP.

import { contains } from '../../addr/index.js';
import { ETH_P_IP, ethType, ipv4Dst, ipv4Src } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import { TC_OK, tcDrop, type TcProgram, type TcVerdict } from '../../net/tc.js';
import type { CiliumAgent } from '../agent.js';
import { ipcacheLookup, wireIdentity } from '../ipcache.js';
import { localDelivery } from './l3.js';
import { isTracing, traceNotify } from './trace.js';

export function fromHost(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_from_host',
    run(skb: Skb, dev: NetDevice): TcVerdict {
      if (ethType(skb.data) !== ETH_P_IP || !agent.dp) return TC_OK;
      const src = ipv4Src(skb.data, L3_OFF);
      const dst = ipv4Dst(skb.data, L3_OFF);
      const srcIdentity = ipcacheLookup(agent, src).identity;
      if (isTracing(agent)) traceNotify(agent, skb, dev, 'from-host', { program: 'cil_from_host', srcIdentity });
      const ep = agent.endpoints.get(dst);
      if (ep) return localDelivery(agent, skb, dev, ep, srcIdentity, 'host', 'cil_from_host');
      if (agent.podCidr && contains(agent.podCidr, dst) && dst !== agent.routerIp) return tcDrop('Unknown L3 target address');
      const info = ipcacheLookup(agent, dst);
      const tunnel = agent.devices?.tunnel;
      if (agent.dp.config.routingMode === 'tunnel' && agent.synced && tunnel && info.tunnelEndpoint !== undefined) {
        const vni = wireIdentity(srcIdentity);
        skb.meta.tunnelKey = { vni, remote: info.tunnelEndpoint, ttl: 64 };
        if (isTracing(agent)) traceNotify(agent, skb, dev, 'to-overlay', { program: 'cil_from_host', srcIdentity, dstIdentity: info.identity, tunnelEndpoint: info.tunnelEndpoint, vni });
        return { kind: 'redirect', dev: tunnel, ingress: false };
      }
      if (isTracing(agent)) traceNotify(agent, skb, dev, 'to-stack', {
        program: 'cil_from_host',
        srcIdentity,
        dstIdentity: info.identity,
        why: agent.synced ? 'no tunnel endpoint: back into the stack through cilium_net' : 'agent restarting: ipcache not yet synced, back into the stack through cilium_net',
      });
      return TC_OK;
    },
  };
}

/** cil_to_host: what leaves cilium_host arrives on cilium_net for this host (ctx_change_type PACKET_HOST). */
export function toHost(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_to_host',
    run(skb: Skb, dev: NetDevice): TcVerdict {
      skb.meta.pktTypeOverride = 'host';
      // bpf_host.c's cil_to_host reports TRACE_TO_STACK.
      if (ethType(skb.data) === ETH_P_IP && isTracing(agent)) traceNotify(agent, skb, dev, 'to-stack', { program: 'cil_to_host', srcIdentity: skb.meta.identity });
      return TC_OK;
    },
  };
}
