// Layer net/tcp: probes that keep an idle connection honest (tcp_timer.c): SO_KEEPALIVE probes after
// tcp_keepalive_time of silence, every tcp_keepalive_intvl, ETIMEDOUT after tcp_keepalive_probes
// unanswered; and zero-window probes (tcp_probe_timer) while the peer's window is closed. Both send
// tcp_xmit_probe_skb's segment: an ACK at snd_una - 1, which the peer must answer with a duplicate ACK.

import { TCP_ACK } from '../../wire/index.js';
import { TCP_RTO_MAX_US, TCP_RTO_MIN_US, tcpSysctls } from './tcp-const.js';
import { sendActiveReset, transmit } from './tcp-output.js';
import { seqAdd } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { tcpDone } from './tcp-state.js';
import { clearXmitTimer, resetXmitTimer } from './tcp-timers.js';
import { writeWakeup } from './tcp-xmit.js';

export interface KeepaliveConfig {
  /** TCP_KEEPIDLE (tcp_keepalive_time, 7200 s by default). */
  readonly idleS?: number;
  /** TCP_KEEPINTVL (tcp_keepalive_intvl, 75 s). */
  readonly intervalS?: number;
  /** TCP_KEEPCNT (tcp_keepalive_probes, 9). */
  readonly probes?: number;
}

function xmitProbe(sk: TcpSocket): void {
  transmit(sk, { seq: seqAdd(sk.tp.sndUna, -1), flags: TCP_ACK });
}

function keepaliveParams(sk: TcpSocket): { idleUs: number; intvlUs: number; probes: number } {
  const sys = tcpSysctls(sk.ns);
  const k = sk.keepalive ?? {};
  return {
    idleUs: k.idleS !== undefined ? k.idleS * 1_000_000 : sys.keepaliveTimeUs,
    intvlUs: k.intervalS !== undefined ? k.intervalS * 1_000_000 : sys.keepaliveIntvlUs,
    probes: k.probes ?? sys.keepaliveProbes,
  };
}

/** inet_csk_reset_keepalive_timer: (re)start the keepalive clock, when SO_KEEPALIVE is on. */
export function resetKeepalive(sk: TcpSocket, delayUs?: number): void {
  const s = sk.ns.ctx.scheduler;
  s.cancel(sk.tp.keepaliveTimer);
  sk.tp.keepaliveTimer = undefined;
  if (!sk.keepalive || sk.state === 'CLOSED' || sk.state === 'SYN_SENT' || sk.state === 'LISTEN' || sk.isTimewait) return;
  sk.tp.keepaliveTimer = s.after(delayUs ?? keepaliveParams(sk).idleUs, () => keepaliveTimer(sk));
}

/** tcp_keepalive_timer: probe after the idle time; give up after the probes go unanswered. */
function keepaliveTimer(sk: TcpSocket): void {
  const tp = sk.tp;
  tp.keepaliveTimer = undefined;
  const p = keepaliveParams(sk);
  if (tp.rtxQueue.length > 0 || tp.writeQueue.length > 0) return resetKeepalive(sk, p.idleUs);
  const elapsed = sk.ns.now - Math.max(tp.lrcvUs, tp.rcvTstampUs);
  if (elapsed < p.idleUs) return resetKeepalive(sk, p.idleUs - elapsed);
  if (tp.probesOut >= p.probes) {
    sendActiveReset(sk);
    return tcpDone(sk, sk.softError ?? 'ETIMEDOUT');
  }
  xmitProbe(sk);
  tp.probesOut++;
  resetKeepalive(sk, p.intvlUs);
}

function probe0When(sk: TcpSocket): number {
  return Math.min(Math.max(sk.tp.rtoUs, TCP_RTO_MIN_US) * 2 ** sk.tp.backoff, TCP_RTO_MAX_US);
}

/** tcp_check_probe_timer: data waits for a closed window and nothing is in flight to bring an ACK. */
export function checkProbeTimer(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.rtxQueue.length === 0 && tp.writeQueue.length > 0 && tp.xmitTimer === undefined) resetXmitTimer(sk, 'probe0', probe0When(sk));
}

/** tcp_ack_probe: an ACK while probing; an open window ends the probing. */
export function ackProbe(sk: TcpSocket): void {
  const tp = sk.tp;
  const head = tp.writeQueue[0];
  if (!head || head.data.length <= tp.sndWnd) {
    tp.backoff = 0;
    tp.probesOut = 0;
    if (tp.xmitTimerKind === 'probe0') clearXmitTimer(sk);
    return;
  }
  resetXmitTimer(sk, 'probe0', probe0When(sk));
}

/** tcp_probe_timer + tcp_send_probe0: probe the closed window, backing off; give up after tcp_retries2. */
export function probeTimer(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.rtxQueue.length > 0 || tp.writeQueue.length === 0) {
    tp.probesOut = 0;
    return;
  }
  if (tp.probesOut >= tcpSysctls(sk.ns).retries2) return tcpDone(sk, sk.softError ?? 'ETIMEDOUT');
  if (!writeWakeup(sk)) xmitProbe(sk);
  if (tp.rtxQueue.length > 0) {
    tp.probesOut = 0;
    tp.backoff = 0;
    return;
  }
  tp.probesOut++;
  if (tp.backoff < tcpSysctls(sk.ns).retries2) tp.backoff++;
  resetXmitTimer(sk, 'probe0', probe0When(sk));
}
