// Layer net/tcp: receiving data (tcp_data_queue, tcp_data_queue_ofo, tcp_fin in tcp_input.c) and deciding
// when to ACK it (__tcp_ack_snd_check, tcp_event_data_recv, tcp_measure_rcv_mss, tcp_cleanup_rbuf):
// quick ACKs for the first segments, ACK every second full segment, delayed ACKs (40 ms) in ping-pong
// mode, immediate duplicate ACKs with SACK blocks (RFC 2018) for out-of-order data, D-SACK (RFC 2883).

import { TCP_FIN, TCP_PSH, TCP_RST, TCP_SYN, TCP_URG } from '../../wire/index.js';
import { wakeApp } from './tcp-app.js';
import type { RxSkb } from './tcp-cb.js';
import { TCP_ATO_MIN_US, TCP_MAX_QUICKACKS, TCP_MIN_MSS, TCP_MSS_DEFAULT, TCP_PINGPONG_THRESH } from './tcp-const.js';
import { maxSackBlocks } from './tcp-options.js';
import { sendAck } from './tcp-output.js';
import type { Segment } from './tcp-segment.js';
import { after, before, seqAdd, seqDiff, seqMax, seqMin } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { setState, timeWait } from './tcp-state.js';
import { sendDelayedAck } from './tcp-timers.js';
import { rawSelectWindow, receiveWindow, skbTruesize } from './tcp-window.js';
import { writeXmit } from './tcp-xmit.js';

export function inQuickack(sk: TcpSocket): boolean {
  return sk.tp.quick > 0 && sk.tp.pingpong < TCP_PINGPONG_THRESH;
}

/** tcp_incr_quickack: quick ACKs for half a window's worth of segments, at most `max`. */
function incrQuickack(sk: TcpSocket, max: number): void {
  const tp = sk.tp;
  let quickacks = Math.floor(tp.rcvWnd / (2 * tp.rcvMss));
  if (quickacks === 0) quickacks = 2;
  quickacks = Math.min(quickacks, max);
  if (quickacks > tp.quick) tp.quick = quickacks;
}

/** tcp_enter_quickack_mode. */
export function enterQuickack(sk: TcpSocket, max = TCP_MAX_QUICKACKS): void {
  incrQuickack(sk, max);
  sk.tp.pingpong = 0;
  sk.tp.atoUs = TCP_ATO_MIN_US;
}

/** tcp_measure_rcv_mss: learn the peer's segment size; a short or pushed segment marks the ACK "pushed". */
function measureRcvMss(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  const len = seg.data.length;
  if (len >= tp.rcvMss) {
    tp.rcvMss = Math.min(len, tp.advmss);
    if (seg.flags & TCP_PSH) tp.isAckPushed = true;
    return;
  }
  const withHeader = len + seg.headerLen;
  const remnant = TCP_URG | TCP_PSH | TCP_FIN | TCP_RST | TCP_SYN;
  if (withHeader >= TCP_MSS_DEFAULT + 20 || (withHeader >= TCP_MIN_MSS + 20 && !(seg.flags & remnant))) {
    const size = withHeader - (20 + (tp.tstampOk ? 12 : 0));
    const last = tp.lastSegSize;
    tp.lastSegSize = size;
    if (size === last) {
      tp.rcvMss = size;
      return;
    }
  }
  if (tp.isAckPushed) tp.isAckPushed2 = true;
  tp.isAckPushed = true;
}

/** tcp_event_data_recv: schedule an ACK; the ATO follows the peer's inter-segment gap. */
function eventDataRecv(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  const now = sk.ns.now;
  tp.isAckScheduled = true;
  measureRcvMss(sk, seg);
  if (!tp.atoUs) {
    incrQuickack(sk, TCP_MAX_QUICKACKS);
    tp.atoUs = TCP_ATO_MIN_US;
  } else {
    const m = now - tp.lrcvUs;
    if (m <= TCP_ATO_MIN_US / 2) tp.atoUs = (tp.atoUs >> 1) + TCP_ATO_MIN_US / 2;
    else if (m < tp.atoUs) tp.atoUs = Math.min((tp.atoUs >> 1) + m, tp.rtoUs);
    else if (m > tp.rtoUs) incrQuickack(sk, TCP_MAX_QUICKACKS);
  }
  tp.lrcvUs = now;
}

/** tcp_dsack_set: report a duplicate range in the next ACK (RFC 2883). */
function dsackSet(sk: TcpSocket, left: number, right: number): void {
  if (sk.tp.sackOk) sk.tp.dsack = { left, right };
}

function outOfWindow(sk: TcpSocket): void {
  enterQuickack(sk);
  sk.tp.isAckScheduled = true;
}

/** tcp_data_queue: in-order data to the receive queue, duplicates D-SACKed, the rest to the out-of-order queue. */
export function dataQueue(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  const isFin = (seg.flags & TCP_FIN) !== 0;
  if (seg.data.length === 0 && !isFin) return;
  tp.dsack = undefined;
  if (seg.seq === tp.rcvNxt) {
    if (receiveWindow(tp) === 0 && seg.data.length > 0) return outOfWindow(sk);
    return queueInOrder(sk, seg, isFin);
  }
  if (!after(seg.endSeq, tp.rcvNxt)) {
    dsackSet(sk, seg.seq, seg.endSeq);
    return outOfWindow(sk);
  }
  if (!before(seg.seq, seqAdd(tp.rcvNxt, receiveWindow(tp)))) return outOfWindow(sk);
  if (before(seg.seq, tp.rcvNxt)) {
    dsackSet(sk, seg.seq, tp.rcvNxt);
    seg.data = seg.data.subarray(seqDiff(tp.rcvNxt, seg.seq));
    seg.seq = tp.rcvNxt;
    return queueInOrder(sk, seg, isFin);
  }
  queueOfo(sk, { seq: seg.seq, endSeq: seg.endSeq, data: seg.data.slice(), isFin, truesize: skbTruesize(seg.data.length) });
}

function queueInOrder(sk: TcpSocket, seg: Segment, isFin: boolean): void {
  const tp = sk.tp;
  if (seg.data.length > 0) {
    const truesize = skbTruesize(seg.data.length);
    tp.rcvQueue.push({ seq: seg.seq, endSeq: seqAdd(seg.seq, seg.data.length), data: seg.data.slice(), isFin: false, truesize });
    tp.rmemAlloc += truesize;
    eventDataRecv(sk, seg);
  }
  tp.rcvNxt = seg.endSeq;
  if (isFin) tcpFin(sk);
  if (tp.oooQueue.length > 0) {
    ofoDrain(sk);
    // RFC 5681 §4.2: ACK at once when a hole is filled.
    if (tp.oooQueue.length === 0) tp.isAckNow = true;
  }
  trimSackBlocks(sk);
  wakeApp(sk);
}

/** tcp_ofo_queue: move now-in-order segments from the out-of-order queue. */
function ofoDrain(sk: TcpSocket): void {
  const tp = sk.tp;
  while (tp.oooQueue.length > 0) {
    const skb = tp.oooQueue[0] as RxSkb;
    if (after(skb.seq, tp.rcvNxt)) break;
    tp.oooQueue.shift();
    tp.rmemAlloc -= skb.truesize;
    if (!after(skb.endSeq, tp.rcvNxt)) {
      dsackSet(sk, skb.seq, skb.endSeq);
      continue;
    }
    const cut = seqDiff(tp.rcvNxt, skb.seq);
    const data = skb.data.subarray(Math.max(0, cut));
    if (data.length > 0) {
      const truesize = skbTruesize(data.length);
      tp.rcvQueue.push({ seq: tp.rcvNxt, endSeq: seqAdd(tp.rcvNxt, data.length), data, isFin: false, truesize });
      tp.rmemAlloc += truesize;
    }
    tp.rcvNxt = skb.endSeq;
    if (skb.isFin) tcpFin(sk);
  }
}

/** tcp_data_queue_ofo: keep it in sequence order, D-SACK exact duplicates, and report it as a SACK block. */
function queueOfo(sk: TcpSocket, skb: RxSkb): void {
  const tp = sk.tp;
  tp.isAckScheduled = true;
  const q = tp.oooQueue;
  if (q.some((s) => !before(skb.seq, s.seq) && !after(skb.endSeq, s.endSeq))) {
    dsackSet(sk, skb.seq, skb.endSeq);
    return;
  }
  let i = q.findIndex((s) => after(s.seq, skb.seq));
  if (i < 0) i = q.length;
  q.splice(i, 0, skb);
  tp.rmemAlloc += skb.truesize;
  sackNewOfo(sk, skb.seq, skb.endSeq);
}

/** tcp_sack_new_ofo_skb: merge the new range into the SACK blocks and put that block first. */
function sackNewOfo(sk: TcpSocket, seq: number, endSeq: number): void {
  const tp = sk.tp;
  let left = seq;
  let right = endSeq;
  const rest: { left: number; right: number }[] = [];
  for (const b of tp.sackBlocks) {
    if (!after(left, b.right) && !before(right, b.left)) {
      left = seqMin(left, b.left);
      right = seqMax(right, b.right);
    } else {
      rest.push(b);
    }
  }
  tp.sackBlocks = [{ left, right }, ...rest].slice(0, maxSackBlocks(tp.tstampOk) + 1);
}

/** tcp_sack_remove: blocks now below rcv_nxt are gone. */
function trimSackBlocks(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.oooQueue.length === 0) {
    tp.sackBlocks = [];
    return;
  }
  tp.sackBlocks = tp.sackBlocks.filter((b) => after(b.right, tp.rcvNxt));
}

/** tcp_fin: the peer is done sending. */
function tcpFin(sk: TcpSocket): void {
  const tp = sk.tp;
  tp.isAckScheduled = true;
  sk.isPeerFin = true;
  switch (sk.state) {
    case 'SYN_RECV':
    case 'ESTABLISHED':
      setState(sk, 'CLOSE_WAIT');
      tp.pingpong = TCP_PINGPONG_THRESH;
      break;
    case 'FIN_WAIT1':
      sendAck(sk);
      setState(sk, 'CLOSING');
      break;
    case 'FIN_WAIT2':
      sendAck(sk);
      timeWait(sk, 'TIME_WAIT');
      break;
    default:
      break;
  }
  tp.oooQueue.length = 0;
  tp.sackBlocks = [];
  wakeApp(sk);
}

/** __tcp_ack_snd_check: ACK now (two full segments, quick ACK mode, a filled hole, out-of-order data) or later. */
export function ackSndCheck(sk: TcpSocket): void {
  const tp = sk.tp;
  if (!tp.isAckScheduled || sk.state === 'CLOSED' || sk.state === 'TIME_WAIT') return;
  const twoSegments = seqDiff(tp.rcvNxt, tp.rcvWup) > tp.rcvMss && rawSelectWindow(tp) >= tp.rcvWnd;
  if (twoSegments || inQuickack(sk) || tp.isAckNow || tp.oooQueue.length > 0) return sendAck(sk);
  sendDelayedAck(sk);
}

/** tcp_data_snd_check: an ACK may have opened the window. */
export function dataSndCheck(sk: TcpSocket): void {
  if (sk.tp.writeQueue.length > 0) writeXmit(sk, { nagle: !sk.noDelay });
}

/** tcp_cleanup_rbuf: after the application read, ACK what the delayed ACK still holds, or a window that doubled. */
export function cleanupRbuf(sk: TcpSocket): void {
  const tp = sk.tp;
  if (sk.state === 'CLOSED' || sk.state === 'TIME_WAIT' || sk.state === 'LISTEN') return;
  let timeToAck = false;
  if (tp.isAckScheduled) {
    const pushed = tp.isAckPushed2 || (tp.isAckPushed && tp.pingpong < TCP_PINGPONG_THRESH);
    if (seqDiff(tp.rcvNxt, tp.rcvWup) > tp.rcvMss || (pushed && tp.rmemAlloc === 0)) timeToAck = true;
  }
  if (!timeToAck && !sk.isPeerFin) {
    const now = receiveWindow(tp);
    if (2 * now <= tp.windowClamp) {
      const next = rawSelectWindow(tp);
      if (next && next >= 2 * now) timeToAck = true;
    }
  }
  if (timeToAck) sendAck(sk);
}
