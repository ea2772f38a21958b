// Layer net: how a namespace's neighbour table talks to the rest of the stack (arp_tbl's ops): a
// solicitation is an ARP request, a resolved packet leaves with the neighbour's MAC, and a packet whose
// neighbour never answered dies with NEIGH_FAILED after the kernel reports "host unreachable" to its sender.

import { ipv4Dst } from '../wire/index.js';
import { arpSolicit } from './arp.js';
import { L3_OFF, setMacs } from './frame.js';
import { icmpSendHostUnreachable } from './icmp-send.js';
import type { NeighOps } from './neigh-table.js';
import type { Netns } from './netns.js';

export function neighOps(ns: Netns): NeighOps {
  return {
    solicit: (e, unicast) => arpSolicit(ns, e, unicast),
    transmit: (e, skb) => {
      if (e.lladdr === undefined) return;
      setMacs(skb.data, e.lladdr, e.dev.mac);
      ns.devQueueXmit(e.dev, skb);
    },
    fail: (e, skb) => {
      icmpSendHostUnreachable(ns, skb);
      ns.drop(e.dev, skb, 'NEIGH_FAILED', 'neigh_invalidate', `no ARP reply from ${ipv4Dst(skb.data, L3_OFF) === e.ip ? 'the destination' : 'the gateway'}`);
    },
  };
}
