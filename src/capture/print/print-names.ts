// Layer capture (print): the names tcpdump prints instead of numbers (addrtoname.c). Without -n: host
// names from /etc/hosts (gethostbyaddr's "files" source; the lab has no reverse DNS, so anything else stays
// an address), port names from /etc/services (getservent order, first entry wins), "Broadcast" and
// "(oui Name)" after MAC addresses. With -n every init_addrtoname() table stays empty: numbers only.

import { NETBASE_SERVICES } from '../netbase-files.js';
import { OUI_NAMES } from './tcpdump-tables.js';

export interface PrintNames {
  /** ipaddr_string of a host-order address. */
  ip(addr: number): string;
  tcpPort(port: number): string;
  udpPort(port: number): string;
  /** etheraddr_string of the 6 bytes at data[off]. */
  ether(data: Uint8Array, off: number): string;
  /** if_indextoname on the machine printing (SLL2 records); undefined prints as "?". */
  ifName(ifindex: number): string | undefined;
}

export interface NameSources {
  readonly nflag: number;
  /** -N: host names without their domain. */
  readonly Nflag?: number;
  /** The text of /etc/hosts. */
  readonly hosts?: string;
  /** The text of /etc/services; netbase's when absent. */
  readonly services?: string;
  readonly ifName?: (ifindex: number) => string | undefined;
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

export function intoa(addr: number): string {
  return `${addr >>> 24}.${(addr >>> 16) & 0xff}.${(addr >>> 8) & 0xff}.${addr & 0xff}`;
}

export function macString(data: Uint8Array, off: number): string {
  return `${HEX[data[off] ?? 0]}:${HEX[data[off + 1] ?? 0]}:${HEX[data[off + 2] ?? 0]}:${HEX[data[off + 3] ?? 0]}:${HEX[data[off + 4] ?? 0]}:${HEX[data[off + 5] ?? 0]}`;
}

/** getservent() over a services file: port -> first name, per protocol. */
export function parseServices(text: string): { tcp: Map<number, string>; udp: Map<number, string> } {
  const tcp = new Map<number, string>();
  const udp = new Map<number, string>();
  for (const raw of text.split('\n')) {
    const [name, portProto] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const m = /^(\d+)\/(tcp|udp)$/.exec(portProto ?? '');
    if (!name || !m) continue;
    const table = m[2] === 'tcp' ? tcp : udp;
    const port = Number(m[1]);
    if (!table.has(port)) table.set(port, name);
  }
  return { tcp, udp };
}

/** gethostbyaddr() through /etc/hosts: the canonical name of the first line with the address. */
export function parseHostsByAddr(text: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const raw of text.split('\n')) {
    const [a, name] = raw.replace(/#.*/, '').trim().split(/\s+/);
    const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a ?? '');
    if (!m || !name) continue;
    const addr = ((Number(m[1]) << 24) | (Number(m[2]) << 16) | (Number(m[3]) << 8) | Number(m[4])) >>> 0;
    if (!out.has(addr)) out.set(addr, name);
  }
  return out;
}

/** @example printNames({ nflag: 0, hosts: host.readFile('/etc/hosts') }).tcpPort(80) === 'http' */
export function printNames(src: NameSources): PrintNames {
  const ifName = src.ifName ?? (() => undefined);
  const ipCache = new Map<number, string>();
  if (src.nflag > 0) {
    return {
      ip: (a) => cached(ipCache, a, () => intoa(a)),
      tcpPort: String,
      udpPort: String,
      ether: macString,
      ifName,
    };
  }
  const services = parseServices(src.services ?? NETBASE_SERVICES);
  const hosts = parseHostsByAddr(src.hosts ?? '');
  const stripDomain = (src.Nflag ?? 0) > 0;
  return {
    ip: (a) => cached(ipCache, a, () => hostName(hosts.get(a), stripDomain) ?? intoa(a)),
    tcpPort: (p) => services.tcp.get(p) ?? String(p),
    udpPort: (p) => services.udp.get(p) ?? String(p),
    ether: etherName,
    ifName,
  };
}

function hostName(name: string | undefined, stripDomain: boolean): string | undefined {
  return name !== undefined && stripDomain ? (name.split('.')[0] ?? name) : name;
}

function cached(cache: Map<number, string>, key: number, make: () => string): string {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

/** etheraddr_string without -n: "Broadcast", else the address and its OUI. */
function etherName(data: Uint8Array, off: number): string {
  const text = macString(data, off);
  if (text === 'ff:ff:ff:ff:ff:ff') return 'Broadcast';
  const oui = ((data[off] ?? 0) << 16) | ((data[off + 1] ?? 0) << 8) | (data[off + 2] ?? 0);
  return `${text} (oui ${OUI_NAMES.get(oui) ?? 'Unknown'})`;
}
