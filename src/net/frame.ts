// Layer net: building and re-addressing Ethernet frames in the stack: prepend an Ethernet header to an IP
// packet, rewrite the MACs of a frame in place, and the offsets every handler uses (IPv4 at byte 14).

import type { MacAddr } from '../addr/index.js';
import { writeMac } from '../addr/index.js';
import { ETH_HEADER_LEN } from '../wire/index.js';
import { allocSkbData } from './skb-data.js';

export const L3_OFF = ETH_HEADER_LEN;

/** A frame holding `l3` behind an Ethernet header (MACs zero until the neighbour layer fills them). */
export function frameWith(l3: Uint8Array, ethertype: number): Uint8Array {
  const f = allocSkbData(ETH_HEADER_LEN + l3.length);
  f[12] = ethertype >> 8;
  f[13] = ethertype & 255;
  f.set(l3, ETH_HEADER_LEN);
  return f;
}

export function setMacs(frame: Uint8Array, dst: MacAddr, src: MacAddr): void {
  writeMac(frame, 0, dst);
  writeMac(frame, 6, src);
}

/** The L3 part of a frame (a view). */
export function l3Of(frame: Uint8Array): Uint8Array {
  return frame.subarray(ETH_HEADER_LEN);
}
