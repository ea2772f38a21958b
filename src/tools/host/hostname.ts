// Layer tools (host): `hostname` (hostname 3.23): the name, -s short name, -f/-A FQDN (the name, no domain
// in the lab), -i the addresses the name resolves to (/etc/hosts), -I every global IPv4 address of the host.

import { formatIpv4 } from '../../addr/index.js';
import type { Tool } from '../process.js';
import { ipv6Addrs } from '../ip/ipv6-view.js';

export const hostname: Tool = async (p) => {
  const name = p.host.hostname;
  const opt = p.argv[1];
  if (opt === undefined || opt === '-f' || opt === '--fqdn' || opt === '--long' || opt === '-A' || opt === '--all-fqdns') {
    p.out(`${name}${opt === '-A' || opt === '--all-fqdns' ? ' ' : ''}\n`);
    return 0;
  }
  if (opt === '-s' || opt === '--short') {
    p.out(`${name.split('.')[0]}\n`);
    return 0;
  }
  if (opt === '-I' || opt === '--all-ip-addresses') {
    const ns = p.host.netns;
    // getifaddrs lists every IPv4 address, then every IPv6 one; -I skips loopback and link-local.
    const devs = [...(ns?.devices.values() ?? [])].sort((a, b) => a.ifindex - b.ifindex);
    const v4 = devs.flatMap((d) => d.addrs.filter((a) => a.scope !== 'host').map((a) => formatIpv4(a.local)));
    const v6 = devs.flatMap((d) => ipv6Addrs(d, ns?.now ?? 0).filter((a) => a.scope === 'global').map((a) => a.address));
    const addrs = [...v4, ...v6];
    p.out(addrs.map((a) => `${a} `).join('') + '\n');
    return 0;
  }
  if (opt === '-i' || opt === '--ip-address') {
    const hosts = p.host.readFile('/etc/hosts') ?? '';
    const ips = hosts
      .split('\n')
      .map((l) => l.replace(/#.*/, '').trim().split(/\s+/))
      .filter((f) => f.length > 1 && f.slice(1).includes(name))
      .map((f) => f[0]);
    if (ips.length === 0) {
      p.err('hostname: Name or service not known\n');
      return 1;
    }
    p.out(ips.join(' ') + ' \n');
    return 0;
  }
  if (opt.startsWith('-')) {
    p.err(`hostname: invalid option -- '${opt.replace(/^-+/, '')}'\n`);
    return 1;
  }
  p.err('hostname: you must be root to change the host name\n');
  return 1;
};
