// Layer cilium: cil_from_overlay (bpf/bpf_overlay.c), on the tunnel device's ingress after the kernel
// decapsulated a VXLAN/Geneve packet. The VNI is the sender's security identity. A local endpoint gets the
// inner packet directly (TTL - 1, the only decrement of a tunnelled pod-to-pod packet); traffic for the host
// itself goes up the stack.

import { ETH_P_IP, ethType, ipv4Dst } from '../../wire/index.js';
import { L3_OFF } from '../../net/frame.js';
import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import { TC_OK, tcDrop, type TcProgram, type TcVerdict } from '../../net/tc.js';
import type { CiliumAgent } from '../agent.js';
import { ID_HOST } from '../identity/numeric-identity.js';
import { ipcacheLookup } from '../ipcache.js';
import { localDelivery } from './l3.js';
import { traceNotify } from './trace.js';

const PROG = 'cil_from_overlay';

export function fromOverlay(agent: CiliumAgent): TcProgram {
  return {
    name: PROG,
    run(skb: Skb, dev: NetDevice): TcVerdict {
      if (ethType(skb.data) !== ETH_P_IP) return tcDrop('Unsupported L3 protocol');
      const srcIdentity = skb.meta.tunnelKey?.vni ?? 0;
      skb.meta.identity = srcIdentity;
      traceNotify(agent, skb, dev, 'from-overlay', { program: PROG, srcIdentity, vni: srcIdentity });
      const dst = ipv4Dst(skb.data, L3_OFF);
      const ep = agent.endpoints.get(dst);
      if (ep) return localDelivery(agent, skb, dev, ep, srcIdentity, 'overlay', PROG);
      if (ipcacheLookup(agent, dst).identity === ID_HOST) {
        skb.meta.pktTypeOverride = 'host';
        traceNotify(agent, skb, dev, 'to-stack', { program: PROG, srcIdentity, dstIdentity: ID_HOST });
        return TC_OK;
      }
      return tcDrop('Unknown L3 target address');
    },
  };
}
