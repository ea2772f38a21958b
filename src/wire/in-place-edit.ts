// Layer wire: the kernel's in-place header edits with incremental checksum update (RFC 1624), for the
// forwarding and NAT hot path: ip_decrease_ttl() (include/net/ip.h), csum_replace4() on saddr/daddr,
// inet_proto_csum_replace4/2() on the L4 checksum (UDP keeps 0 = "no checksum" and sends a computed 0 as
// 0xffff, CSUM_MANGLED_0). Every function takes the offset of the IPv4 header and mutates `b`: copy first.

import type { Ipv4Addr } from '../addr/index.js';
import { readU16, writeU16 } from './bytes.js';
import { checksumUpdate16, checksumUpdate32 } from './checksum.js';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP, IPV4_OFF, IP_OFFSET, ipv4Dst, ipv4HeaderLen, ipv4Src } from './ipv4.js';

const TCP_CHECKSUM_OFF = 16;
const UDP_CHECKSUM_OFF = 6;
const ICMP_CHECKSUM_OFF = 2;
const ICMP_ECHO_ID_OFF = 4;

/**
 * Decrements the TTL and patches the header checksum exactly as ip_decrease_ttl() does
 * (check += htons(0x0100) with end-around carry). Returns the new TTL.
 * @example if (decTtl(pkt, 14) === 0) dropWith('SKB_DROP_REASON_IP_INHDR')
 */
export function decTtl(b: Uint8Array, ipOff: number): number {
  const ttlOff = ipOff + IPV4_OFF.ttl;
  const csOff = ipOff + IPV4_OFF.checksum;
  let check = readU16(b, csOff) + 0x0100;
  if (check >= 0xffff) check += 1;
  writeU16(b, csOff, check & 0xffff);
  const ttl = ((b[ttlOff] ?? 0) - 1) & 0xff;
  b[ttlOff] = ttl;
  return ttl;
}

export interface AddrEditOptions {
  /** Also patch the TCP/UDP checksum, whose pseudo-header covers the address (default true). */
  readonly fixL4Checksum?: boolean;
}

/** Rewrites saddr (SNAT / masquerade) and patches the IP checksum and, by default, the L4 checksum. */
export function setIpv4Src(b: Uint8Array, ipOff: number, addr: Ipv4Addr, opts: AddrEditOptions = {}): void {
  setAddr(b, ipOff, IPV4_OFF.src, ipv4Src(b, ipOff), addr, opts);
}

/** Rewrites daddr (DNAT, service load-balancing) and patches the IP and, by default, the L4 checksum. */
export function setIpv4Dst(b: Uint8Array, ipOff: number, addr: Ipv4Addr, opts: AddrEditOptions = {}): void {
  setAddr(b, ipOff, IPV4_OFF.dst, ipv4Dst(b, ipOff), addr, opts);
}

function setAddr(b: Uint8Array, ipOff: number, field: number, old: Ipv4Addr, addr: Ipv4Addr, opts: AddrEditOptions): void {
  writeU16(b, ipOff + field, addr >>> 16);
  writeU16(b, ipOff + field + 2, addr & 0xffff);
  const csOff = ipOff + IPV4_OFF.checksum;
  writeU16(b, csOff, checksumUpdate32(readU16(b, csOff), old, addr));
  if (opts.fixL4Checksum !== false) updateL4ChecksumForAddr(b, ipOff, old, addr);
}

/** Offset of the TCP/UDP checksum field, or -1 (other protocol, or a non-first fragment without an L4 header). */
export function l4ChecksumOffset(b: Uint8Array, ipOff: number): number {
  if ((readU16(b, ipOff + IPV4_OFF.fragOff) & IP_OFFSET) !== 0) return -1;
  const l4 = ipOff + ipv4HeaderLen(b, ipOff);
  const proto = b[ipOff + IPV4_OFF.protocol];
  if (proto === IPPROTO_TCP) return l4 + TCP_CHECKSUM_OFF + 2 <= b.length ? l4 + TCP_CHECKSUM_OFF : -1;
  if (proto === IPPROTO_UDP) return l4 + UDP_CHECKSUM_OFF + 2 <= b.length ? l4 + UDP_CHECKSUM_OFF : -1;
  return -1;
}

/**
 * Patches the TCP/UDP checksum after an address in its pseudo-header changed from `oldAddr` to `newAddr`
 * (inet_proto_csum_replace4 with pseudohdr = true). Returns false when there was nothing to patch.
 */
export function updateL4ChecksumForAddr(b: Uint8Array, ipOff: number, oldAddr: Ipv4Addr, newAddr: Ipv4Addr): boolean {
  const csOff = l4ChecksumOffset(b, ipOff);
  if (csOff < 0) return false;
  const isUdp = b[ipOff + IPV4_OFF.protocol] === IPPROTO_UDP;
  const old = readU16(b, csOff);
  if (isUdp && old === 0) return false;
  const next = checksumUpdate32(old, oldAddr, newAddr);
  writeU16(b, csOff, isUdp && next === 0 ? 0xffff : next);
  return true;
}

/**
 * Rewrites the TCP/UDP source or destination port and patches the L4 checksum (RFC 1624).
 * Returns false when the packet has no TCP/UDP header to edit.
 * @example setL4Port(pkt, 14, 'dst', 80) // DNAT 10.96.0.10:80 -> backend:80
 */
export function setL4Port(b: Uint8Array, ipOff: number, which: 'src' | 'dst', port: number): boolean {
  const csOff = l4ChecksumOffset(b, ipOff);
  if (csOff < 0) return false;
  const portOff = ipOff + ipv4HeaderLen(b, ipOff) + (which === 'src' ? 0 : 2);
  const oldPort = readU16(b, portOff);
  writeU16(b, portOff, port);
  const isUdp = b[ipOff + IPV4_OFF.protocol] === IPPROTO_UDP;
  const old = readU16(b, csOff);
  if (isUdp && old === 0) return true;
  const next = checksumUpdate16(old, oldPort, port & 0xffff);
  writeU16(b, csOff, isUdp && next === 0 ? 0xffff : next);
  return true;
}

/** Rewrites the ICMP echo request/reply identifier (the "port" of ping NAT) and patches the ICMP checksum. */
export function setIcmpEchoId(b: Uint8Array, ipOff: number, id: number): boolean {
  if (b[ipOff + IPV4_OFF.protocol] !== IPPROTO_ICMP) return false;
  const l4 = ipOff + ipv4HeaderLen(b, ipOff);
  if (l4 + 8 > b.length || (b[l4] !== 0 && b[l4] !== 8)) return false;
  const oldId = readU16(b, l4 + ICMP_ECHO_ID_OFF);
  writeU16(b, l4 + ICMP_ECHO_ID_OFF, id);
  writeU16(b, l4 + ICMP_CHECKSUM_OFF, checksumUpdate16(readU16(b, l4 + ICMP_CHECKSUM_OFF), oldId, id & 0xffff));
  return true;
}
