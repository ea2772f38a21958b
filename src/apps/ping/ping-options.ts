// Layer apps: the settings of one iputils ping run (the fields of struct ping_rts that its options set),
// already parsed from argv by the tool layer, with ping's defaults: 56 data bytes, 1 s interval, a 10 s
// linger (-W) for the last reply, TTL and PMTU discovery left to the kernel unless -t / -M are given.

import type { Ipv4Addr } from '../../addr/index.js';
import type { PmtuDisc } from '../../net/ip-send.js';

/**
 * Which iputils release the host runs. They differ in one visible way: a send that fails with EMSGSIZE
 * prints "ping: local error: message too long, mtu=N" up to 20240117 (Ubuntu 24.04) and
 * "ping: sendmsg: <strerror>" from 20240905 (the Alpine-based netshoot image).
 */
export type IputilsRelease = '20240117' | '20240905';

export interface PingOptions {
  readonly dst: Ipv4Addr;
  /** The ICMP id: the pid for a raw socket, the kernel-chosen port for a datagram socket. */
  readonly ident: number;
  /** -c */
  readonly count?: number;
  /** -i in ms ((int)(seconds * 1000), as ping stores it). Default 1000. */
  readonly intervalMs?: number;
  /** -w in whole seconds. */
  readonly deadlineS?: number;
  /** -W in µs ((uint32_t)(seconds * 1000000)). Default 10 s. */
  readonly lingerUs?: number;
  /** -t */
  readonly ttl?: number;
  /** -Q */
  readonly tos?: number;
  /** -M do|want|dont; undefined leaves the socket default (want). */
  readonly pmtudisc?: PmtuDisc;
  /** -s: ICMP data bytes. Default 56. */
  readonly size?: number;
  /** -I with an interface name (SO_BINDTODEVICE). */
  readonly iface?: string;
  /** -I with an address (bind, "strict source"). */
  readonly source?: Ipv4Addr;
  /** -m */
  readonly mark?: number;
  /** -3: print RTTs with full µs precision. */
  readonly isRttPrecise?: boolean;
  readonly release?: IputilsRelease;
  /** Wall clock (Unix epoch ms) at virtual time 0: the timeval written into each probe. */
  readonly epochMs?: number;
  /** -p: up to 16 bytes repeated through the echo data (ping_common.c fill()). */
  readonly pattern?: readonly number[];
  /** -O: before each probe, report the previous one if it got no answer (an 'outstanding' event). */
  readonly reportOutstanding?: boolean;
}

export const PING_DEFAULTS = {
  intervalMs: 1000,
  lingerUs: 10_000_000,
  size: 56,
  release: '20240905',
} as const satisfies Partial<Record<keyof PingOptions, unknown>>;

/** MIN_INTERVAL_MS and SCHINT() of ping.h. */
export const MIN_INTERVAL_MS = 10;
export function schint(ms: number): number {
  return ms <= MIN_INTERVAL_MS ? MIN_INTERVAL_MS : ms;
}
