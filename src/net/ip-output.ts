// Layer net: the IPv4 output path (net/ipv4/ip_output.c). ipOutput sends a packet along a route: it
// fragments when the packet exceeds the path MTU and DF is clear (ip_fragment), then ip_finish_output2
// addresses the frame to the next hop: loopback and NOARP devices need no resolution, others ask ARP.

import type { Ipv4Addr } from '../addr/index.js';
import { IP_DF, ipv4Dst, ipv4FragWord, ipv4TotalLen } from '../wire/index.js';
import { L3_OFF, setMacs } from './frame.js';
import { fragmentIpv4 } from './ip-fragment.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import { routeMtu, usesGateway, type Route } from './route.js';
import type { Skb } from './skb.js';

/** ip_output for a packet already routed by `route` (forwarded, or a local packet that passed its MTU check). */
export function ipOutput(ns: Netns, skb: Skb, route: Route): void {
  const dev = route.dev;
  if (!dev) return ns.drop(undefined, skb, 'IP_OUTNOROUTES', 'ip_output');
  const dst = ipv4Dst(skb.data, L3_OFF);
  const nexthop = usesGateway(route) && route.gateway !== undefined ? route.gateway : dst;
  const mtu = routeMtu(route);
  if (ipv4TotalLen(skb.data, L3_OFF) > mtu && (ipv4FragWord(skb.data, L3_OFF) & IP_DF) === 0) {
    for (const frag of fragmentIpv4(skb, mtu)) neighOutput(ns, dev, nexthop, frag);
    return;
  }
  neighOutput(ns, dev, nexthop, skb);
}

/** ip_finish_output2: fill in the Ethernet header for `nexthop` on `dev` and transmit. */
export function neighOutput(ns: Netns, dev: NetDevice, nexthop: Ipv4Addr, skb: Skb): void {
  if (dev.kind === 'loopback') {
    setMacs(skb.data, dev.mac, dev.mac);
    return ns.devQueueXmit(dev, skb);
  }
  if (dev.isNoArp || dev.kind === 'vxlan' || dev.kind === 'geneve') {
    setMacs(skb.data, dev.mac, dev.mac);
    return ns.devQueueXmit(dev, skb);
  }
  ns.neigh.output(dev, nexthop, skb);
}
