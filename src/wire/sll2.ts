// Layer wire: the LINUX_SLL2 pseudo-header (pcap linktype 276) that libpcap writes for `tcpdump -i any`
// (libpcap pcap/sll.h, struct sll2_header; fields from the kernel's struct sockaddr_ll): protocol (ethertype),
// 2 reserved bytes, ifindex (u32), ARPHRD hardware type, packet type, address length, 8 address bytes, all
// big-endian, 20 bytes. The link-layer header itself is gone: the payload starts at the network header.

import { macFromBytes, type MacAddr } from '../addr/index.js';
import { readU16, readU32, writeU16, writeU32 } from './bytes.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const SLL2_HEADER_LEN = 20;
export const SLL2_ADDR_LEN = 8;
// PACKET_* (include/uapi/linux/if_packet.h); tcpdump prints In, B, M, P and Out.
export const PACKET_HOST = 0;
export const PACKET_BROADCAST = 1;
export const PACKET_MULTICAST = 2;
export const PACKET_OTHERHOST = 3;
export const PACKET_OUTGOING = 4;

const OFF = { protocol: 0, reserved: 2, ifindex: 4, hatype: 8, pkttype: 10, halen: 11, addr: 12 } as const;

export interface Sll2Header {
  /** Ethertype of the payload (ETH_P_IP, ETH_P_ARP, ...). */
  readonly protocol: number;
  readonly ifindex: number;
  /** ARPHRD_ETHER, ARPHRD_LOOPBACK, ... (arp.ts) */
  readonly hatype: number;
  /** PACKET_HOST ... PACKET_OUTGOING. */
  readonly pkttype: number;
  /** The sender's link-layer address: the first min(halen, 8) bytes. */
  readonly addr: Uint8Array;
  /** Defaults to addr.length. */
  readonly halen?: number;
  /** The 2 "MBZ" bytes; default 0. */
  readonly reserved?: number;
}

export type ParsedSll2Header = Sll2Header & { readonly halen: number; readonly reserved: number };

/** @example parseSll2(record.data).value.header.pkttype === PACKET_OUTGOING */
export function parseSll2(b: Uint8Array): WireResult<Parsed<ParsedSll2Header>> {
  if (b.length < SLL2_HEADER_LEN) return wireErr('truncated', 'sll2', b.length, `${b.length} < ${SLL2_HEADER_LEN} bytes`);
  const halen = b[OFF.halen] ?? 0;
  const header: ParsedSll2Header = {
    protocol: readU16(b, OFF.protocol),
    reserved: readU16(b, OFF.reserved),
    ifindex: readU32(b, OFF.ifindex),
    hatype: readU16(b, OFF.hatype),
    pkttype: b[OFF.pkttype] ?? 0,
    halen,
    addr: b.subarray(OFF.addr, OFF.addr + Math.min(halen, SLL2_ADDR_LEN)),
  };
  return wireOk({ header, payload: b.subarray(SLL2_HEADER_LEN) });
}

export function writeSll2Header(b: Uint8Array, off: number, h: Sll2Header): void {
  writeU16(b, off + OFF.protocol, h.protocol);
  writeU16(b, off + OFF.reserved, h.reserved ?? 0);
  writeU32(b, off + OFF.ifindex, h.ifindex);
  writeU16(b, off + OFF.hatype, h.hatype);
  b[off + OFF.pkttype] = h.pkttype & 0xff;
  b[off + OFF.halen] = (h.halen ?? h.addr.length) & 0xff;
  b.fill(0, off + OFF.addr, off + SLL2_HEADER_LEN);
  b.set(h.addr.subarray(0, SLL2_ADDR_LEN), off + OFF.addr);
}

/** @example emitSll2({ protocol: ETH_P_IP, ifindex: 3, hatype: ARPHRD_ETHER, pkttype: PACKET_OUTGOING, addr: macBytes }, ipPacket) */
export function emitSll2(h: Sll2Header, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(SLL2_HEADER_LEN + payload.length);
  writeSll2Header(out, 0, h);
  out.set(payload, SLL2_HEADER_LEN);
  return out;
}

/** The sender MAC when the address is a 6-byte Ethernet address. */
export function sll2Mac(h: Sll2Header): MacAddr | undefined {
  return h.addr.length === 6 ? macFromBytes(h.addr, 0) : undefined;
}
