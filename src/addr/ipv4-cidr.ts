// Layer addr: an IPv4 prefix (network address + prefix length), as iproute2 and Kubernetes write it.
// `parseCidr` keeps host bits (an interface address "192.168.10.100/24"); `network` clears them.

import { formatIpv4, ipv4, parseIpv4, type Ipv4Addr } from './ipv4-addr.js';

export interface Ipv4Cidr {
  readonly addr: Ipv4Addr;
  readonly prefixLen: number;
}

export function prefixMask(prefixLen: number): number {
  return prefixLen === 0 ? 0 : (0xffffffff << (32 - prefixLen)) >>> 0;
}

/** Parses "a.b.c.d/n" (or a bare address as /32 when `allowBare`). @example parseCidr('172.20.0.0/16') */
export function parseCidr(text: string, opts: { allowBare?: boolean } = {}): Ipv4Cidr | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) {
    if (!opts.allowBare) return undefined;
    const addr = parseIpv4(text);
    return addr === undefined ? undefined : { addr, prefixLen: 32 };
  }
  const addr = parseIpv4(text.slice(0, slash));
  const lenText = text.slice(slash + 1);
  if (addr === undefined || !/^[0-9]{1,2}$/.test(lenText)) return undefined;
  const prefixLen = Number(lenText);
  if (prefixLen > 32) return undefined;
  return { addr, prefixLen };
}

export function cidr(addr: Ipv4Addr, prefixLen: number): Ipv4Cidr {
  return { addr, prefixLen };
}

export function network(c: Ipv4Cidr): Ipv4Cidr {
  return { addr: ipv4(c.addr & prefixMask(c.prefixLen)), prefixLen: c.prefixLen };
}

export function broadcast(c: Ipv4Cidr): Ipv4Addr {
  return ipv4((c.addr & prefixMask(c.prefixLen)) | (~prefixMask(c.prefixLen) >>> 0));
}

export function contains(c: Ipv4Cidr, addr: Ipv4Addr): boolean {
  const mask = prefixMask(c.prefixLen);
  return ((c.addr & mask) >>> 0) === ((addr & mask) >>> 0);
}

/** True when `inner` lies wholly inside `outer`. */
export function covers(outer: Ipv4Cidr, inner: Ipv4Cidr): boolean {
  return outer.prefixLen <= inner.prefixLen && contains(outer, inner.addr);
}

export function overlaps(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  return covers(a, b) || covers(b, a);
}

export function isNetworkAddress(c: Ipv4Cidr): boolean {
  return ((c.addr & ~prefixMask(c.prefixLen)) >>> 0) === 0;
}

export function formatCidr(c: Ipv4Cidr): string {
  return `${formatIpv4(c.addr)}/${c.prefixLen}`;
}

/** iproute2 prints a /32 destination without its length ("172.20.0.172 dev cilium_host"). */
export function formatPrefix(c: Ipv4Cidr): string {
  return c.prefixLen === 32 ? formatIpv4(c.addr) : formatCidr(c);
}

/** Number of addresses in the prefix (2^(32-n)). */
export function size(c: Ipv4Cidr): number {
  return 2 ** (32 - c.prefixLen);
}

/** The address at `offset` from the network address. */
export function nth(c: Ipv4Cidr, offset: number): Ipv4Addr {
  return ipv4((c.addr & prefixMask(c.prefixLen)) + offset);
}

/** Dotted netmask as ifconfig prints it ("255.255.255.0"). */
export function netmask(prefixLen: number): Ipv4Addr {
  return ipv4(prefixMask(prefixLen));
}
