// Layer net: skb_get_hash for an inner frame (the flow dissector's hash: addresses, protocol and ports,
// made symmetric by __flow_hash_consistentify, mixed with a per-boot random seed), and udp_flow_src_port,
// which turns that hash into the outer UDP source port of a tunnel packet.

import { ETH_HEADER_LEN, ETH_P_IP, IPPROTO_TCP, IPPROTO_UDP, ethType, ipv4Dst, ipv4HeaderLen, ipv4Protocol, ipv4Src } from '../wire/index.js';

function mix(h: number, v: number): number {
  h = Math.imul(h ^ v, 0x85ebca6b) >>> 0;
  return ((h << 13) | (h >>> 19)) >>> 0;
}

/** A symmetric hash of the inner flow: (a, b) and (b, a) hash alike, as in the kernel. */
export function innerFlowHash(frame: Uint8Array, seed: number): number {
  let h = seed >>> 0;
  const type = ethType(frame);
  if (type !== ETH_P_IP || frame.length < ETH_HEADER_LEN + 20) return mix(h, type) || 1;
  const off = ETH_HEADER_LEN;
  const a = ipv4Src(frame, off);
  const b = ipv4Dst(frame, off);
  const proto = ipv4Protocol(frame, off);
  let pa = 0;
  let pb = 0;
  const l4 = off + ipv4HeaderLen(frame, off);
  if ((proto === IPPROTO_TCP || proto === IPPROTO_UDP) && frame.length >= l4 + 4) {
    pa = ((frame[l4] ?? 0) << 8) | (frame[l4 + 1] ?? 0);
    pb = ((frame[l4 + 2] ?? 0) << 8) | (frame[l4 + 3] ?? 0);
  }
  const swap = a > b || (a === b && pa > pb);
  h = mix(h, swap ? b : a);
  h = mix(h, swap ? a : b);
  h = mix(h, proto);
  h = mix(h, swap ? (pb << 16) | pa : (pa << 16) | pb);
  return h || 1;
}

/** udp_flow_src_port: hash ^= hash << 16, then scaled into [min, max). */
export function udpFlowSrcPort(hash: number, min: number, max: number): number {
  const h = (hash ^ (hash << 16)) >>> 0;
  return Math.floor((h * (max - min)) / 4294967296) + min;
}
