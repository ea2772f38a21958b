// Layer cilium: the programs on the native devices (bpf/bpf_host.c). cil_from_netdev (ingress) reverses
// source NAT, hands packets for local endpoints straight to the pod (TTL - 1, bpf_redirect_peer), and lets
// everything else up the stack (the node's own traffic, tunnel packets for the kernel's VXLAN socket).
// cil_to_netdev (egress) source-NATs what snatDecision picks: the host's own connections, pods' traffic
// leaving the cluster's address space. Overlay packets (the tunnel device's mark) pass untouched.

import { ETH_P_IP, ethType, ipv4Dst, ipv4Src } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import { TC_OK, tcDrop, type TcProgram, type TcVerdict } from '../../net/tc.js';
import type { CiliumAgent } from '../agent.js';
import { ipcacheLookup } from '../ipcache.js';
import { localDelivery } from './l3.js';
import { isOverlayMark } from './mark.js';
import { snatDecision } from './masquerade.js';
import { snatV4Nat, snatV4RevNat } from './snat.js';
import { isTracing, traceNotify } from './trace.js';

export function fromNetdev(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_from_netdev',
    run(skb: Skb, dev: NetDevice): TcVerdict {
      if (ethType(skb.data) !== ETH_P_IP || !agent.dp) return TC_OK;
      if (agent.nat.map.size > 0 && isDeviceAddr(dev, ipv4Dst(skb.data, L3_OFF))) snatV4RevNat(agent, skb.data, agent.dp.config.conntrack);
      const dst = ipv4Dst(skb.data, L3_OFF);
      const ep = agent.endpoints.get(dst);
      if (!ep) return TC_OK;
      const srcIdentity = ipcacheLookup(agent, ipv4Src(skb.data, L3_OFF)).identity;
      if (isTracing(agent)) traceNotify(agent, skb, dev, 'from-network', { program: 'cil_from_netdev', srcIdentity });
      return localDelivery(agent, skb, dev, ep, srcIdentity, 'network', 'cil_from_netdev');
    },
  };
}

export function toNetdev(agent: CiliumAgent): TcProgram {
  return {
    name: 'cil_to_netdev',
    run(skb: Skb, dev: NetDevice): TcVerdict {
      const dp = agent.dp;
      if (!dp || ethType(skb.data) !== ETH_P_IP || isOverlayMark(skb.meta.mark)) return TC_OK;
      const d = snatDecision(agent, skb.data, dev);
      if (!d) return TC_OK;
      const r = snatV4Nat(agent, skb.data, d.target, dp.config.conntrack, { isFromLocalEndpoint: d.isFromLocalEndpoint });
      if (r === 'xlated' && d.isFromLocalEndpoint) {
        if (isTracing(agent)) traceNotify(agent, skb, dev, 'to-network', { program: 'cil_to_netdev', srcIdentity: skb.meta.identity, masquerade: d.target.addr });
      }
      return r === 'xlated' || r === 'punt' ? TC_OK : tcDrop(r);
    },
  };
}

function isDeviceAddr(dev: NetDevice, ip: number): boolean {
  for (const a of dev.addrs) if (a.local === ip) return true;
  return false;
}
