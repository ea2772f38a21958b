// Layer net/tcp: waking the application (sk_data_ready, sk_state_change, sk_error_report). The stack never
// calls application code on its own stack: events are queued on the socket and delivered by one task on
// the virtual clock, in order connected, data, EOF, error/close, so a handler may send, close or abort
// freely. Data stays in the receive queue (Recv-Q, counted against the window) until an onData handler
// takes it; EOF then consumes the FIN's sequence number, as tcp_recvmsg does.

import type { TcpSocket } from './tcp-socket.js';
import { cleanupRbuf } from './tcp-data.js';

export function wakeApp(sk: TcpSocket): void {
  if (sk.app.isWakeScheduled) return;
  sk.app.isWakeScheduled = true;
  sk.ns.ctx.scheduler.after(0, () => {
    sk.app.isWakeScheduled = false;
    flushApp(sk);
  });
}

export function appConnected(sk: TcpSocket): void {
  sk.app.isConnectedPending = true;
  wakeApp(sk);
}

export function appClosed(sk: TcpSocket, errno: TcpSocket['error']): void {
  sk.app.closedPending = { errno };
  wakeApp(sk);
}

/** Delivers whatever the application's handlers can take now. */
export function flushApp(sk: TcpSocket): void {
  const app = sk.app;
  if (sk.isOrphan) return;
  if (app.isConnectedPending) {
    app.isConnectedPending = false;
    sk.onConnected?.();
  }
  let copied = 0;
  const tp = sk.tp;
  while (tp.rcvQueue.length > 0 && sk.onData && !sk.isOrphan) {
    const skb = tp.rcvQueue.shift();
    if (!skb) break;
    tp.rmemAlloc -= skb.truesize;
    tp.copiedSeq = skb.endSeq;
    copied += skb.data.length;
    sk.onData(skb.data);
  }
  if (copied > 0 && !sk.isOrphan) cleanupRbuf(sk);
  if (sk.isOrphan) return;
  if (tp.rcvQueue.length === 0 && sk.isPeerFin && !app.isEofDelivered && sk.onPeerClosed) {
    app.isEofDelivered = true;
    tp.copiedSeq = tp.rcvNxt;
    sk.onPeerClosed();
  }
  if (sk.isOrphan) return;
  if (app.closedPending && (tp.rcvQueue.length === 0 || !sk.onData)) {
    const { errno } = app.closedPending;
    app.closedPending = undefined;
    sk.onClosed?.(errno);
  }
  flushAcceptQueue(sk);
}

/** inet_csk_accept: hand completed connections to the listener's onAccept. */
function flushAcceptQueue(sk: TcpSocket): void {
  while (sk.state === 'LISTEN' && sk.acceptQueue.length > 0 && sk.onAccept) {
    const child = sk.acceptQueue.shift();
    if (!child) break;
    sk.children.delete(child);
    child.parent = undefined;
    sk.onAccept(child);
  }
}
