// Layer net/tcp: the passive open (tcp_conn_request, tcp_openreq_init_rwin, tcp_check_req,
// tcp_v4_syn_recv_sock). A SYN for a listener creates a child in SYN_RECV (the request socket) that answers
// with a SYN-ACK (window from tcp_rmem[1], rounded to the MSS less the timestamp option, as Linux's 65160);
// the handshake's final ACK moves it to ESTABLISHED and onto the listener's accept queue.

import { TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN } from '../../wire/index.js';
import { routeOutput } from '../route-output.js';
import { wakeApp } from './tcp-app.js';
import { TCP_INIT_CWND, TCP_MSS_DEFAULT, TCP_TIMEOUT_FALLBACK_US, TCP_TIMEOUT_INIT_US, tcpSysctls } from './tcp-const.js';
import { newTxSkb, transmitSkb } from './tcp-output.js';
import { resetKeepalive } from './tcp-probe.js';
import { ackUpdateRtt } from './tcp-rtt.js';
import type { Segment } from './tcp-segment.js';
import { seqAdd } from './tcp-seq.js';
import { TcpSocket } from './tcp-socket.js';
import { setState, tcpDone, tcpRng } from './tcp-state.js';
import { clearXmitTimer, resetXmitTimer } from './tcp-timers.js';
import { fullSpace, selectInitialWindow } from './tcp-window.js';
import { retransmitSkb } from './tcp-xmit.js';

/** What the listener does with a segment for no connection: 'reset' asks the caller to send a RST. */
export type ListenVerdict = 'done' | 'reset' | 'drop';

export function listenRcv(l: TcpSocket, seg: Segment): ListenVerdict {
  if (seg.flags & TCP_ACK) return 'reset';
  if (seg.flags & TCP_RST || !(seg.flags & TCP_SYN) || seg.flags & TCP_FIN) return 'drop';
  // sk_acceptq_is_full: a listener whose accept queue is full ignores the SYN (LISTENOVERFLOWS). A full
  // SYN queue is no limit with tcp_syncookies=1, so it is not modelled.
  if (l.acceptQueue.length > l.backlog) return 'drop';
  const rt = routeOutput(l.ns, { dst: seg.src, src: seg.dst });
  if (!rt.ok) return 'drop';
  const child = new TcpSocket(l.ns);
  child.localAddr = seg.dst;
  child.localPort = seg.dport;
  child.remoteAddr = seg.src;
  child.remotePort = seg.sport;
  child.binding = l.binding;
  child.parent = l;
  child.noDelay = l.noDelay;
  child.keepalive = l.keepalive;
  initChild(child, seg, rt.value.mtu);
  l.children.add(child);
  l.ns.sockets.tcpConns.set(child.key, child);
  setState(child, 'SYN_RECV');
  const synack = newTxSkb(child.tp.iss, TCP_SYN);
  child.tp.rtxQueue.push(synack);
  child.tp.sndNxt = synack.endSeq;
  transmitSkb(child, synack);
  resetXmitTimer(child, 'rto', TCP_TIMEOUT_INIT_US);
  return 'done';
}

/** tcp_openreq_init + tcp_openreq_init_rwin: what the SYN offered and what we answer with. */
function initChild(child: TcpSocket, seg: Segment, mtu: number): void {
  const tp = child.tp;
  const sys = tcpSysctls(child.ns);
  const rng = tcpRng(child.ns);
  const o = seg.opts;
  tp.tstampOk = sys.timestamps && o.tsval !== undefined;
  tp.sackOk = sys.sack && o.sackPermitted;
  tp.wscaleOk = sys.windowScaling && o.wscale !== undefined;
  tp.sndWscale = tp.wscaleOk ? (o.wscale ?? 0) : 0;
  tp.mssClamp = o.mss ?? TCP_MSS_DEFAULT;
  tp.pmtu = mtu;
  tp.advmss = Math.min(mtu - 40, 65495);
  if (tp.tstampOk) {
    tp.tsRecent = o.tsval ?? 0;
    tp.tsRecentStampUs = child.ns.now;
  }
  tp.rcvbuf = sys.rmem[1];
  const init = selectInitialWindow(fullSpace(tp), tp.advmss - (tp.tstampOk ? 12 : 0), { wscaleOk: tp.wscaleOk, rmem2: sys.rmem[2], rmemMax: sys.rmemMax });
  tp.rcvWnd = init.rcvWnd;
  tp.rcvSsthresh = init.rcvWnd;
  tp.rcvWscale = init.wscale;
  tp.windowClamp = init.windowClamp;
  tp.rcvMss = Math.max(88, Math.min(tp.advmss, TCP_MSS_DEFAULT, Math.floor(tp.rcvWnd / 2)));
  tp.irs = seg.seq;
  tp.rcvNxt = seqAdd(seg.seq, 1);
  tp.rcvWup = tp.rcvNxt;
  tp.copiedSeq = tp.rcvNxt;
  tp.sndWnd = seg.window;
  tp.maxWindow = seg.window;
  tp.sndWl1 = seg.seq;
  tp.iss = rng.u32();
  tp.sndUna = tp.iss;
  tp.writeSeq = seqAdd(tp.iss, 1);
  tp.pushedSeq = tp.writeSeq;
  tp.sndSml = tp.writeSeq;
  tp.tsOffset = rng.u32();
  tp.inetId = rng.int(0, 0xffff);
  tp.cwnd = TCP_INIT_CWND;
}

/**
 * tcp_check_req for a child in SYN_RECV. Returns 'established' when the segment completed the handshake
 * (and should go on as an ESTABLISHED segment), 'done' when it was consumed, 'reset' for a bad ACK.
 */
export function synRecvRcv(child: TcpSocket, seg: Segment): 'established' | 'done' | 'reset' {
  const tp = child.tp;
  if (seg.flags & TCP_SYN && !(seg.flags & TCP_ACK) && seg.seq === tp.irs) {
    const synack = tp.rtxQueue[0];
    if (synack) retransmitSkb(child, synack);
    return 'done';
  }
  if (seg.flags & TCP_RST) {
    if (seg.seq === tp.rcvNxt) tcpDone(child, undefined, { silent: true });
    return 'done';
  }
  if (!(seg.flags & TCP_ACK)) return 'done';
  if (seg.ack !== seqAdd(tp.iss, 1)) return 'reset';
  const l = child.parent;
  // A full accept queue drops the final ACK (listen overflow); the SYN-ACK timer keeps going.
  if (l && l.acceptQueue.length > l.backlog) return 'done';
  establishChild(child, seg);
  if (l) {
    l.acceptQueue.push(child);
    wakeApp(l);
  }
  return 'established';
}

/** tcp_rcv_state_process, SYN_RECV: the ACK of our SYN-ACK; its RTT seeds the estimator. */
function establishChild(child: TcpSocket, seg: Segment): void {
  const tp = child.tp;
  const synack = tp.rtxQueue.shift();
  clearXmitTimer(child);
  if (synack && synack.retrans === 0) ackUpdateRtt(tp, child.ns.now - synack.firstTxUs);
  else if (!tp.srttUs) {
    tp.rttvarUs = TCP_TIMEOUT_FALLBACK_US;
    tp.mdevUs = tp.rttvarUs;
    tp.mdevMaxUs = tp.rttvarUs;
    tp.rtoUs = TCP_TIMEOUT_FALLBACK_US;
  }
  tp.sndUna = seg.ack;
  tp.sndWnd = seg.window * 2 ** tp.sndWscale;
  tp.maxWindow = Math.max(tp.maxWindow, tp.sndWnd);
  tp.sndWl1 = seg.seq;
  tp.windowClamp = Math.min(tp.windowClamp, fullSpace(tp));
  tp.retransmits = 0;
  tp.retransStampUs = 0;
  tp.rcvTstampUs = child.ns.now;
  setState(child, 'ESTABLISHED');
  resetKeepalive(child);
}
