// Layer net: where the kernel keeps a socket in its hash tables, which is the order inet_diag dumps them
// (so ss's row order): a listener in its lhash2 bucket (ipv4_portaddr_hash: jhash_1word of the bound
// address, __be32 as the CPU reads it, seeded with the namespace's hash_mix, xor the port; :: hashes as
// 0), a UDP socket in its udp_hashfn slot (port + hash_mix), the newest first within one (hlist add-head).
// Both tables get one slot per 2 MiB of RAM (alloc_large_system_hash, scale 21): 1024 for a 2 GiB VM.

import type { Ipv4Addr } from '../addr/index.js';
import { jhash1Word } from './jhash.js';
import type { Netns } from './netns.js';

const HASH_SLOTS = 1024;
const mixes = new WeakMap<Netns, number>();

/** net_hash_mix(net): a random word drawn when the namespace is created. */
export function netHashMix(ns: Netns): number {
  let m = mixes.get(ns);
  if (m === undefined) {
    m = ns.ctx.rng.fork(`hash_mix/${ns.name}`).u32();
    mixes.set(ns, m);
  }
  return m;
}

/** The u32 a little-endian CPU reads from a __be32 address. */
function be32(addr: Ipv4Addr): number {
  return (((addr & 0xff) << 24) | (((addr >>> 8) & 0xff) << 16) | (((addr >>> 16) & 0xff) << 8) | (addr >>> 24)) >>> 0;
}

/** inet_lhash2_bucket_sk: the listening bucket of a socket bound to `addr` (0 for 0.0.0.0 and ::) and `port`. */
export function lhash2Slot(ns: Netns, addr: Ipv4Addr, port: number): number {
  return ((jhash1Word(be32(addr), netHashMix(ns)) ^ port) >>> 0) % HASH_SLOTS;
}

/** udp_hashfn(net, port, mask): the primary UDP slot of a port. */
export function udpSlot(ns: Netns, port: number): number {
  return ((port + netHashMix(ns)) >>> 0) % HASH_SLOTS;
}

/**
 * Sockets in dump order: by slot, and within a slot the latest hashed first (a higher cookie is a later
 * socket), except that AF_INET6 SO_REUSEPORT sockets join their slot at the tail.
 */
export function inSlotOrder<T extends { readonly slot: number; readonly cookie: number; readonly isTailAdded: boolean }>(socks: readonly T[]): T[] {
  return [...socks].sort((a, b) => a.slot - b.slot || (a.isTailAdded && b.isTailAdded ? a.cookie - b.cookie : Number(a.isTailAdded) - Number(b.isTailAdded) || b.cookie - a.cookie));
}
