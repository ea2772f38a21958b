// Layer net/tcp: the transmission control block, struct tcp_sock plus the parts of inet_connection_sock
// TCP uses (icsk_ack, icsk_rto, icsk_backoff, icsk_retransmits). A plain record that the input, output
// and timer modules read and write; sequence numbers are unsigned 32-bit, times are virtual microseconds.

import type { Timer } from '../../sim/index.js';

/** A segment on the send side (an skb of the write or retransmit queue). */
export interface TxSkb {
  seq: number;
  endSeq: number;
  data: Uint8Array;
  /** TCP_SYN, TCP_FIN and TCP_PSH as the segment will carry them (ACK is added when sent). */
  flags: number;
  /** When it was first sent (-1 while unsent); the RTT sample is taken from it. */
  firstTxUs: number;
  /** The last (re)transmission. */
  txUs: number;
  /** Times retransmitted; a segment ever retransmitted gives no RTT sample (Karn). */
  retrans: number;
  /** Retransmitted and not yet acknowledged (counted in retrans_out). */
  isRetransOut: boolean;
  isLost: boolean;
  isSacked: boolean;
}

/** A received segment waiting in the out-of-order queue or in the receive queue for the application. */
export interface RxSkb {
  seq: number;
  endSeq: number;
  data: Uint8Array;
  isFin: boolean;
  truesize: number;
}

export type CaState = 'open' | 'disorder' | 'recovery' | 'loss';
export type XmitTimerKind = 'rto' | 'tlp' | 'probe0' | 'synack';

export interface TcpCb {
  // ---- send sequence space
  iss: number;
  sndUna: number;
  sndNxt: number;
  /** Sequence after the last byte the application wrote (write_seq). */
  writeSeq: number;
  /** The peer's window, already scaled. */
  sndWnd: number;
  sndWl1: number;
  maxWindow: number;
  sndWscale: number;
  /** Sent and not yet acknowledged, in sequence order. */
  rtxQueue: TxSkb[];
  /** Written and not yet sent. */
  writeQueue: TxSkb[];
  /** Sequence up to which PSH has been marked (pushed_seq, forced_push). */
  pushedSeq: number;
  /** End of the last sub-MSS segment sent (snd_sml, Minshall's Nagle). */
  sndSml: number;
  // ---- congestion control
  cwnd: number;
  ssthresh: number;
  cwndCnt: number;
  caState: CaState;
  highSeq: number;
  /** Duplicate ACKs counted without SACK (Reno's sacked_out). */
  dupAcks: number;
  tlpHighSeq: number;
  // ---- MSS and path MTU
  pmtu: number;
  advmss: number;
  /** What the peer's MSS option allows (rx_opt.mss_clamp). */
  mssClamp: number;
  // ---- receive sequence space
  irs: number;
  rcvNxt: number;
  rcvWup: number;
  rcvWnd: number;
  rcvSsthresh: number;
  windowClamp: number;
  rcvWscale: number;
  /** Sequence up to which the application has read. */
  copiedSeq: number;
  rcvQueue: RxSkb[];
  oooQueue: RxSkb[];
  /** Bytes charged to the receive buffer (sk_rmem_alloc): queued skbs' truesize. */
  rmemAlloc: number;
  rcvbuf: number;
  /** SACK blocks to report, most recent first (selective_acks); a D-SACK block goes first once. */
  sackBlocks: { left: number; right: number }[];
  dsack: { left: number; right: number } | undefined;
  // ---- options
  tstampOk: boolean;
  sackOk: boolean;
  wscaleOk: boolean;
  tsOffset: number;
  tsRecent: number;
  tsRecentStampUs: number;
  /** The TSval and TSecr of the segment being processed (rx_opt.rcv_tsval / rcv_tsecr), when it had them. */
  rcvTsval: number | undefined;
  rcvTsecr: number | undefined;
  // ---- RTT and retransmission (RFC 6298 as tcp_rtt_estimator)
  srttUs: number;
  mdevUs: number;
  mdevMaxUs: number;
  rttvarUs: number;
  rttSeq: number;
  rtoUs: number;
  backoff: number;
  retransmits: number;
  /** When the oldest still-unacknowledged retransmitted data was first sent (retrans_stamp), 0 = none. */
  retransStampUs: number;
  totalRetrans: number;
  // ---- delayed ACK engine (icsk_ack)
  isAckScheduled: boolean;
  isAckNow: boolean;
  isAckPushed: boolean;
  isAckPushed2: boolean;
  /** Size of the last small segment (icsk_ack.last_seg_size), to learn the peer's MSS from it. */
  lastSegSize: number;
  quick: number;
  pingpong: number;
  atoUs: number;
  lrcvUs: number;
  rcvMss: number;
  // ---- timers
  xmitTimer: Timer | undefined;
  xmitTimerKind: XmitTimerKind | undefined;
  xmitTimerAtUs: number;
  delackTimer: Timer | undefined;
  delackAtUs: number;
  stateTimer: Timer | undefined;
  keepaliveTimer: Timer | undefined;
  probesOut: number;
  /** When the last valid ACK arrived (rcv_tstamp), for keepalive. */
  rcvTstampUs: number;
  // ---- IP
  inetId: number;
}

export function newTcpCb(): TcpCb {
  return {
    iss: 0, sndUna: 0, sndNxt: 0, writeSeq: 0, sndWnd: 0, sndWl1: 0, maxWindow: 0, sndWscale: 0,
    rtxQueue: [], writeQueue: [], pushedSeq: 0, sndSml: 0,
    cwnd: 10, ssthresh: 0x7fffffff, cwndCnt: 0, caState: 'open', highSeq: 0, dupAcks: 0, tlpHighSeq: 0,
    pmtu: 1500, advmss: 1460, mssClamp: 536,
    irs: 0, rcvNxt: 0, rcvWup: 0, rcvWnd: 0, rcvSsthresh: 0, windowClamp: 0, rcvWscale: 0, copiedSeq: 0,
    rcvQueue: [], oooQueue: [], rmemAlloc: 0, rcvbuf: 131072, sackBlocks: [], dsack: undefined,
    tstampOk: false, sackOk: false, wscaleOk: false, tsOffset: 0, tsRecent: 0, tsRecentStampUs: 0,
    rcvTsval: undefined, rcvTsecr: undefined,
    srttUs: 0, mdevUs: 0, mdevMaxUs: 0, rttvarUs: 0, rttSeq: 0, rtoUs: 1_000_000, backoff: 0, retransmits: 0,
    retransStampUs: 0, totalRetrans: 0,
    isAckScheduled: false, isAckNow: false, isAckPushed: false, isAckPushed2: false, lastSegSize: 0, quick: 0, pingpong: 0, atoUs: 0, lrcvUs: 0, rcvMss: 536,
    xmitTimer: undefined, xmitTimerKind: undefined, xmitTimerAtUs: 0, delackTimer: undefined, delackAtUs: 0,
    stateTimer: undefined, keepaliveTimer: undefined, probesOut: 0, rcvTstampUs: 0,
    inetId: 0,
  };
}

/** Segments sent and not yet acknowledged (packets_out). */
export function packetsOut(tp: TcpCb): number {
  return tp.rtxQueue.length;
}

/** tcp_packets_in_flight: sent - (sacked + lost) + retransmitted-and-unacked. */
export function packetsInFlight(tp: TcpCb): number {
  let n = 0;
  for (const s of tp.rtxQueue) {
    if (s.isSacked) continue;
    n += (s.isLost ? 0 : 1) + (s.isRetransOut ? 1 : 0);
  }
  return n;
}
