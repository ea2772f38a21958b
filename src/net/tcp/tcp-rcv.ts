// Layer net/tcp: tcp_rcv_state_process and tcp_rcv_synsent_state_process (tcp_input.c) for a segment that
// found its connection: PAWS and sequence checks (RFC 7323 §5, RFC 9293 §3.10.7.4), RST and SYN handling
// with challenge ACKs (RFC 5961), the ACK, the closing states, then the data and the ACK decision.
// Returns 'reset' when the caller must answer with a RST (tcp_v4_send_reset).

import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../../wire/index.js';
import { appConnected } from './tcp-app.js';
import { tcpAck } from './tcp-ack.js';
import { TCP_MSS_DEFAULT, TCP_TIMEOUT_FALLBACK_US, tcpSysctls } from './tcp-const.js';
import { ackSndCheck, dataQueue, dataSndCheck, enterQuickack } from './tcp-data.js';
import { synRecvRcv } from './tcp-listen.js';
import { sendAck } from './tcp-output.js';
import { resetKeepalive } from './tcp-probe.js';
import type { Segment } from './tcp-segment.js';
import { after, before, seqAdd, seqDiff } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { setState, tcpDone, timeWait } from './tcp-state.js';
import { clearXmitTimer } from './tcp-timers.js';
import { fullSpace, receiveWindow } from './tcp-window.js';

export type RcvVerdict = 'ok' | 'reset' | 'drop';

/** tcp_reset: the peer reset the connection. */
export function resetReceived(sk: TcpSocket): void {
  tcpDone(sk, sk.state === 'SYN_SENT' ? 'ECONNREFUSED' : 'ECONNRESET');
}

export function rcvStateProcess(sk: TcpSocket, seg: Segment): RcvVerdict {
  const tp = sk.tp;
  tp.rcvTsval = seg.opts.tsval;
  tp.rcvTsecr = seg.opts.tsecr;
  if (sk.state === 'SYN_SENT') return synSentRcv(sk, seg);
  if (sk.state === 'SYN_RECV') {
    const r = synRecvRcv(sk, seg);
    if (r !== 'established') return r === 'reset' ? 'reset' : 'drop';
  }
  const v = validateIncoming(sk, seg);
  if (v !== 'ok') return v;
  if (!(seg.flags & TCP_ACK)) return 'drop';
  const ackResult = tcpAck(sk, seg);
  if (ackResult === 'invalid' || ackResult === 'drop') {
    if (ackResult === 'invalid') sendAck(sk);
    return 'drop';
  }
  replaceTsRecent(sk, seg);
  if (finAckedStep(sk, seg)) return 'ok';
  return dataStep(sk, seg);
}

/** The ACK of our FIN moves FIN_WAIT1, CLOSING and LAST_ACK on; true when nothing is left to do. */
function finAckedStep(sk: TcpSocket, seg: Segment): boolean {
  const tp = sk.tp;
  const isFinAcked = sk.isSndShutdown && tp.sndUna === tp.writeSeq;
  switch (sk.state) {
    case 'FIN_WAIT1':
      if (!isFinAcked) return false;
      setState(sk, 'FIN_WAIT2');
      if (sk.isOrphan && !(seg.flags & TCP_FIN) && seg.data.length === 0) {
        timeWait(sk, 'FIN_WAIT2', tcpSysctls(sk.ns).finTimeoutUs);
        return true;
      }
      return false;
    case 'CLOSING':
      if (isFinAcked) timeWait(sk, 'TIME_WAIT');
      return isFinAcked;
    case 'LAST_ACK':
      if (isFinAcked) tcpDone(sk, undefined);
      return isFinAcked;
    default:
      return false;
  }
}

/** Step 7 of tcp_rcv_state_process: the segment's text, then what to send. */
function dataStep(sk: TcpSocket, seg: Segment): RcvVerdict {
  const tp = sk.tp;
  const hasText = seg.data.length > 0 || (seg.flags & TCP_FIN) !== 0;
  switch (sk.state) {
    case 'CLOSE_WAIT':
    case 'CLOSING':
    case 'LAST_ACK':
      if (!before(seg.seq, tp.rcvNxt)) break;
      dataQueue(sk, seg);
      break;
    case 'FIN_WAIT1':
    case 'FIN_WAIT2':
      // RFC 1122: data for a socket the application closed gets a RST.
      if (sk.isOrphan && hasText && after(seqAdd(seg.endSeq, seg.flags & TCP_FIN ? -1 : 0), tp.rcvNxt)) {
        resetReceived(sk);
        return 'reset';
      }
      dataQueue(sk, seg);
      break;
    case 'ESTABLISHED':
      dataQueue(sk, seg);
      break;
    default:
      break;
  }
  if (sk.state === 'CLOSED' || sk.state === 'TIME_WAIT') return 'ok';
  dataSndCheck(sk);
  ackSndCheck(sk);
  return 'ok';
}

/** tcp_validate_incoming: PAWS, the window, RST and SYN checks. */
function validateIncoming(sk: TcpSocket, seg: Segment): RcvVerdict {
  const tp = sk.tp;
  const isRst = (seg.flags & TCP_RST) !== 0;
  if (tp.tstampOk && seg.opts.tsval !== undefined && !isRst && seqDiff(seg.opts.tsval, tp.tsRecent) < 0 && tp.tsRecentStampUs > 0) {
    sendDupAck(sk, seg);
    return 'drop';
  }
  const inWindow = !before(seg.endSeq, tp.rcvWup) && !after(seg.seq, seqAdd(tp.rcvNxt, receiveWindow(tp)));
  if (!inWindow) {
    if (!isRst) {
      if (seg.flags & TCP_SYN) sendAck(sk);
      else sendDupAck(sk, seg);
    }
    return 'drop';
  }
  if (isRst) {
    const closing = sk.state === 'CLOSE_WAIT' || sk.state === 'LAST_ACK' || sk.state === 'CLOSING';
    if (seg.seq === tp.rcvNxt || (closing && seg.seq === seqAdd(tp.rcvNxt, -1))) resetReceived(sk);
    else sendAck(sk);
    return 'drop';
  }
  if (seg.flags & TCP_SYN) {
    sendAck(sk);
    return 'drop';
  }
  return 'ok';
}

/** tcp_send_dupack: a duplicate of received data gets an immediate ACK with a D-SACK block. */
function sendDupAck(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  if (seg.endSeq !== seg.seq && before(seg.seq, tp.rcvNxt)) {
    enterQuickack(sk);
    if (tp.sackOk) tp.dsack = { left: seg.seq, right: after(seg.endSeq, tp.rcvNxt) ? tp.rcvNxt : seg.endSeq };
  }
  sendAck(sk);
}

/** tcp_replace_ts_recent: remember the peer's TSval of an in-window segment at the left edge (RFC 7323 §4.3). */
function replaceTsRecent(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  if (!tp.tstampOk || seg.opts.tsval === undefined || after(seg.seq, tp.rcvWup)) return;
  if (seqDiff(seg.opts.tsval, tp.tsRecent) >= 0 || tp.tsRecentStampUs === 0) {
    tp.tsRecent = seg.opts.tsval;
    tp.tsRecentStampUs = sk.ns.now;
  }
}

/** tcp_rcv_synsent_state_process: the answer to our SYN. */
function synSentRcv(sk: TcpSocket, seg: Segment): RcvVerdict {
  const tp = sk.tp;
  if (seg.flags & TCP_ACK) {
    if (!after(seg.ack, tp.iss) || after(seg.ack, tp.sndNxt)) return seg.flags & TCP_RST ? 'drop' : 'reset';
    if (seg.flags & TCP_RST) {
      resetReceived(sk);
      return 'drop';
    }
    if (!(seg.flags & TCP_SYN)) return 'drop';
    synAckReceived(sk, seg);
    return 'ok';
  }
  return 'drop';
}

/** What the SYN-ACK agreed to: window scaling, timestamps, SACK, the peer's MSS. */
function negotiate(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  const o = seg.opts;
  if (!tp.wscaleOk || o.wscale === undefined) {
    tp.wscaleOk = false;
    tp.sndWscale = 0;
    tp.rcvWscale = 0;
    tp.windowClamp = Math.min(tp.windowClamp, 65535);
  } else {
    tp.sndWscale = o.wscale;
  }
  tp.tstampOk = tp.tstampOk && o.tsval !== undefined;
  if (tp.tstampOk) {
    tp.tsRecent = o.tsval ?? 0;
    tp.tsRecentStampUs = sk.ns.now;
  }
  tp.sackOk = tp.sackOk && o.sackPermitted;
  tp.mssClamp = Math.min(o.mss ?? TCP_MSS_DEFAULT, tp.advmss);
}

function synAckReceived(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  tp.irs = seg.seq;
  tp.rcvNxt = seqAdd(seg.seq, 1);
  tp.rcvWup = tp.rcvNxt;
  tp.copiedSeq = tp.rcvNxt;
  tp.sndWl1 = seg.seq;
  negotiate(sk, seg);
  tcpAck(sk, seg);
  tp.sndWnd = seg.window;
  tp.maxWindow = seg.window;
  if (!tp.srttUs) {
    // tcp_init_metrics: no RTT sample from the handshake (the SYN was retransmitted) means a 3 s RTO.
    tp.rttvarUs = TCP_TIMEOUT_FALLBACK_US;
    tp.mdevUs = tp.rttvarUs;
    tp.mdevMaxUs = tp.rttvarUs;
    tp.rtoUs = TCP_TIMEOUT_FALLBACK_US;
  }
  tp.windowClamp = Math.min(tp.windowClamp, fullSpace(tp));
  tp.retransmits = 0;
  tp.retransStampUs = 0;
  tp.backoff = 0;
  clearXmitTimer(sk);
  setState(sk, 'ESTABLISHED');
  resetKeepalive(sk);
  appConnected(sk);
  sendAck(sk);
  dataSndCheck(sk);
}
