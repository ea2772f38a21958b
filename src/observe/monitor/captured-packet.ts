// Layer observe: the headers of a captured packet (a notification carries the first 128 bytes), decoded the
// way gopacket's DecodingLayerParser does for the monitor and Hubble: Ethernet, IPv4, then TCP, UDP or ICMP;
// a VXLAN/Geneve payload is followed into the inner frame. Truncated bytes end the decoding, never throw.

import { formatIpv4, formatMac, ipv4FromBytes, macFromBytes } from '../../addr/index.js';

export interface L4Info {
  readonly proto: 'tcp' | 'udp' | 'icmp';
  readonly srcPort: number;
  readonly dstPort: number;
  /** TCP flag bits (FIN 0x01 ... CWR 0x80, NS 0x100). */
  readonly tcpFlags: number;
  readonly icmpType: number;
  readonly icmpCode: number;
  /** ICMP echo id (the conntrack "port" of an echo). */
  readonly icmpId: number;
}

export interface CapturedPacket {
  readonly ethSrc: string | undefined;
  readonly ethDst: string | undefined;
  readonly ethertype: number;
  readonly ipSrc: string | undefined;
  readonly ipDst: string | undefined;
  readonly l4: L4Info | undefined;
  /** The encapsulated packet, when this one is VXLAN (UDP 8472/4789) or Geneve (UDP 6081). */
  readonly inner: CapturedPacket | undefined;
  readonly tunnel: 'vxlan' | 'geneve' | undefined;
}

const TUNNEL_PORTS: Readonly<Record<number, 'vxlan' | 'geneve'>> = { 8472: 'vxlan', 4789: 'vxlan', 6081: 'geneve' };

function u16(b: Uint8Array, off: number): number {
  return ((b[off] ?? 0) << 8) | (b[off + 1] ?? 0);
}

/** Decodes an Ethernet frame. @example decodeCaptured(frame).l4?.tcpFlags */
export function decodeCaptured(b: Uint8Array, depth = 0): CapturedPacket {
  if (b.length < 14) return { ethSrc: undefined, ethDst: undefined, ethertype: 0, ipSrc: undefined, ipDst: undefined, l4: undefined, inner: undefined, tunnel: undefined };
  const ethertype = u16(b, 12);
  const base = { ethSrc: formatMac(macFromBytes(b, 6)), ethDst: formatMac(macFromBytes(b, 0)), ethertype };
  if (ethertype !== 0x0800 || b.length < 34 || (b[14] ?? 0) >> 4 !== 4) return { ...base, ipSrc: undefined, ipDst: undefined, l4: undefined, inner: undefined, tunnel: undefined };
  const ihl = ((b[14] ?? 0) & 0x0f) * 4;
  const proto = b[23] ?? 0;
  const ip = { ipSrc: formatIpv4(ipv4FromBytes(b, 26)), ipDst: formatIpv4(ipv4FromBytes(b, 30)) };
  const isFirstFragment = (u16(b, 20) & 0x1fff) === 0;
  const l4Off = 14 + ihl;
  const l4 = isFirstFragment ? decodeL4(b, l4Off, proto) : undefined;
  if (l4?.proto === 'udp' && depth === 0) {
    const tunnel = TUNNEL_PORTS[l4.dstPort];
    if (tunnel) return { ...base, ...ip, l4, tunnel, inner: decodeInner(b, l4Off + 8, tunnel) };
  }
  return { ...base, ...ip, l4, inner: undefined, tunnel: undefined };
}

function decodeL4(b: Uint8Array, off: number, proto: number): L4Info | undefined {
  if (proto === 6 && b.length >= off + 14) {
    const flags = (b[off + 13] ?? 0) | (((b[off + 12] ?? 0) & 0x01) << 8);
    return { proto: 'tcp', srcPort: u16(b, off), dstPort: u16(b, off + 2), tcpFlags: flags, icmpType: 0, icmpCode: 0, icmpId: 0 };
  }
  if (proto === 17 && b.length >= off + 8) return { proto: 'udp', srcPort: u16(b, off), dstPort: u16(b, off + 2), tcpFlags: 0, icmpType: 0, icmpCode: 0, icmpId: 0 };
  if (proto === 1 && b.length >= off + 8) {
    const type = b[off] ?? 0;
    const isEcho = type === 0 || type === 8;
    return { proto: 'icmp', srcPort: 0, dstPort: 0, tcpFlags: 0, icmpType: type, icmpCode: b[off + 1] ?? 0, icmpId: isEcho ? u16(b, off + 4) : 0 };
  }
  return undefined;
}

function decodeInner(b: Uint8Array, off: number, tunnel: 'vxlan' | 'geneve'): CapturedPacket | undefined {
  const hdr = tunnel === 'vxlan' ? 8 : 8 + ((b[off] ?? 0) & 0x3f) * 4;
  if (b.length < off + hdr + 14) return undefined;
  return decodeCaptured(b.subarray(off + hdr), 1);
}

/** Hubble's getTCPFlags order: SYN, ACK, RST, FIN, PSH, URG, ECE, CWR, NS. */
export function tcpFlagNames(flags: number): string[] {
  const order: ReadonlyArray<readonly [number, string]> = [
    [0x02, 'SYN'],
    [0x10, 'ACK'],
    [0x04, 'RST'],
    [0x01, 'FIN'],
    [0x08, 'PSH'],
    [0x20, 'URG'],
    [0x40, 'ECE'],
    [0x80, 'CWR'],
    [0x100, 'NS'],
  ];
  return order.filter(([bit]) => (flags & bit) !== 0).map(([, n]) => n);
}

/** The conntrack tuple of a captured frame, read straight from the bytes (the hot path of aggregation). */
export interface FlowTuple {
  readonly src: number;
  readonly dst: number;
  readonly proto: number;
  /** Ports, or the echo id for ICMP echoes. */
  readonly sport: number;
  readonly dport: number;
  readonly tcpFlags: number;
  /** An ICMP error (not an echo): conntrack relates it to the flow it quotes. */
  readonly isIcmpError: boolean;
}

export function flowTuple(b: Uint8Array): FlowTuple | undefined {
  if (b.length < 34 || u16(b, 12) !== 0x0800) return undefined;
  const off = 14 + ((b[14] ?? 0) & 0x0f) * 4;
  const proto = b[23] ?? 0;
  const src = ((b[26] ?? 0) * 16777216 + ((b[27] ?? 0) << 16) + ((b[28] ?? 0) << 8) + (b[29] ?? 0)) >>> 0;
  const dst = ((b[30] ?? 0) * 16777216 + ((b[31] ?? 0) << 16) + ((b[32] ?? 0) << 8) + (b[33] ?? 0)) >>> 0;
  if (b.length < off + 8 || (proto !== 1 && proto !== 6 && proto !== 17)) return undefined;
  if (proto === 1) {
    const type = b[off] ?? 0;
    const id = type === 0 || type === 8 ? u16(b, off + 4) : 0;
    return { src, dst, proto, sport: id, dport: id, tcpFlags: 0, isIcmpError: type !== 0 && type !== 8 };
  }
  const tcpFlags = proto === 6 && b.length >= off + 14 ? (b[off + 13] ?? 0) : 0;
  return { src, dst, proto, sport: u16(b, off), dport: u16(b, off + 2), tcpFlags, isIcmpError: false };
}
