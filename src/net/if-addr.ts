// Layer net: an IPv4 interface address (struct in_ifaddr) as `ip addr` shows it: local address, prefix
// length, broadcast, scope, label, and the flags and lifetimes DHCP leaves (dynamic, metric, valid_lft).

import type { Ipv4Addr } from '../addr/index.js';

export type AddrScope = 'global' | 'site' | 'link' | 'host';

export interface IfAddr {
  readonly local: Ipv4Addr;
  readonly prefixLen: number;
  readonly broadcast: Ipv4Addr | undefined;
  readonly scope: AddrScope;
  readonly label: string;
  /** Route metric for the prefix route (netplan/dhcp sets 100 on eth0). */
  readonly metric: number;
  /** `dynamic`: the address came from DHCP and has a finite lifetime. */
  readonly dynamic: boolean;
  /** Lifetimes in seconds at `sinceUs` (undefined = forever). */
  readonly validLftS: number | undefined;
  readonly preferredLftS: number | undefined;
  readonly sinceUs: number;
  /** `noprefixroute`: the kernel adds no prefix route for this address. */
  readonly noPrefixRoute: boolean;
  /** A secondary address (same subnet as an earlier one on the device). */
  readonly secondary: boolean;
}
