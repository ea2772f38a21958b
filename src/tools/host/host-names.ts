// Layer tools (host): reverse lookups the probing tools make, answered from the host's /etc/hosts (the lab
// has no reachable DNS server: the NAT's 10.0.2.3 leads nowhere).

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Process } from '../process.js';

export function hostName(p: Process, addr: Ipv4Addr): string | undefined {
  const ip = formatIpv4(addr);
  for (const line of (p.host.readFile('/etc/hosts') ?? '').split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f[0] === ip && f[1] !== undefined) return f[1];
  }
  return undefined;
}

/** The address /etc/hosts gives a name. */
export function lookupHost(p: Process, name: string): Ipv4Addr | undefined {
  for (const line of (p.host.readFile('/etc/hosts') ?? '').split('\n')) {
    const f = line.replace(/#.*/, '').trim().split(/\s+/);
    if (f.slice(1).includes(name)) return parseIpv4(f[0] ?? '');
  }
  return undefined;
}
