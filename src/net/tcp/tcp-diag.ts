// Layer net/tcp: what `ss -tan` (inet_diag, net/ipv4/tcp_diag.c) reports about a namespace's TCP sockets,
// one family at a time as ss asks (AF_INET, then AF_INET6): listeners in lhash2 bucket order, then
// connections (request sockets and TIME_WAIT included; in the order they were made, where the kernel walks
// its ehash), each with ss's state name, Recv-Q/Send-Q, addresses, family, bound device, and the timer
// `ss -o` prints (idiag_timer: on, keepalive, timewait, persist).
//
// @example
//   for (const d of tcpDiag(ns)) console.log(`${d.state.padEnd(10)} ${d.recvQ} ${d.sendQ}`);

import type { Ipv4Addr } from '../../addr/index.js';
import type { Netns } from '../netns.js';
import type { SockBinding, SockFamily } from '../sock-bind.js';
import { inSlotOrder, lhash2Slot } from '../sock-hash.js';
import type { TcpSocket, TcpState } from './tcp-socket.js';

/** ss.c's sstate_name. */
export const SS_STATE_NAME = {
  ESTABLISHED: 'ESTAB',
  SYN_SENT: 'SYN-SENT',
  SYN_RECV: 'SYN-RECV',
  FIN_WAIT1: 'FIN-WAIT-1',
  FIN_WAIT2: 'FIN-WAIT-2',
  TIME_WAIT: 'TIME-WAIT',
  CLOSED: 'UNCONN',
  CLOSE_WAIT: 'CLOSE-WAIT',
  LAST_ACK: 'LAST-ACK',
  LISTEN: 'LISTEN',
  CLOSING: 'CLOSING',
} as const satisfies Record<TcpState, string>;

export type SsTimerKind = 'on' | 'keepalive' | 'timewait' | 'persist';

export interface TcpDiagEntry {
  readonly state: (typeof SS_STATE_NAME)[TcpState];
  readonly recvQ: number;
  readonly sendQ: number;
  readonly localAddr: Ipv4Addr;
  readonly localPort: number;
  readonly peerAddr: Ipv4Addr;
  readonly peerPort: number;
  readonly binding: SockBinding;
  readonly cookie: number;
  /** The pending timer, when it expires (virtual µs) and its retransmit/probe count, as `ss -o` shows. */
  readonly timer: { readonly kind: SsTimerKind; readonly expiresUs: number; readonly count: number } | undefined;
  readonly socket: TcpSocket;
}

function timerOf(sk: TcpSocket): TcpDiagEntry['timer'] {
  const tp = sk.tp;
  if (sk.isTimewait && tp.stateTimer) return { kind: 'timewait', expiresUs: tp.stateTimer.atUs, count: 0 };
  if (tp.xmitTimer && tp.xmitTimerKind === 'probe0') return { kind: 'persist', expiresUs: tp.xmitTimerAtUs, count: tp.probesOut };
  if (tp.xmitTimer) return { kind: 'on', expiresUs: tp.xmitTimerAtUs, count: tp.retransmits };
  if (tp.keepaliveTimer) return { kind: 'keepalive', expiresUs: tp.keepaliveTimer.atUs, count: tp.probesOut };
  return undefined;
}

function entry(sk: TcpSocket): TcpDiagEntry {
  return {
    state: SS_STATE_NAME[sk.state],
    recvQ: sk.recvQ,
    sendQ: sk.sendQ,
    localAddr: sk.localAddr,
    localPort: sk.localPort,
    peerAddr: sk.remoteAddr,
    peerPort: sk.remotePort,
    binding: sk.binding,
    cookie: sk.cookie,
    timer: timerOf(sk),
    socket: sk,
  };
}

/** The TCP sockets of `ns` as inet_diag dumps them for one family, or for AF_INET then AF_INET6. */
export function tcpDiag(ns: Netns, family?: SockFamily): TcpDiagEntry[] {
  if (family === undefined) return [...tcpDiag(ns, 'inet'), ...tcpDiag(ns, 'inet6')];
  const listeners = [];
  for (const [port, list] of ns.sockets.tcpListeners) {
    for (const l of list) {
      const b = l.binding;
      if (b.family === family) listeners.push({ sk: l, slot: lhash2Slot(ns, l.localAddr, port), cookie: l.cookie, isTailAdded: b.family === 'inet6' && b.isReuseport });
    }
  }
  const out = inSlotOrder(listeners).map((l) => entry(l.sk));
  for (const sk of ns.sockets.tcpConns.values()) if (sk.binding.family === family) out.push(entry(sk));
  return out;
}
