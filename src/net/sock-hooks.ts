// Layer net: the cgroup socket hooks of a namespace (BPF_CGROUP_INET4_CONNECT, UDP4_SENDMSG, UDP4_RECVMSG,
// INET4_GETPEERNAME). Cilium's socket load balancer attaches here: it rewrites a ClusterIP destination
// to a backend at connect()/sendmsg() and the backend back to the ClusterIP on recvmsg()/getpeername().

import type { Ipv4Addr } from '../addr/index.js';
import type { Errno } from './netlink-error.js';

export interface SockAddr {
  readonly addr: Ipv4Addr;
  readonly port: number;
}

export type L4Proto = 'tcp' | 'udp';

/** A hook's answer: keep the address, use another one, or fail the call with an errno. */
export type SockHookResult = { readonly kind: 'keep' } | { readonly kind: 'rewrite'; readonly to: SockAddr; readonly note: string } | { readonly kind: 'error'; readonly errno: Errno; readonly note: string };

export const SOCK_KEEP: SockHookResult = { kind: 'keep' };

export interface SockHooks {
  /** connect() of TCP or UDP, and sendmsg() of an unconnected UDP socket. */
  connect4?: (proto: L4Proto, dst: SockAddr, cookie: number) => SockHookResult;
  /** recvmsg()/getpeername(): maps a backend address back to what the application asked for. */
  recvmsg4?: (proto: L4Proto, peer: SockAddr, cookie: number) => SockAddr;
}
