// Layer net: ip_forward (net/ipv4/ip_forward.c) as ordered checks, each ending in a reason: a TTL of 1 or
// less earns "time exceeded in transit" and IP_INHDR; a DF packet larger than the path MTU earns
// "fragmentation needed" and PKT_TOO_BIG; otherwise the TTL is decremented and, after the host's
// forwarding delay, the packet leaves along its route.

import { IP_DF, decTtl, ipv4FragWord, ipv4TotalLen, ipv4Ttl } from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { icmpSendFragNeeded, icmpSendTimeExceeded } from './icmp-send.js';
import { ipOutput } from './ip-output.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import { routeMtu, type Route } from './route.js';
import type { Skb } from './skb.js';

export function ipForward(ns: Netns, dev: NetDevice, skb: Skb, route: Route): void {
  const ttl = ipv4Ttl(skb.data, L3_OFF);
  if (ttl <= 1) {
    icmpSendTimeExceeded(ns, skb, 0);
    return ns.drop(dev, skb, 'IP_INHDR', 'ip_forward', `ttl ${ttl} expired in transit`);
  }
  const mtu = routeMtu(route);
  if (ipv4TotalLen(skb.data, L3_OFF) > mtu && (ipv4FragWord(skb.data, L3_OFF) & IP_DF) !== 0) {
    icmpSendFragNeeded(ns, skb, mtu);
    return ns.drop(dev, skb, 'PKT_TOO_BIG', 'ip_forward', `length ${ipv4TotalLen(skb.data, L3_OFF)} > mtu ${mtu} with DF`);
  }
  decTtl(skb.data, L3_OFF);
  ns.afterForwardingDelay(forwardOutput, { ns, skb, route });
}

/** ip_forward_finish: the packet leaves along its route. */
function forwardOutput(f: { readonly ns: Netns; readonly skb: Skb; readonly route: Route }): void {
  ipOutput(f.ns, f.skb, f.route);
}
