// Layer cilium: the programs on the native devices (bpf/bpf_host.c). cil_from_netdev (ingress) reverses
// masquerading, hands packets for local endpoints straight to the pod (TTL - 1, bpf_redirect_peer), and lets
// everything else up the stack (the node's own traffic, tunnel packets for the kernel's VXLAN socket).
// cil_to_netdev (egress) masquerades pod traffic leaving the cluster's address space.

import { contains } from '../../addr/index.js';
import { ETH_P_IP, ethType, ipv4Dst, ipv4Src } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import { TC_OK, type TcProgram, type TcVerdict } from '../../net/tc.js';
import type { CiliumAgent } from '../agent.js';
import { ipcacheLookup } from '../ipcache.js';
import { localDelivery } from './l3.js';
import { traceNotify } from './trace.js';

export function fromNetdev(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_from_netdev',
    run(skb: Skb, dev: NetDevice): TcVerdict {
      if (ethType(skb.data) !== ETH_P_IP || !agent.dp) return TC_OK;
      if (agent.snat.size > 0 && isDeviceAddr(dev, ipv4Dst(skb.data, L3_OFF))) agent.snat.revSnat(skb.data);
      const dst = ipv4Dst(skb.data, L3_OFF);
      const ep = agent.endpoints.get(dst);
      if (!ep) return TC_OK;
      const srcIdentity = ipcacheLookup(agent, ipv4Src(skb.data, L3_OFF)).identity;
      traceNotify(agent, skb, dev, 'from-network', { program: 'cil_from_netdev', srcIdentity });
      return localDelivery(agent, skb, dev, ep, srcIdentity, 'network', 'cil_from_netdev');
    },
  };
}

export function toNetdev(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_to_netdev',
    run(skb: Skb, dev: NetDevice): TcVerdict {
      const c = agent.dp?.config;
      if (!c || ethType(skb.data) !== ETH_P_IP || !c.enableIpv4Masquerade || !c.enableBpfMasquerade) return TC_OK;
      const src = ipv4Src(skb.data, L3_OFF);
      const dst = ipv4Dst(skb.data, L3_OFF);
      if (!agent.podCidr || !contains(agent.podCidr, src) || src === agent.routerIp) return TC_OK;
      if (c.ipv4NativeRoutingCidr && contains(c.ipv4NativeRoutingCidr, dst)) return TC_OK;
      if (agent.cluster.nodeByAddr(dst)) return TC_OK;
      const natIp = dev.addrs.find((a) => a.scope === 'global')?.local;
      if (natIp === undefined) return TC_OK;
      if (agent.snat.snat(skb.data, natIp)) {
        traceNotify(agent, skb, dev, 'to-network', { program: 'cil_to_netdev', srcIdentity: skb.meta.identity, masquerade: natIp });
      }
      return TC_OK;
    },
  };
}

function isDeviceAddr(dev: NetDevice, ip: number): boolean {
  for (const a of dev.addrs) if (a.local === ip) return true;
  return false;
}
