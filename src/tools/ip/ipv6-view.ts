// Layer tools (ip): the IPv6 addresses a real 6.8 kernel shows although the lab's core is IPv4-only:
// `::1/128` on lo, an EUI-64 link-local (addrconf, addrgenmode eui64) on every other device that is up with
// carrier, and on the VirtualBox NAT NIC the SLAAC address from its router advertisements (fd17:625c:f037:2::/64).

import { eui64 } from '../../addr/index.js';
import { EthernetDevice } from '../../net/devices/ethernet.js';
import { NatUplink } from '../../net/nat-uplink.js';
import type { NetDevice } from '../../net/net-device.js';

export interface Ipv6AddrView {
  readonly address: string;
  readonly prefixLen: number;
  readonly scope: 'host' | 'link' | 'global';
  /** Flags as print_ifa_flags names them, in its order. */
  readonly flags: readonly string[];
  /** Seconds left, undefined for forever. */
  readonly validLftS: number | undefined;
  readonly preferredLftS: number | undefined;
}

/** VirtualBox NAT's IPv6 prefix and its RA lifetimes (valid 1 day, preferred 4 h). */
const NAT_PREFIX = [0xfd17, 0x625c, 0xf037, 0x2];
const RA_VALID_S = 86400;
const RA_PREFERRED_S = 14400;
/** How often the NAT engine sends an unsolicited router advertisement. */
const RA_INTERVAL_S = 600;

export function ipv6Addrs(dev: NetDevice, nowUs: number): Ipv6AddrView[] {
  if (dev.kind === 'loopback') return [{ address: '::1', prefixLen: 128, scope: 'host', flags: ['noprefixroute'], validLftS: undefined, preferredLftS: undefined }];
  if (!dev.isUp || !dev.hasCarrier) return [];
  const iid = eui64(dev.mac).split(':').map((g) => parseInt(g, 16));
  const ll: Ipv6AddrView = { address: formatIpv6([0xfe80, 0, 0, 0, ...iid]), prefixLen: 64, scope: 'link', flags: [], validLftS: undefined, preferredLftS: undefined };
  if (!(dev instanceof EthernetDevice && dev.medium instanceof NatUplink)) return [ll];
  const bootUs = Math.min(...dev.addrs.map((a) => a.sinceUs), nowUs);
  const sinceRa = Math.floor((nowUs - bootUs) / 1_000_000) % RA_INTERVAL_S;
  const slaac: Ipv6AddrView = {
    address: formatIpv6([...NAT_PREFIX, ...iid]),
    prefixLen: 64,
    scope: 'global',
    flags: ['dynamic', 'mngtmpaddr', 'noprefixroute'],
    validLftS: RA_VALID_S - sinceRa,
    preferredLftS: RA_PREFERRED_S - sinceRa,
  };
  return [slaac, ll];
}

/** inet_ntop (RFC 5952): lowercase hex groups, the longest run of two or more zero groups as "::". */
export function formatIpv6(groups: readonly number[]): string {
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < groups.length; ) {
    let j = i;
    while (j < groups.length && groups[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j === i ? i + 1 : j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}
