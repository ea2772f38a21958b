// Layer tools (host): how iproute2's ss prints one socket address (misc/ss.c inet_addr_print,
// resolve_service): IPv4 dotted, an AF_INET6 wildcard as "*" unless the socket is IPV6_V6ONLY ("[::]"),
// other IPv6 (v4-mapped) bracketed, "%dev" for a device-bound socket; the port as its /etc/services name
// unless -n or inside ip_local_port_range (is_ephemeral), "*" for port 0.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import { NETBASE_SERVICES } from '../../capture/netbase-files.js';
import { parseServices } from '../../capture/print/print-names.js';
import type { SockBinding } from '../../net/sock-bind.js';

export type SsProto = 'udp' | 'tcp';

export interface PortNames {
  readonly numeric: boolean;
  readonly services: ReturnType<typeof parseServices>;
  /** ip_local_port_range: ss leaves these ports numeric. */
  readonly ephemeral: readonly [number, number];
}

/** The services table ss's getservbyport reads: the host's /etc/services, netbase's when it has none. */
export function portNames(etcServices: string | undefined, ephemeral: readonly [number, number], numeric: boolean): PortNames {
  return { numeric, services: parseServices(etcServices ?? NETBASE_SERVICES), ephemeral };
}

/** resolve_service. */
export function portText(names: PortNames, proto: SsProto, port: number): string {
  if (port === 0) return '*';
  const [lo, hi] = names.ephemeral;
  if (names.numeric || (port >= lo && port <= hi)) return String(port);
  return names.services[proto].get(port) ?? String(port);
}

/** inet_addr_print's address part, with its ":" delimiter: "0.0.0.0:", "*:", "[::]:", "127.0.0.53%lo:". */
export function addrText(addr: Ipv4Addr, b: SockBinding, ifname: string | undefined): string {
  let text: string;
  if (b.family === 'inet') text = formatIpv4(addr);
  else if (addr === 0) text = b.isV6Only ? '[::]' : '*';
  else text = `[::ffff:${formatIpv4(addr)}]`;
  return `${text}${ifname !== undefined ? `%${ifname}` : ''}:`;
}
