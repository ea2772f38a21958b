// Layer apps: /etc/hosts lookups as getaddrinfo does them before DNS (musl name_from_hosts, glibc
// nss_files): every line whose names include the host, case-insensitively, in file order. IPv6 lines
// are returned as text; the emulated network carries IPv4 only.

import { parseIpv4, type Ipv4Addr } from '../../addr/index.js';

export interface HostsMatch {
  readonly v4: readonly Ipv4Addr[];
  readonly v6: readonly string[];
  /** The first name of the first matching line (what getaddrinfo reports as the canonical name). */
  readonly canonName: string | undefined;
}

export function lookupHosts(hostsText: string, name: string): HostsMatch {
  const want = name.replace(/\.$/, '').toLowerCase();
  const v4: Ipv4Addr[] = [];
  const v6: string[] = [];
  let canonName: string | undefined;
  for (const raw of hostsText.split('\n')) {
    const [addr, ...names] = raw.replace(/#.*$/, '').trim().split(/\s+/);
    if (addr === undefined || addr === '' || !names.some((n) => n.toLowerCase() === want)) continue;
    const a = parseIpv4(addr);
    if (a !== undefined) {
      if (!v4.includes(a)) v4.push(a);
    } else if (addr.includes(':')) {
      if (!v6.includes(addr)) v6.push(addr);
    } else continue;
    canonName ??= names[0];
  }
  return { v4, v6, canonName };
}
