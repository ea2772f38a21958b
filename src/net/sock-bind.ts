// Layer net: what a socket is bound to besides its IPv4 address and port: its family (an AF_INET6 socket on
// :: without IPV6_V6ONLY takes IPv4 too, as v4-mapped; only the IPv6 wildcard is modelled), the device of
// SO_BINDTODEVICE and SO_REUSEPORT. Two rules rest on them: inet_bind_conflict (may two sockets share a
// port) and compute_score in inet_hashtables.c (which socket an IPv4 packet reaches).

import type { Ipv4Addr } from '../addr/index.js';

export type SockFamily = 'inet' | 'inet6';

export interface SockBinding {
  /** sk_family. */
  readonly family: SockFamily;
  /** sk_ipv6only (IPV6_V6ONLY): an AF_INET6 socket that never sees IPv4. */
  readonly isV6Only: boolean;
  /** sk_bound_dev_if (SO_BINDTODEVICE); 0 when not bound to a device. */
  readonly boundIfindex: number;
  /** sk_reuseport (SO_REUSEPORT): sockets that all set it may share an address and port. */
  readonly isReuseport: boolean;
}

export type BindOptions = Partial<SockBinding>;

export const INET_BINDING: SockBinding = { family: 'inet', isV6Only: false, boundIfindex: 0, isReuseport: false };

export function sockBinding(o: BindOptions = {}): SockBinding {
  if (o.family === undefined && o.isV6Only === undefined && o.boundIfindex === undefined && o.isReuseport === undefined) return INET_BINDING;
  return { family: o.family ?? 'inet', isV6Only: o.isV6Only ?? false, boundIfindex: o.boundIfindex ?? 0, isReuseport: o.isReuseport ?? false };
}

/** A socket as far as binding goes: its IPv4 address (0 for INADDR_ANY or ::) and its binding. */
export interface BoundSock {
  readonly localAddr: Ipv4Addr;
  readonly binding: SockBinding;
}

/** !ipv6_only_sock(sk): whether IPv4 packets can reach the socket at all. */
export function takesIpv4(b: SockBinding): boolean {
  return b.family === 'inet' || !b.isV6Only;
}

/** inet_bind_conflict for two sockets on one port: both claim an address the other claims too. */
export function bindConflict(a: BoundSock, b: BoundSock): boolean {
  if (a.binding.isReuseport && b.binding.isReuseport) return false;
  if (a.binding.boundIfindex && b.binding.boundIfindex && a.binding.boundIfindex !== b.binding.boundIfindex) return false;
  if (a.binding.family === 'inet6' && b.binding.family === 'inet6') return true; // both hold ::
  if (!takesIpv4(a.binding) || !takesIpv4(b.binding)) return false;
  return a.localAddr === 0 || b.localAddr === 0 || a.localAddr === b.localAddr;
}

/**
 * compute_score for an IPv4 packet to `daddr` that arrived on ifindex `dif`: -1 when the socket cannot take
 * it; otherwise higher wins — a device-bound socket over an unbound one, then AF_INET over a dual-stack
 * AF_INET6. The caller tries sockets bound to `daddr` before wildcard ones (the two lhash2 lookups).
 */
export function lookupScore(sk: BoundSock, daddr: Ipv4Addr, dif: number): number {
  const b = sk.binding;
  if (!takesIpv4(b) || sk.localAddr !== daddr) return -1;
  if (b.boundIfindex !== 0 && b.boundIfindex !== dif) return -1;
  return (b.boundIfindex !== 0 ? 2 : 1) + (b.family === 'inet' ? 1 : 0);
}

/** The best-scoring socket bound to `daddr`, else the best wildcard one (the first wins a tie, as reuseport's pick). */
export function lookupBound<T extends BoundSock>(socks: readonly T[], daddr: Ipv4Addr, dif: number): T | undefined {
  return bestScoring(socks, daddr, dif) ?? (daddr === 0 ? undefined : bestScoring(socks, 0 as Ipv4Addr, dif));
}

function bestScoring<T extends BoundSock>(socks: readonly T[], addr: Ipv4Addr, dif: number): T | undefined {
  let best: T | undefined;
  let bestScore = -1;
  for (const s of socks) {
    const score = lookupScore(s, addr, dif);
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}
