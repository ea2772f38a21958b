// Layer apps: what Go's net.Interfaces() + Interface.Addrs() list in a namespace, the source of whoami's
// "IP:" lines: interfaces by ifindex; per interface its IPv4 addresses, then its IPv6 ones. The model is
// IPv4-only, so IPv6 is what Linux adds by itself: ::1 on lo and, on an up device with a MAC, the
// fe80:: link-local address built from the MAC by modified EUI-64 (RFC 4291 App. A).

import { formatIpv4, linkLocalFromMac, MAC_ZERO } from '../addr/index.js';
import type { Netns } from '../net/netns.js';

export function interfaceIps(ns: Netns, opts: { readonly ipv6?: boolean } = {}): string[] {
  const ipv6 = opts.ipv6 ?? true;
  const out: string[] = [];
  const devs = [...ns.devices.values()].sort((a, b) => a.ifindex - b.ifindex);
  for (const d of devs) {
    for (const a of d.addrs) out.push(formatIpv4(a.local));
    if (!ipv6) continue;
    if (d.kind === 'loopback') {
      if (d.isUp) out.push('::1');
    } else if (d.isUp && d.mac !== MAC_ZERO) out.push(linkLocalFromMac(d.mac));
  }
  return out;
}
