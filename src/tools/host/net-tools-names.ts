// Layer tools (host): the names net-tools 2.10 prints for IPv4 addresses (lib/inet.c INET_rresolve): "default"
// or "*" for 0.0.0.0/0, networks from /etc/networks, hosts from /etc/hosts and then, on a VM whose resolver is
// systemd-resolved's stub, the PTR records resolved synthesizes (resolved-dns-synthesize.c: localhost, the
// hostname for local addresses, _gateway for default-route gateways, _localdnsstub/_localdnsproxy).

import { formatIpv4, parseIpv4, prefixMask, type Ipv4Addr } from '../../addr/index.js';
import { parseResolvConf } from '../../apps/index.js';
import { parseHostsByAddr } from '../../capture/print/print-names.js';
import { RT_TABLE_MAIN } from '../../net/route.js';
import { udpDiag } from '../../net/udp-diag.js';
import type { Process } from '../process.js';

/** Ubuntu 24.04's /etc/networks. */
const UBUNTU_NETWORKS = '# symbolic names for networks, see networks(5) for more information\nlink-local 169.254.0.0\n';
const STUB = parseIpv4('127.0.0.53');
const PROXY_STUB = parseIpv4('127.0.0.54');

export interface InetNames {
  /**
   * INET_rresolve: `mask` says which bits are the network; `host` forces a host lookup (RTF_HOST, gateways).
   * INET_sprint passes 0xffffff00 compared in network order, so without a mask only the first octet counts.
   */
  name(addr: Ipv4Addr, opts: { numeric: boolean; defaultName?: boolean; mask?: number; host?: boolean }): string;
}

export function inetNames(p: Process): InetNames {
  const cache = new Map<string, string>();
  const hosts = parseHostsByAddr(p.host.readFile('/etc/hosts') ?? '');
  const networks = parseNetworks(p.host.readFile('/etc/networks') ?? UBUNTU_NETWORKS);
  return {
    name(addr, { numeric, defaultName = false, mask = 0x00ffffff, host = false }) {
      if (numeric) return formatIpv4(addr);
      if (addr === 0) return mask === 0 ? (defaultName ? 'default' : '*') : '0.0.0.0';
      const isHost = host || ((addr & ~mask) >>> 0) !== 0;
      const key = `${isHost} ${addr}`;
      let name = cache.get(key);
      if (name === undefined) {
        name = (isHost ? (hosts.get(addr >>> 0) ?? resolvedPtr(p, addr)) : networks.get(addr >>> 0)) ?? formatIpv4(addr);
        cache.set(key, name);
      }
      return name;
    },
  };
}

/** getnetbyaddr over a networks file: "name number" lines, numbers as inet_network reads them. */
function parseNetworks(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const raw of text.split('\n')) {
    const [name, num] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const parts = num?.split('.').map(Number) ?? [];
    if (!name || parts.length === 0 || parts.length > 4 || parts.some((n) => !Number.isInteger(n) || n < 0 || n > 255)) continue;
    const net = parts.reduce((a, b) => a * 256 + b, 0) * 256 ** (4 - parts.length);
    if (!out.has(net)) out.set(net, name);
  }
  return out;
}

/** The PTR answer of resolved's stub, when the host's resolv.conf points at it and it listens. */
function resolvedPtr(p: Process, addr: Ipv4Addr): string | undefined {
  const ns = p.host.netns;
  const conf = parseResolvConf(p.host.readFile('/etc/resolv.conf') ?? '', 'glibc');
  if (!ns || conf.nameservers[0] !== STUB || !udpDiag(ns, 'inet').some((d) => d.localAddr === STUB && d.localPort === 53)) return undefined;
  const a = addr >>> 0;
  if (a === 0x7f000001) return 'localhost';
  const local = [...ns.devices.values()].some((d) => d.addrs.some((x) => x.local >>> 0 === a && x.scope !== 'host'));
  if (a === 0x7f000002 || local) return p.host.hostname;
  const main = ns.fib.tables.get(RT_TABLE_MAIN);
  if (main?.exact(0 as Ipv4Addr, 0).some((r) => r.type === 'unicast' && r.gateway !== undefined && r.gateway >>> 0 === a)) return '_gateway';
  if (a === STUB) return '_localdnsstub';
  if (a === PROXY_STUB) return '_localdnsproxy';
  return undefined;
}

/** The netmask of a prefix length as INET_rresolve compares it. */
export function maskOf(prefixLen: number): number {
  return prefixMask(prefixLen) >>> 0;
}
