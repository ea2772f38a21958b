// Layer wire: ARP for Ethernet/IPv4 (RFC 826): htype 1, ptype 0x0800, hlen 6, plen 4, 28 bytes.
// Other hardware/protocol pairs parse as 'unsupported'. emitArp does not pad: a real NIC pads the
// Ethernet frame to 60 bytes (see padEthernet), veths and captures on them do not.

import { ipv4FromBytes, macFromBytes, writeIpv4, writeMac, type Ipv4Addr, type MacAddr } from '../addr/index.js';
import { readU16, writeU16 } from './bytes.js';
import { ETH_P_IP } from './ethernet.js';
import { wireErr, wireOk, type Parsed, type WireResult } from './wire-result.js';

export const ARP_LEN = 28;
// ARPHRD_* hardware types (include/uapi/linux/if_arp.h), also the hatype of an SLL2 header.
export const ARPHRD_ETHER = 1;
export const ARPHRD_LOOPBACK = 772;
export const ARPHRD_NONE = 0xfffe;
export const ARPOP_REQUEST = 1;
export const ARPOP_REPLY = 2;

const OFF = { htype: 0, ptype: 2, hlen: 4, plen: 5, op: 6, sha: 8, spa: 14, tha: 18, tpa: 24 } as const;

export interface ArpHeader {
  readonly htype: number;
  readonly ptype: number;
  readonly hlen: number;
  readonly plen: number;
  readonly op: number;
  readonly sha: MacAddr;
  readonly spa: Ipv4Addr;
  readonly tha: MacAddr;
  readonly tpa: Ipv4Addr;
}

/** An Ethernet/IPv4 ARP header with the fixed fields filled in. @example arp({ op: ARPOP_REQUEST, sha, spa, tha: MAC_ZERO, tpa }) */
export function arp(fields: Pick<ArpHeader, 'op' | 'sha' | 'spa' | 'tha' | 'tpa'>): ArpHeader {
  return { htype: ARPHRD_ETHER, ptype: ETH_P_IP, hlen: 6, plen: 4, ...fields };
}

/** Parses an ARP packet; the payload is whatever follows the 28 bytes (Ethernet padding). */
export function parseArp(b: Uint8Array): WireResult<Parsed<ArpHeader>> {
  if (b.length < 8) return wireErr('truncated', 'arp', b.length, `${b.length} < 8 bytes`);
  const htype = readU16(b, OFF.htype);
  const ptype = readU16(b, OFF.ptype);
  const hlen = b[OFF.hlen] ?? 0;
  const plen = b[OFF.plen] ?? 0;
  if (htype !== ARPHRD_ETHER || ptype !== ETH_P_IP || hlen !== 6 || plen !== 4) {
    return wireErr('unsupported', 'arp', 0, `htype ${htype} ptype 0x${ptype.toString(16)} hlen ${hlen} plen ${plen}`);
  }
  if (b.length < ARP_LEN) return wireErr('truncated', 'arp', b.length, `${b.length} < ${ARP_LEN} bytes`);
  const header: ArpHeader = {
    htype,
    ptype,
    hlen,
    plen,
    op: readU16(b, OFF.op),
    sha: macFromBytes(b, OFF.sha),
    spa: ipv4FromBytes(b, OFF.spa),
    tha: macFromBytes(b, OFF.tha),
    tpa: ipv4FromBytes(b, OFF.tpa),
  };
  return wireOk({ header, payload: b.subarray(ARP_LEN) });
}

/** Emits the 28 ARP bytes. @example emitArp(arp({ op: ARPOP_REPLY, sha, spa, tha, tpa })) */
export function emitArp(h: ArpHeader): Uint8Array {
  const out = new Uint8Array(ARP_LEN);
  writeU16(out, OFF.htype, h.htype);
  writeU16(out, OFF.ptype, h.ptype);
  out[OFF.hlen] = h.hlen;
  out[OFF.plen] = h.plen;
  writeU16(out, OFF.op, h.op);
  writeMac(out, OFF.sha, h.sha);
  writeIpv4(out, OFF.spa, h.spa);
  writeMac(out, OFF.tha, h.tha);
  writeIpv4(out, OFF.tpa, h.tpa);
  return out;
}

// Hot-path accessors (off = start of the ARP packet).
export function arpOp(b: Uint8Array, off = 0): number {
  return readU16(b, off + OFF.op);
}

export function arpSpa(b: Uint8Array, off = 0): Ipv4Addr {
  return ipv4FromBytes(b, off + OFF.spa);
}

export function arpTpa(b: Uint8Array, off = 0): Ipv4Addr {
  return ipv4FromBytes(b, off + OFF.tpa);
}

export function arpSha(b: Uint8Array, off = 0): MacAddr {
  return macFromBytes(b, off + OFF.sha);
}
