// Layer net/tcp: moving a socket between states (tcp_set_state, tcp_done, tcp_time_wait). A finished
// connection leaves the namespace's connection table; TIME_WAIT (and an orphan's FIN_WAIT2) keeps the
// 4-tuple for its timeout, as inet_timewait_sock does, then frees it.

import type { Rng } from '../../sim/index.js';
import type { Errno } from '../netlink-error.js';
import type { Netns } from '../netns.js';
import { appClosed } from './tcp-app.js';
import { TCP_TIMEWAIT_LEN_US } from './tcp-const.js';
import type { TcpSocket, TcpState } from './tcp-socket.js';
import { clearDelack, clearXmitTimer } from './tcp-timers.js';

const rngs = new WeakMap<Netns, Rng>();

/** The namespace's TCP random stream (ISNs, timestamp offsets, IP ids), forked once from the lab's seed. */
export function tcpRng(ns: Netns): Rng {
  let r = rngs.get(ns);
  if (!r) {
    r = ns.ctx.rng.fork(`tcp/${ns.name}`);
    rngs.set(ns, r);
  }
  return r;
}

export function setState(sk: TcpSocket, state: TcpState): void {
  sk.state = state;
}

function unhash(sk: TcpSocket): void {
  const conns = sk.ns.sockets.tcpConns;
  if (conns.get(sk.key) === sk) conns.delete(sk.key);
  const parent = sk.parent;
  if (parent) {
    parent.children.delete(sk);
    const i = parent.acceptQueue.indexOf(sk);
    if (i >= 0) parent.acceptQueue.splice(i, 1);
    sk.parent = undefined;
  }
}

function stopTimers(sk: TcpSocket): void {
  clearXmitTimer(sk);
  clearDelack(sk);
  const s = sk.ns.ctx.scheduler;
  s.cancel(sk.tp.stateTimer);
  s.cancel(sk.tp.keepaliveTimer);
  sk.tp.stateTimer = undefined;
  sk.tp.keepaliveTimer = undefined;
}

/**
 * tcp_done: the connection is over. `errno` becomes sk_err and is reported to onClosed, unless the
 * application has closed the socket or the close is silent (a request socket timing out, an abort).
 */
export function tcpDone(sk: TcpSocket, errno: Errno | undefined, opts: { silent?: boolean } = {}): void {
  if (sk.state === 'CLOSED' && !sk.ns.sockets.tcpConns.has(sk.key)) return;
  setState(sk, 'CLOSED');
  stopTimers(sk);
  unhash(sk);
  sk.tp.writeQueue.length = 0;
  sk.tp.rtxQueue.length = 0;
  sk.tp.oooQueue.length = 0;
  if (errno !== undefined) sk.error = errno;
  if (!sk.isOrphan && !opts.silent) appClosed(sk, errno);
}

/** tcp_time_wait: keep the 4-tuple for TIME_WAIT (60 s), or for tcp_fin_timeout in an orphan's FIN_WAIT2. */
export function timeWait(sk: TcpSocket, state: 'TIME_WAIT' | 'FIN_WAIT2', timeoutUs = TCP_TIMEWAIT_LEN_US): void {
  setState(sk, state);
  sk.isTimewait = true;
  clearXmitTimer(sk);
  clearDelack(sk);
  sk.tp.writeQueue.length = 0;
  sk.tp.rtxQueue.length = 0;
  sk.tp.oooQueue.length = 0;
  rescheduleTimeWait(sk, timeoutUs);
  if (state === 'TIME_WAIT' && !sk.isOrphan) appClosed(sk, undefined);
}

/** inet_twsk_reschedule: (re)start the TIME_WAIT clock, after which the socket is freed silently. */
export function rescheduleTimeWait(sk: TcpSocket, timeoutUs = TCP_TIMEWAIT_LEN_US): void {
  const s = sk.ns.ctx.scheduler;
  s.cancel(sk.tp.stateTimer);
  sk.tp.stateTimer = s.after(timeoutUs, () => {
    sk.tp.stateTimer = undefined;
    tcpDone(sk, undefined, { silent: true });
  });
}
