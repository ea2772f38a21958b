// Layer net: a TCP socket (RFC 9293 as net/ipv4/tcp*.c implements it). PLACEHOLDER: the interface the rest
// of the stack and the applications use; the implementation is being written.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Errno } from '../netlink-error.js';
import type { Netns } from '../netns.js';
import type { SockAddr } from '../sock-hooks.js';

export type TcpState = 'CLOSED' | 'LISTEN' | 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT1' | 'FIN_WAIT2' | 'CLOSE_WAIT' | 'CLOSING' | 'LAST_ACK' | 'TIME_WAIT';

export declare class TcpSocket {
  readonly ns: Netns;
  state: TcpState;
  localAddr: Ipv4Addr;
  localPort: number;
  remoteAddr: Ipv4Addr;
  remotePort: number;
  readonly cookie: number;
  onConnected: (() => void) | undefined;
  onData: ((data: Uint8Array) => void) | undefined;
  onPeerClosed: (() => void) | undefined;
  onClosed: ((errno: Errno | undefined) => void) | undefined;
  onAccept: ((child: TcpSocket) => void) | undefined;
  static listen(ns: Netns, addr: Ipv4Addr, port: number, backlog?: number): TcpSocket | Errno;
  static connect(ns: Netns, dst: SockAddr, opts?: { src?: Ipv4Addr }): TcpSocket | Errno;
  send(data: Uint8Array): void;
  close(): void;
  abort(): void;
  icmpError(errno: Errno, type: number, code: number): void;
}
