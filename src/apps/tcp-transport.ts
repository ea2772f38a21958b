// Layer apps: the door the applications use to the kernel's TCP (src/net/tcp/tcp-socket.ts:
// TcpSocket.listen / TcpSocket.connect). Apps take a TcpTransport so a test, or a lab that wants to
// fail connections on purpose, can hand them another one; `kernelTcp` is the real socket layer.

import type { Ipv4Addr } from '../addr/index.js';
import type { Errno } from '../net/netlink-error.js';
import type { Netns } from '../net/netns.js';
import type { SockAddr } from '../net/sock-hooks.js';
import { TcpSocket, type ListenOptions } from '../net/tcp/tcp-socket.js';

export interface TcpTransport {
  listen(ns: Netns, addr: Ipv4Addr, port: number, backlog?: number, opts?: ListenOptions): TcpSocket | Errno;
  connect(ns: Netns, dst: SockAddr, opts?: { src?: Ipv4Addr }): TcpSocket | Errno;
}

/** The emulated kernel's TCP (resolved at call time, so apps load before TCP does). */
export const kernelTcp: TcpTransport = {
  listen: (ns, addr, port, backlog, opts) => TcpSocket.listen(ns, addr, port, backlog, opts),
  connect: (ns, dst, opts) => TcpSocket.connect(ns, dst, opts),
};

export function isErrno<T extends object>(v: T | Errno): v is Errno {
  return typeof v === 'string';
}

export type { TcpSocket };
