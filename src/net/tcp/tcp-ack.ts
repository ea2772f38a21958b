// Layer net/tcp: processing the acknowledgment of an incoming segment (tcp_ack() in tcp_input.c): the
// send window update (RFC 9293 §3.10.7.4 SND.WL1/WL2), SACK tagging (RFC 2018), cleaning the retransmit
// queue with an RTT sample (Karn's rule; timestamps otherwise, RFC 7323 §4), congestion control (slow
// start, then additive increase; cubic's beta on loss) and loss recovery (3 duplicate ACKs or SACKed
// segments, RFC 6675, with the first lost segment resent at once), then the RTO or a loss probe.

import { TCP_FIN, TCP_SYN } from '../../wire/index.js';
import { packetsInFlight, type TxSkb } from './tcp-cb.js';
import { TCP_REORDERING } from './tcp-const.js';
import { sendAck, tsNow } from './tcp-output.js';
import { ackProbe } from './tcp-probe.js';
import { ackUpdateRtt } from './tcp-rtt.js';
import type { Segment } from './tcp-segment.js';
import { after, before, seqAdd, seqDiff } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { clearXmitTimer, rearmRto, scheduleLossProbe } from './tcp-timers.js';
import { retransmitSkb, xmitRetransmitQueue } from './tcp-xmit.js';

/** ok: processed; old: below snd_una (the segment's data still counts); invalid: acks unsent data. */
export type AckResult = 'ok' | 'old' | 'invalid' | 'drop';

export function tcpAck(sk: TcpSocket, seg: Segment): AckResult {
  const tp = sk.tp;
  const priorUna = tp.sndUna;
  const ack = seg.ack;
  if (before(ack, priorUna)) {
    // RFC 5961 §5.2: an ACK older than the window gets a challenge ACK.
    if (before(ack, seqAdd(priorUna, -tp.maxWindow))) {
      sendAck(sk);
      return 'drop';
    }
    return 'old';
  }
  if (after(ack, tp.sndNxt)) return 'invalid';
  tp.rcvTstampUs = sk.ns.now;
  tp.probesOut = 0;
  const priorInFlight = packetsInFlight(tp);
  const priorPackets = tp.rtxQueue.length;
  const priorWnd = tp.sndWnd;
  updateWindow(sk, seg);
  if (tp.sackOk && seg.opts.sack.length > 0) sacktag(sk, seg.opts.sack);
  const c = cleanRtxQueue(sk, ack);
  if (after(ack, priorUna)) {
    tp.sndUna = ack;
    sk.softError = undefined;
  }
  if (c.pkts > 0) {
    ackUpdateRtt(tp, rttSample(sk, c.seqRttUs));
    tp.retransmits = 0;
    if (!tp.rtxQueue.some((s) => s.retrans > 0)) tp.retransStampUs = 0;
  }
  if (tp.tlpHighSeq && !before(ack, tp.tlpHighSeq)) tp.tlpHighSeq = 0;
  const isDupAck = ack === priorUna && seg.data.length === 0 && !(seg.flags & (TCP_SYN | TCP_FIN)) && tp.sndWnd === priorWnd && priorPackets > 0;
  fastRetransAlert(sk, isDupAck, c.pkts);
  if (c.pkts > 0 && tp.caState !== 'recovery') congAvoid(sk, c.pkts, priorInFlight);
  if (tp.rtxQueue.length === 0) {
    if (tp.writeQueue.length > 0) ackProbe(sk);
    else clearXmitTimer(sk);
  }
  else if (c.pkts > 0 && !scheduleLossProbe(sk, true)) rearmRto(sk);
  return 'ok';
}

/** Karn's sample from the segments, else RFC 7323's from the echoed timestamp (tcp_rtt_tsopt_us); -1 for none. */
function rttSample(sk: TcpSocket, seqRttUs: number): number {
  const tp = sk.tp;
  if (seqRttUs >= 0 || !tp.tstampOk || !tp.rcvTsecr) return seqRttUs;
  const deltaMs = seqDiff(tsNow(sk), tp.rcvTsecr);
  return deltaMs >= 0 ? Math.max(1, deltaMs * 1000) : -1;
}

/** tcp_ack_update_window: SYNs carry an unscaled window; a newer segment (or ACK) may move it. */
function updateWindow(sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  const nwin = seg.flags & TCP_SYN ? seg.window : seg.window * 2 ** tp.sndWscale;
  const mayUpdate = after(seg.ack, tp.sndUna) || after(seg.seq, tp.sndWl1) || (seg.seq === tp.sndWl1 && (nwin > tp.sndWnd || nwin === 0));
  if (!mayUpdate) return;
  tp.sndWl1 = seg.seq;
  tp.sndWnd = nwin;
  if (nwin > tp.maxWindow) tp.maxWindow = nwin;
}

/** tcp_sacktag_write_queue: segments a SACK block covers reached the peer (a D-SACK block is skipped). */
function sacktag(sk: TcpSocket, blocks: readonly { left: number; right: number }[]): void {
  const tp = sk.tp;
  for (const b of blocks) {
    if (!before(b.left, b.right) || !after(b.right, tp.sndUna) || after(b.right, tp.sndNxt)) continue;
    for (const skb of tp.rtxQueue) {
      if (before(skb.seq, b.left) || after(skb.endSeq, b.right)) continue;
      skb.isSacked = true;
      skb.isLost = false;
      skb.isRetransOut = false;
    }
  }
}

interface Cleaned {
  readonly pkts: number;
  readonly seqRttUs: number;
}

/** tcp_clean_rtx_queue: drop what `ack` covers; an RTT sample only when nothing acked was retransmitted. */
function cleanRtxQueue(sk: TcpSocket, ack: number): Cleaned {
  const tp = sk.tp;
  let pkts = 0;
  let firstAcktUs = -1;
  let isRetransAcked = false;
  for (;;) {
    const head = tp.rtxQueue[0];
    if (!head) break;
    if (after(head.endSeq, ack)) {
      if (after(ack, head.seq)) trimHead(head, ack);
      break;
    }
    tp.rtxQueue.shift();
    pkts++;
    if (head.retrans > 0) isRetransAcked = true;
    else if (!head.isSacked && firstAcktUs < 0) firstAcktUs = head.txUs;
  }
  const seqRttUs = firstAcktUs >= 0 && !isRetransAcked ? sk.ns.now - firstAcktUs : -1;
  return { pkts, seqRttUs };
}

/** tcp_trim_head: the peer acknowledged part of a segment (after an MSS change, or a TSO-less peer). */
function trimHead(skb: TxSkb, ack: number): void {
  let n = seqDiff(ack, skb.seq);
  if (skb.flags & TCP_SYN) {
    skb.flags &= ~TCP_SYN;
    n--;
  }
  n = Math.min(n, skb.data.length);
  skb.data = skb.data.slice(n);
  skb.seq = ack;
}

/** tcp_cong_avoid with slow start (RFC 5681 §3.1) while cwnd < ssthresh, one segment per window after. */
function congAvoid(sk: TcpSocket, acked: number, priorInFlight: number): void {
  const tp = sk.tp;
  let left = acked;
  if (tp.cwnd < tp.ssthresh) {
    if (priorInFlight * 2 <= tp.cwnd && tp.caState === 'open') return;
    const cwnd = Math.min(tp.cwnd + left, tp.ssthresh);
    left -= cwnd - tp.cwnd;
    tp.cwnd = cwnd;
    if (left <= 0) return;
  } else if (priorInFlight < tp.cwnd) {
    return;
  }
  tp.cwndCnt += left;
  if (tp.cwndCnt >= tp.cwnd) {
    tp.cwndCnt -= tp.cwnd;
    tp.cwnd++;
  }
}

/** tcp_fastretrans_alert, reduced to its outcomes: enter and leave Recovery/Loss, resend what is lost. */
function fastRetransAlert(sk: TcpSocket, isDupAck: boolean, acked: number): void {
  const tp = sk.tp;
  if (tp.caState === 'loss' || tp.caState === 'recovery') {
    if (!before(tp.sndUna, tp.highSeq)) {
      if (tp.caState === 'recovery') tp.cwnd = Math.max(tp.ssthresh, 2);
      tp.caState = 'open';
      tp.dupAcks = 0;
      return;
    }
    if (tp.caState === 'recovery') markLost(sk);
    if (acked > 0 || tp.caState === 'recovery') xmitRetransmitQueue(sk);
    return;
  }
  if (acked > 0) tp.dupAcks = 0;
  const sacked = tp.rtxQueue.filter((s) => s.isSacked).length;
  if (isDupAck && !tp.sackOk) tp.dupAcks++;
  const dupthresh = tp.sackOk ? sacked : tp.dupAcks;
  if (dupthresh >= TCP_REORDERING) return enterRecovery(sk);
  tp.caState = sacked > 0 || tp.dupAcks > 0 ? 'disorder' : 'open';
}

function enterRecovery(sk: TcpSocket): void {
  const tp = sk.tp;
  tp.ssthresh = Math.max((tp.cwnd * 717) >> 10, 2);
  tp.cwnd = tp.ssthresh;
  tp.caState = 'recovery';
  tp.highSeq = tp.sndNxt;
  markLost(sk);
  const first = tp.rtxQueue.find((s) => s.isLost && !s.isRetransOut);
  if (first) retransmitSkb(sk, first);
  xmitRetransmitQueue(sk);
}

/** Without SACK the head is lost; with SACK every unSACKed segment below the highest SACKed one (RACK, reo_wnd 0). */
function markLost(sk: TcpSocket): void {
  const tp = sk.tp;
  if (!tp.sackOk) {
    const head = tp.rtxQueue[0];
    if (head && !head.isRetransOut) head.isLost = true;
    return;
  }
  let highest = -1;
  tp.rtxQueue.forEach((s, i) => {
    if (s.isSacked) highest = i;
  });
  for (let i = 0; i < highest; i++) {
    const s = tp.rtxQueue[i];
    if (s && !s.isSacked && !s.isRetransOut) s.isLost = true;
  }
}
