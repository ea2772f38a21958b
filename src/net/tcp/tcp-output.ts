// Layer net/tcp: building and sending segments (tcp_output.c): tcp_transmit_skb() fills in the header,
// the window and the options and hands the segment to IP; tcp_send_ack(), tcp_send_active_reset(),
// tcp_connect()'s SYN and the SYN-ACK. Sequence state is updated before IP sees the packet, because a
// veth or lo peer may answer synchronously, inside sendIpPacket.

import { IPPROTO_TCP, TCP_ACK, TCP_FIN, TCP_HEADER_LEN, TCP_RST, TCP_SYN, tcpOptionsLen, writeTcp } from '../../wire/index.js';
import { sendIp } from '../ip-send.js';
import type { TxSkb } from './tcp-cb.js';
import { TCP_PINGPONG_THRESH } from './tcp-const.js';
import { buildOptions, maxSackBlocks, type TxOptions } from './tcp-options.js';
import { after, seqAdd } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { clearDelack } from './tcp-timers.js';
import { selectWindow } from './tcp-window.js';

/** The TSval this socket puts on a segment now: virtual milliseconds plus its random offset. */
export function tsNow(sk: TcpSocket): number {
  return (Math.floor(sk.ns.now / 1000) + sk.tp.tsOffset) >>> 0;
}

/** tcp_sync_mss/tcp_mtu_to_mss: the MSS the path and the peer allow, before option space. */
export function mssCache(sk: TcpSocket): number {
  const tp = sk.tp;
  let mss = Math.min(tp.pmtu - 40, tp.mssClamp);
  mss = Math.max(mss, 48);
  // tcp_bound_to_half_wnd: never more than half the largest window the peer offered.
  const cutoff = tp.maxWindow > 536 ? tp.maxWindow >> 1 : tp.maxWindow;
  if (cutoff && mss > cutoff) mss = Math.max(cutoff, 68 - 20 - (tp.tstampOk ? 12 : 0));
  return mss;
}

/** tcp_current_mss: payload bytes per segment (the MSS minus the timestamp option). */
export function currentMss(sk: TcpSocket): number {
  return Math.max(1, mssCache(sk) - (sk.tp.tstampOk ? 12 : 0));
}

/** The SACK blocks for the next ACK: a pending D-SACK first, then the most recent out-of-order ranges. */
function sackBlocksToSend(sk: TcpSocket): TxOptions['sack'] {
  const tp = sk.tp;
  if (!tp.sackOk) return undefined;
  const max = maxSackBlocks(tp.tstampOk);
  const blocks = tp.dsack ? [tp.dsack, ...tp.sackBlocks] : tp.sackBlocks;
  return blocks.length > 0 ? blocks.slice(0, max) : undefined;
}

function optionsFor(sk: TcpSocket, flags: number): TxOptions {
  const tp = sk.tp;
  const ts = tp.tstampOk ? { val: tsNow(sk), ecr: tp.tsRecent } : undefined;
  if (flags & TCP_SYN) {
    const isSynAck = (flags & TCP_ACK) !== 0;
    return {
      mss: tp.advmss,
      ...(ts ? { ts: isSynAck ? ts : { val: ts.val, ecr: 0 } } : {}),
      sackPermitted: tp.sackOk,
      ...(tp.wscaleOk ? { wscale: tp.rcvWscale } : {}),
    };
  }
  if (flags & TCP_RST) return ts ? { ts } : {};
  const sack = sackBlocksToSend(sk);
  return { ...(ts ? { ts } : {}), ...(sack ? { sack } : {}) };
}

export interface RawSegment {
  readonly seq: number;
  readonly flags: number;
  readonly data?: Uint8Array;
  /** Sent by the kernel's control socket for this connection (TIME_WAIT ACKs): IP id 0, window as last offered. */
  readonly isCtl?: boolean;
}

function windowField(sk: TcpSocket, seg: RawSegment): number {
  const tp = sk.tp;
  if (seg.flags & TCP_SYN) return Math.min(tp.rcvWnd, 0xffff);
  if (seg.isCtl) return Math.min(Math.floor(tp.rcvWnd / 2 ** tp.rcvWscale), 0xffff);
  if (seg.flags & TCP_RST && !(seg.flags & TCP_ACK)) return 0;
  return selectWindow(tp);
}

/**
 * tcp_transmit_skb: one segment of this connection onto IP. SYNs carry the unscaled rcv_wnd; everything
 * else the window tcp_select_window picks. The IP send runs as its own event on the virtual clock (as a
 * softirq would), so a peer that answers at once never re-enters this socket's code.
 */
export function transmit(sk: TcpSocket, seg: RawSegment): void {
  const tp = sk.tp;
  const flags = seg.flags;
  const data = seg.data ?? new Uint8Array(0);
  const hasAck = (flags & TCP_ACK) !== 0;
  const window = windowField(sk, seg);
  const options = buildOptions(optionsFor(sk, flags));
  const ack = hasAck ? tp.rcvNxt : 0;
  if (hasAck && !seg.isCtl) ackSent(sk);
  if (data.length > 0) dataSent(sk);
  const h = { srcPort: sk.localPort, dstPort: sk.remotePort, seq: seg.seq, ack, flags, window, urgentPointer: 0, options };
  // A request socket (SYN_RECV) answers through ip_build_and_send_pkt and the control socket through
  // ip_send_unicast_reply: both DF with IP id 0. A full socket counts its own ids (inet_id).
  const id = seg.isCtl || (sk.state === 'SYN_RECV' && flags & TCP_SYN) ? 0 : nextInetId(sk);
  const ns = sk.ns;
  const dst = sk.remoteAddr;
  const src = sk.localAddr;
  const len = TCP_HEADER_LEN + tcpOptionsLen(options) + data.length;
  ns.ctx.scheduler.after(0, () => {
    const r = sendIp(ns, { dst, src, protocol: IPPROTO_TCP, pmtudisc: 'want', id }, len, (frame, off) => writeTcp(frame, off, h, data, { src, dst }));
    if (!r.ok) sk.softError = r.errno;
  });
}

function nextInetId(sk: TcpSocket): number {
  const id = sk.tp.inetId;
  sk.tp.inetId = (id + 1) & 0xffff;
  return id;
}

/** tcp_event_ack_sent: an ACK went out, so the delayed ACK is void and one quick ACK is used up. */
function ackSent(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.quick > 0) {
    const pkts = tp.isAckScheduled ? 1 : 0;
    if (pkts >= tp.quick) {
      tp.quick = 0;
      tp.atoUs = 40_000;
    } else {
      tp.quick -= pkts;
    }
  }
  tp.isAckScheduled = false;
  tp.isAckNow = false;
  tp.isAckPushed = false;
  tp.isAckPushed2 = false;
  tp.dsack = undefined;
  clearDelack(sk);
}

/** tcp_event_data_sent: a reply sent within ATO of the last data received makes the connection ping-pong. */
function dataSent(sk: TcpSocket): void {
  const tp = sk.tp;
  if (tp.atoUs > 0 && sk.ns.now - tp.lrcvUs < tp.atoUs && tp.pingpong < TCP_PINGPONG_THRESH) tp.pingpong++;
}

/** tcp_send_ack: a pure ACK at snd_nxt (tcp_acceptable_seq). */
export function sendAck(sk: TcpSocket): void {
  if (sk.state === 'CLOSED' || sk.state === 'LISTEN' || sk.state === 'SYN_SENT') return;
  transmit(sk, { seq: acceptableSeq(sk), flags: TCP_ACK });
}

/** tcp_acceptable_seq: snd_nxt, unless the peer's window has shrunk below it. */
export function acceptableSeq(sk: TcpSocket): number {
  const tp = sk.tp;
  const wndEnd = seqAdd(tp.sndUna, tp.sndWnd);
  return !after(tp.sndNxt, wndEnd) || tp.rcvWscale === 0 ? tp.sndNxt : wndEnd;
}

/** tcp_send_active_reset: RST+ACK from a socket (abort(), or data arriving after close()). */
export function sendActiveReset(sk: TcpSocket): void {
  transmit(sk, { seq: acceptableSeq(sk), flags: TCP_RST | TCP_ACK });
}

/** A fresh send-side segment. */
export function newTxSkb(seq: number, flags: number, data: Uint8Array = new Uint8Array(0)): TxSkb {
  const endSeq = seqAdd(seq, data.length + (flags & TCP_SYN ? 1 : 0) + (flags & TCP_FIN ? 1 : 0));
  return { seq, endSeq, data, flags, firstTxUs: -1, txUs: -1, retrans: 0, isRetransOut: false, isLost: false, isSacked: false };
}

/** Sends (or resends) a queued segment as it stands, with ACK unless it is the opening SYN. */
export function transmitSkb(sk: TcpSocket, skb: TxSkb): void {
  const synOnly = (skb.flags & TCP_SYN) !== 0 && sk.state === 'SYN_SENT';
  const flags = synOnly ? skb.flags : skb.flags | TCP_ACK;
  skb.txUs = sk.ns.now;
  if (skb.firstTxUs < 0) skb.firstTxUs = skb.txUs;
  transmit(sk, { seq: skb.seq, flags, data: skb.data });
}
