// Layer net/tcp: the send queue (tcp.c tcp_sendmsg, tcp_output.c tcp_write_xmit/tcp_send_fin/tcp_connect,
// tcp_retransmit_skb). A write is cut into skbs of size_goal (what TSO would build: MSS multiples up to half
// the peer's largest window) with PSH on the last one; tcp_write_xmit sends MSS-sized pieces as the
// congestion window, the peer's window and Nagle (Minshall's variant) allow, as GSO would on the wire.

import { TCP_FIN, TCP_PSH, TCP_SYN, concatBytes } from '../../wire/index.js';
import { packetsInFlight, type TxSkb } from './tcp-cb.js';
import { currentMss, newTxSkb, transmitSkb } from './tcp-output.js';
import { after, before, seqAdd, seqDiff } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { checkProbeTimer } from './tcp-probe.js';
import { rearmRto, scheduleLossProbe } from './tcp-timers.js';

const GSO_MAX_SIZE = 65536;
const MAX_TCP_HEADER = 320;

/** tcp_xmit_size_goal: how much one skb of a write may hold. */
function sizeGoal(sk: TcpSocket): number {
  const mss = currentMss(sk);
  const tp = sk.tp;
  let goal = GSO_MAX_SIZE - 1 - MAX_TCP_HEADER;
  if (tp.maxWindow > 0 && goal > tp.maxWindow >> 1) goal = Math.max(tp.maxWindow >> 1, mss);
  return Math.max(mss, Math.floor(goal / mss) * mss);
}

/** forced_push: more than half the peer's largest window written since the last PSH. */
function forcedPush(sk: TcpSocket): boolean {
  const tp = sk.tp;
  return after(tp.writeSeq, seqAdd(tp.pushedSeq, tp.maxWindow >> 1));
}

function markPush(sk: TcpSocket, skb: TxSkb): void {
  skb.flags |= TCP_PSH;
  sk.tp.pushedSeq = sk.tp.writeSeq;
}

/** tcp_sendmsg_locked: append `data` to the write queue, then tcp_push. */
export function sendmsg(sk: TcpSocket, data: Uint8Array): void {
  const tp = sk.tp;
  const goal = sizeGoal(sk);
  let off = 0;
  while (off < data.length) {
    let skb = tp.writeQueue[tp.writeQueue.length - 1];
    let room = skb && !(skb.flags & (TCP_FIN | TCP_SYN)) ? goal - skb.data.length : 0;
    if (!skb || room <= 0) {
      skb = newTxSkb(tp.writeSeq, 0);
      tp.writeQueue.push(skb);
      room = goal;
    }
    const n = Math.min(room, data.length - off);
    skb.data = concatBytes([skb.data, data.subarray(off, off + n)]);
    skb.endSeq = seqAdd(skb.endSeq, n);
    tp.writeSeq = seqAdd(tp.writeSeq, n);
    off += n;
    if (skb.data.length < goal) continue;
    if (forcedPush(sk)) {
      markPush(sk, skb);
      writeXmit(sk, { nagle: false });
    } else if (skb === tp.writeQueue[0]) {
      writeXmit(sk, { nagle: false, pushOne: true });
    }
  }
  const tail = tp.writeQueue[tp.writeQueue.length - 1];
  if (!tail) return;
  markPush(sk, tail);
  writeXmit(sk, { nagle: !sk.noDelay });
}

/** tcp_send_fin: FIN rides on unsent data when there is some, else goes alone. */
export function sendFin(sk: TcpSocket): void {
  const tp = sk.tp;
  const tail = tp.writeQueue[tp.writeQueue.length - 1];
  if (tail) {
    tail.flags |= TCP_FIN;
    tail.endSeq = seqAdd(tail.endSeq, 1);
  } else {
    tp.writeQueue.push(newTxSkb(tp.writeSeq, TCP_FIN));
  }
  tp.writeSeq = seqAdd(tp.writeSeq, 1);
  writeXmit(sk, { nagle: false });
}

/** tcp_fragment: split `skb` after `len` payload bytes; PSH and FIN stay on the second part. */
export function fragment(skb: TxSkb, len: number): TxSkb {
  const rest = newTxSkb(seqAdd(skb.seq, len), skb.flags & (TCP_PSH | TCP_FIN), skb.data.subarray(len));
  rest.firstTxUs = skb.firstTxUs;
  rest.txUs = skb.txUs;
  rest.retrans = skb.retrans;
  rest.isLost = skb.isLost;
  skb.data = skb.data.subarray(0, len);
  skb.flags &= ~(TCP_PSH | TCP_FIN);
  skb.endSeq = rest.seq;
  return rest;
}

function nagleAllows(sk: TcpSocket, skb: TxSkb, mss: number, isLast: boolean, nagle: boolean): boolean {
  const tp = sk.tp;
  if (!nagle || !isLast || skb.flags & TCP_FIN || skb.data.length >= mss) return true;
  const minshall = after(tp.sndSml, tp.sndUna) && !after(tp.sndSml, tp.sndNxt);
  return !(tp.rtxQueue.length > 0 && minshall);
}

export interface XmitOptions {
  readonly nagle: boolean;
  readonly pushOne?: boolean;
  /** A tail loss probe may send one segment beyond the congestion window. */
  readonly isProbe?: boolean;
}

/** tcp_write_xmit: send what the windows allow; returns how many segments left. */
export function writeXmit(sk: TcpSocket, o: XmitOptions): number {
  const tp = sk.tp;
  if (sk.state === 'SYN_SENT' || sk.state === 'SYN_RECV' || sk.state === 'CLOSED' || sk.state === 'LISTEN') return 0;
  const mss = currentMss(sk);
  let sent = 0;
  while (tp.writeQueue.length > 0) {
    const skb = tp.writeQueue[0] as TxSkb;
    if (packetsInFlight(tp) >= tp.cwnd && !(o.isProbe && sent === 0)) break;
    if (skb.data.length > mss) tp.writeQueue.splice(1, 0, fragment(skb, mss));
    if (after(skb.endSeq, seqAdd(tp.sndUna, tp.sndWnd)) && skb.data.length > 0) break;
    if (!nagleAllows(sk, skb, mss, tp.writeQueue.length === 1, o.nagle)) break;
    tp.writeQueue.shift();
    newDataSent(sk, skb, mss);
    sent++;
    if (o.pushOne || o.isProbe) break;
  }
  if (sent > 0 && !o.isProbe) scheduleLossProbe(sk, false);
  else if (sent === 0) checkProbeTimer(sk);
  return sent;
}

/** tcp_event_new_data_sent: the skb joins the retransmit queue; the RTO runs while anything is out. */
function newDataSent(sk: TcpSocket, skb: TxSkb, mss: number): void {
  const tp = sk.tp;
  const hadPackets = tp.rtxQueue.length > 0;
  tp.rtxQueue.push(skb);
  tp.sndNxt = skb.endSeq;
  if (skb.data.length < mss) tp.sndSml = skb.endSeq;
  transmitSkb(sk, skb);
  if (!hadPackets || tp.xmitTimerKind === 'tlp') rearmRto(sk);
}

/** tcp_write_wakeup: send what of the head fits in the peer's small window (with PSH); false when nothing fits. */
export function writeWakeup(sk: TcpSocket): boolean {
  const tp = sk.tp;
  const head = tp.writeQueue[0];
  const wndEnd = seqAdd(tp.sndUna, tp.sndWnd);
  if (!head || !before(head.seq, wndEnd)) return false;
  const mss = currentMss(sk);
  const size = Math.min(seqDiff(wndEnd, head.seq), mss);
  if (head.data.length > size) {
    tp.writeQueue.splice(1, 0, fragment(head, size));
    head.flags |= TCP_PSH;
  }
  tp.writeQueue.shift();
  newDataSent(sk, head, mss);
  return true;
}

/** tcp_connect: the SYN goes out and waits in the retransmit queue. */
export function sendSyn(sk: TcpSocket): void {
  const tp = sk.tp;
  const syn = newTxSkb(tp.iss, TCP_SYN);
  tp.sndUna = tp.iss;
  tp.sndNxt = syn.endSeq;
  tp.writeSeq = syn.endSeq;
  tp.pushedSeq = syn.endSeq;
  tp.sndSml = syn.endSeq;
  tp.rtxQueue.push(syn);
  tp.retransStampUs = sk.ns.now;
  transmitSkb(sk, syn);
  rearmRto(sk);
}

/** tcp_retransmit_skb: resend one queued segment, cut to the current MSS first. */
export function retransmitSkb(sk: TcpSocket, skb: TxSkb): void {
  const tp = sk.tp;
  const mss = currentMss(sk);
  if (skb.data.length > mss) {
    const i = tp.rtxQueue.indexOf(skb);
    tp.rtxQueue.splice(i + 1, 0, fragment(skb, mss));
  }
  if (tp.retransStampUs === 0) tp.retransStampUs = skb.firstTxUs >= 0 ? skb.firstTxUs : sk.ns.now;
  transmitSkb(sk, skb);
  skb.retrans++;
  skb.isRetransOut = true;
  tp.totalRetrans++;
}

/** tcp_xmit_retransmit_queue: resend segments marked lost while the congestion window has room. */
export function xmitRetransmitQueue(sk: TcpSocket): void {
  const tp = sk.tp;
  for (const skb of [...tp.rtxQueue]) {
    if (packetsInFlight(tp) >= tp.cwnd) return;
    if (!skb.isLost || skb.isRetransOut || skb.isSacked) continue;
    if (before(skb.seq, tp.sndUna)) continue;
    retransmitSkb(sk, skb);
  }
}
