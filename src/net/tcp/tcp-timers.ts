// Layer net/tcp: the timers of a connection (tcp_timer.c): the retransmit timer and its other uses (tail
// loss probe, SYN-ACK of a request socket), the delayed ACK, and how long to keep trying
// (tcp_write_timeout: tcp_syn_retries, tcp_synack_retries, tcp_retries2 via tcp_model_timeout). Every
// timer runs on the namespace's virtual clock.

import { packetsInFlight } from './tcp-cb.js';
import {
  TCP_ATO_MIN_US, TCP_DELACK_MAX_US, TCP_DELACK_MIN_US, TCP_RTO_MAX_US, TCP_RTO_MIN_US, TCP_TIMEOUT_INIT_US,
  TCP_TIMEOUT_MIN_US, roundToJiffies, tcpSysctls,
} from './tcp-const.js';
import { sendAck } from './tcp-output.js';
import { probeTimer } from './tcp-probe.js';
import type { TcpSocket } from './tcp-socket.js';
import { tcpDone } from './tcp-state.js';
import type { XmitTimerKind } from './tcp-cb.js';
import { retransmitSkb, writeXmit } from './tcp-xmit.js';

export function resetXmitTimer(sk: TcpSocket, kind: XmitTimerKind, delayUs: number): void {
  const tp = sk.tp;
  const s = sk.ns.ctx.scheduler;
  s.cancel(tp.xmitTimer);
  const d = Math.min(Math.max(1, delayUs), TCP_RTO_MAX_US);
  tp.xmitTimerKind = kind;
  tp.xmitTimerAtUs = s.nowUs + d;
  tp.xmitTimer = s.after(d, () => onXmitTimer(sk));
}

export function clearXmitTimer(sk: TcpSocket): void {
  sk.ns.ctx.scheduler.cancel(sk.tp.xmitTimer);
  sk.tp.xmitTimer = undefined;
  sk.tp.xmitTimerKind = undefined;
}

/** tcp_rto_delta_us: how far in the future the RTO of the oldest outstanding segment lies. */
function rtoDeltaUs(sk: TcpSocket): number {
  const head = sk.tp.rtxQueue[0];
  if (!head) return sk.tp.rtoUs;
  return head.txUs + sk.tp.rtoUs - sk.ns.now;
}

/** tcp_rearm_rto: restart the RTO while data is outstanding, stop it otherwise. */
export function rearmRto(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.rtxQueue.length === 0) return clearXmitTimer(sk);
  let rto = tp.rtoUs;
  if (tp.xmitTimerKind === 'tlp') rto = Math.max(rtoDeltaUs(sk), 1);
  resetXmitTimer(sk, 'rto', rto);
}

/** tcp_schedule_loss_probe (RACK-TLP, RFC 8985 §7.2): probe 2*SRTT after the last send, unless the RTO comes first. */
export function scheduleLossProbe(sk: TcpSocket, isAdvancingRto: boolean): boolean {
  const tp = sk.tp;
  if (tp.rtxQueue.length === 0 || !tp.sackOk || (tp.caState !== 'open' && tp.caState !== 'disorder')) return false;
  if (sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV') return false;
  let timeout: number;
  if (tp.srttUs) {
    timeout = roundToJiffies(tp.srttUs >> 2) + (tp.rtxQueue.length === 1 ? TCP_RTO_MIN_US : TCP_TIMEOUT_MIN_US);
  } else {
    timeout = TCP_TIMEOUT_INIT_US;
  }
  const rtoDelta = isAdvancingRto ? tp.rtoUs : rtoDeltaUs(sk);
  if (rtoDelta > 0) timeout = Math.min(timeout, roundToJiffies(rtoDelta));
  resetXmitTimer(sk, 'tlp', timeout);
  return true;
}

function onXmitTimer(sk: TcpSocket): void {
  const kind = sk.tp.xmitTimerKind;
  sk.tp.xmitTimer = undefined;
  if (sk.state === 'CLOSED' || sk.state === 'TIME_WAIT') return;
  if (kind === 'tlp') return sendLossProbe(sk);
  if (kind === 'probe0') {
    sk.tp.xmitTimerKind = undefined;
    return probeTimer(sk);
  }
  sk.tp.xmitTimerKind = undefined;
  retransmitTimer(sk);
}

/** tcp_send_loss_probe: new data if the window allows, else the last segment again; then back to the RTO. */
function sendLossProbe(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.tlpHighSeq === 0) {
    const sentNew = tp.writeQueue.length > 0 && writeXmit(sk, { nagle: false, isProbe: true }) > 0;
    const tail = tp.rtxQueue[tp.rtxQueue.length - 1];
    if (!sentNew && tail) retransmitSkb(sk, tail);
    tp.tlpHighSeq = tp.sndNxt;
  }
  rearmRto(sk);
}

/** tcp_model_timeout: how long `boundary` exponential backoffs from `rtoBase` take (capped at TCP_RTO_MAX). */
export function modelTimeoutUs(boundary: number, rtoBaseUs: number): number {
  const thresh = Math.floor(Math.log2(TCP_RTO_MAX_US / rtoBaseUs));
  if (boundary <= thresh) return (2 ** (boundary + 1) - 1) * rtoBaseUs;
  return (2 ** (thresh + 1) - 1) * rtoBaseUs + (boundary - thresh) * TCP_RTO_MAX_US;
}

function retransmitsTimedOut(sk: TcpSocket, boundary: number, rtoBaseUs: number): boolean {
  const tp = sk.tp;
  if (tp.retransmits === 0) return false;
  const startMs = Math.floor(tp.retransStampUs / 1000);
  return Math.floor(sk.ns.now / 1000) - startMs >= Math.floor(modelTimeoutUs(boundary, rtoBaseUs) / 1000);
}

/** tcp_write_timeout: true when the connection gave up (and is gone). */
function writeTimeout(sk: TcpSocket): boolean {
  const tp = sk.tp;
  const sys = tcpSysctls(sk.ns);
  let expired: boolean;
  if (sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV') {
    expired = tp.retransmits >= sys.synRetries || retransmitsTimedOut(sk, sys.synRetries, TCP_TIMEOUT_INIT_US);
  } else {
    // tcp_orphan_retries: an orphan (closed by the application) gives up after 8 tries while the RTO grows.
    const retryUntil = sk.isOrphan ? 8 : sys.retries2;
    expired = retransmitsTimedOut(sk, retryUntil, TCP_RTO_MIN_US);
  }
  if (!expired) return false;
  // tcp_write_err: the soft error (an ICMP, a failed route) explains the timeout when there was one.
  tcpDone(sk, sk.softError ?? 'ETIMEDOUT');
  return true;
}

/** The SYN-ACK of a request socket: resent at 1, 3, 7, 15, 31 s, dropped silently after tcp_synack_retries. */
function synackTimer(sk: TcpSocket): void {
  const tp = sk.tp;
  const head = tp.rtxQueue[0];
  if (!head || tp.retransmits >= tcpSysctls(sk.ns).synackRetries) return tcpDone(sk, undefined, { silent: true });
  retransmitSkb(sk, head);
  tp.retransmits++;
  resetXmitTimer(sk, 'rto', Math.min(TCP_TIMEOUT_INIT_US * 2 ** tp.retransmits, TCP_RTO_MAX_US));
}

/** tcp_retransmit_timer: give up, or enter Loss, resend the oldest segment and back off. */
function retransmitTimer(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.rtxQueue.length === 0) return;
  if (sk.state === 'SYN_RECV' && sk.parent) return synackTimer(sk);
  if (writeTimeout(sk)) return;
  enterLoss(sk);
  tp.retransmits++;
  const head = tp.rtxQueue[0];
  if (head) retransmitSkb(sk, head);
  tp.backoff++;
  tp.rtoUs = Math.min(tp.rtoUs * 2, TCP_RTO_MAX_US);
  resetXmitTimer(sk, 'rto', tp.rtoUs);
}

/** tcp_enter_loss: everything outstanding is presumed lost; cubic's ssthresh, cwnd back to one segment. */
function enterLoss(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.caState === 'open' || tp.caState === 'disorder' || tp.retransmits === 0) {
    tp.ssthresh = Math.max((tp.cwnd * 717) >> 10, 2);
  }
  for (const skb of tp.rtxQueue) {
    skb.isRetransOut = false;
    if (!skb.isSacked) skb.isLost = true;
  }
  tp.cwnd = packetsInFlight(tp) + 1;
  tp.cwndCnt = 0;
  tp.caState = 'loss';
  tp.highSeq = tp.sndNxt;
  tp.tlpHighSeq = 0;
}

// ---- delayed ACK ---------------------------------------------------------------------------

export function clearDelack(sk: TcpSocket): void {
  sk.ns.ctx.scheduler.cancel(sk.tp.delackTimer);
  sk.tp.delackTimer = undefined;
}

/** tcp_send_delayed_ack: ACK within ATO (40 ms at first), bounded by the RTT and 200 ms. */
export function sendDelayedAck(sk: TcpSocket): void {
  const tp = sk.tp;
  let ato = tp.atoUs;
  if (ato > TCP_DELACK_MIN_US) {
    let maxAto = 500_000;
    if (tp.pingpong > 0 || tp.isAckPushed) maxAto = TCP_DELACK_MAX_US;
    if (tp.srttUs) {
      const rtt = Math.max(roundToJiffies(tp.srttUs >> 3), TCP_DELACK_MIN_US);
      if (rtt < maxAto) maxAto = rtt;
    }
    ato = Math.min(ato, maxAto);
  }
  ato = Math.min(ato, TCP_DELACK_MAX_US);
  const now = sk.ns.now;
  let at = now + ato;
  if (tp.delackTimer) {
    if (tp.delackAtUs <= now + (ato >> 2)) return sendAck(sk);
    if (at >= tp.delackAtUs) at = tp.delackAtUs;
  }
  sk.ns.ctx.scheduler.cancel(tp.delackTimer);
  tp.delackAtUs = at;
  tp.delackTimer = sk.ns.ctx.scheduler.at(at, () => onDelack(sk));
}

/** tcp_delack_timer_handler: a missed delayed ACK inflates ATO, or ends ping-pong mode. */
function onDelack(sk: TcpSocket): void {
  const tp = sk.tp;
  tp.delackTimer = undefined;
  if (!tp.isAckScheduled || sk.state === 'CLOSED') return;
  if (tp.pingpong === 0) {
    tp.atoUs = Math.min(tp.atoUs * 2, tp.rtoUs);
  } else {
    tp.pingpong = 0;
    tp.atoUs = TCP_ATO_MIN_US;
  }
  sendAck(sk);
}
