// Layer capture (filter): the name lookups libpcap's nametoaddr.c makes while compiling: host names through
// getaddrinfo() (the host's /etc/hosts; the lab has no DNS for hosts), services through getaddrinfo()'s
// /etc/services (TCP and UDP looked up separately, as pcap_nametoport() does), protocols through
// getprotobyname() (/etc/protocols), networks through /etc/networks, and the ethertype names of eproto_db.

import { NETBASE_PROTOCOLS, NETBASE_SERVICES } from '../netbase-files.js';

export interface FilterNames {
  /** IPv4 addresses of a host name, in /etc/hosts order. */
  hostAddrs(name: string): number[];
  /** The port of a service name for one protocol. */
  servicePort(name: string, proto: 'tcp' | 'udp'): number | undefined;
  protocolNumber(name: string): number | undefined;
  networkAddr(name: string): number | undefined;
}

export interface NameFiles {
  readonly hosts?: string;
  readonly services?: string;
  readonly protocols?: string;
  readonly networks?: string;
}

/** pcap_nametoeproto()'s table. */
export const ETHER_PROTO_NAMES: Readonly<Record<string, number>> = {
  aarp: 0x80f3, arp: 0x0806, atalk: 0x809b, decnet: 0x6003, ip: 0x0800, ip6: 0x86dd, lat: 0x6004, loopback: 0x9000,
  mopdl: 0x6001, moprc: 0x6002, pup: 0x0200, rarp: 0x8035, sca: 0x6007,
};

/** pcap_nametollc()'s table. */
export const LLC_NAMES: Readonly<Record<string, number>> = { iso: 0xfe, stp: 0x42, ipx: 0xe0, netbeui: 0xf0 };

function lines(text: string): string[][] {
  return text
    .split('\n')
    .map((l) => l.replace(/#.*/, '').trim())
    .filter((l) => l)
    .map((l) => l.split(/\s+/));
}

function parseDotted(s: string): number | undefined {
  const m = /^(\d{1,3})(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?(?:\.(\d{1,3}))?$/.exec(s);
  if (!m) return undefined;
  const parts = m.slice(1).filter((p): p is string => p !== undefined).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return parts.reduce((acc, p) => ((acc << 8) | p) >>> 0, 0);
}

/** @example filterNames({ hosts: host.readFile('/etc/hosts') }).servicePort('http', 'tcp') === 80 */
export function filterNames(files: NameFiles): FilterNames {
  const hosts = lines(files.hosts ?? '');
  const services = lines(files.services ?? NETBASE_SERVICES);
  const protocols = lines(files.protocols ?? NETBASE_PROTOCOLS);
  const networks = lines(files.networks ?? '');
  return {
    hostAddrs: (name) => {
      const want = name.toLowerCase();
      const out: number[] = [];
      for (const [addr, ...names] of hosts) {
        const a = /^\d+\.\d+\.\d+\.\d+$/.test(addr ?? '') ? parseDotted(addr ?? '') : undefined;
        if (a !== undefined && names.some((n) => n.toLowerCase() === want) && !out.includes(a)) out.push(a);
      }
      return out;
    },
    servicePort: (name, proto) => {
      for (const [svc, portProto, ...aliases] of services) {
        const m = /^(\d+)\/(\w+)$/.exec(portProto ?? '');
        if (m && m[2] === proto && (svc === name || aliases.includes(name))) return Number(m[1]);
      }
      return undefined;
    },
    protocolNumber: (name) => {
      for (const [p, num, ...aliases] of protocols) if (p === name || aliases.includes(name)) return Number(num);
      return undefined;
    },
    networkAddr: (name) => {
      for (const [n, addr, ...aliases] of networks) if (n === name || aliases.includes(name)) return parseDotted(addr ?? '');
      return undefined;
    },
  };
}
