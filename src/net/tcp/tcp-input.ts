// Layer net/tcp: tcp_v4_rcv (tcp_ipv4.c), the entry point for every TCP segment delivered locally: verify
// the checksum, find the connection (then a listener, exact address before INADDR_ANY), and answer a
// segment for no socket with a RST (tcp_v4_send_reset: RST at the ACK's number, or RST+ACK covering the
// segment; DF, IP id 0, no options). TIME_WAIT sockets answer as tcp_timewait_state_process does.

import type { Ipv4Addr } from '../../addr/index.js';
import { IPPROTO_TCP, TCP_ACK, TCP_FIN, TCP_RST, TCP_SYN, emitTcp } from '../../wire/index.js';
import { l4Offset } from '../ip-input.js';
import { sendIpPacket } from '../ip-send.js';
import type { NetDevice } from '../net-device.js';
import type { Netns } from '../netns.js';
import type { Skb } from '../skb.js';
import { lookupBound } from '../sock-bind.js';
import { connKey } from '../socket-table.js';
import { listenRcv } from './tcp-listen.js';
import { transmit } from './tcp-output.js';
import { rcvStateProcess } from './tcp-rcv.js';
import { parseSegment, type Segment } from './tcp-segment.js';
import { after, seqAdd, seqDiff } from './tcp-seq.js';
import type { TcpSocket } from './tcp-socket.js';
import { rescheduleTimeWait, setState, tcpDone } from './tcp-state.js';

export function tcpRcv(ns: Netns, dev: NetDevice, skb: Skb): void {
  const parsed = parseSegment(skb, l4Offset(skb));
  if (!parsed.ok) return ns.drop(dev, skb, parsed.reason, 'tcp_v4_rcv');
  const seg = parsed.seg;
  const sk = ns.sockets.tcpConns.get(connKey(seg.dst, seg.dport, seg.src, seg.sport));
  if (sk) {
    if (sk.isTimewait) return timewaitRcv(ns, sk, seg);
    if (rcvStateProcess(sk, seg) === 'reset') sendReset(ns, seg);
    return;
  }
  const l = listenerLookup(ns, seg.dst, seg.dport, dev.ifindex);
  if (l) {
    if (listenRcv(l, seg) === 'reset') sendReset(ns, seg);
    return;
  }
  ns.drop(dev, skb, 'NO_SOCKET', 'tcp_v4_rcv', `no socket for ${seg.dport}`);
  sendReset(ns, seg);
}

/** __inet_lookup_listener: the best listener bound to the address, else the best on INADDR_ANY (or ::). */
export function listenerLookup(ns: Netns, addr: Ipv4Addr, port: number, dif: number): TcpSocket | undefined {
  const list = ns.sockets.tcpListeners.get(port);
  return list ? lookupBound(list, addr, dif) : undefined;
}

/** tcp_v4_send_reset: the kernel's control socket answers for a connection that does not exist. */
export function sendReset(ns: Netns, seg: Segment): void {
  if (seg.flags & TCP_RST || !ns.isLocalAddr(seg.dst)) return;
  const hasAck = (seg.flags & TCP_ACK) !== 0;
  const h = {
    srcPort: seg.dport,
    dstPort: seg.sport,
    seq: hasAck ? seg.ack : 0,
    ack: hasAck ? 0 : seg.endSeq,
    flags: hasAck ? TCP_RST : TCP_RST | TCP_ACK,
    window: 0,
    urgentPointer: 0,
    options: [],
  };
  const bytes = emitTcp(h, new Uint8Array(0), { src: seg.dst, dst: seg.src });
  const cause = seg.skb.meta.traceId;
  ns.ctx.scheduler.after(0, () => {
    sendIpPacket(ns, { dst: seg.src, src: seg.dst, protocol: IPPROTO_TCP, pmtudisc: 'do', id: 0, causeTraceId: cause }, bytes);
  });
}

/** tcp_v4_timewait_ack: the control socket ACKs for a TIME_WAIT connection. */
function timewaitAck(sk: TcpSocket): void {
  transmit(sk, { seq: sk.tp.sndNxt, flags: TCP_ACK, isCtl: true });
}

/** tcp_timewait_state_process, for TIME_WAIT and an orphan's FIN_WAIT2. */
function timewaitRcv(ns: Netns, sk: TcpSocket, seg: Segment): void {
  const tp = sk.tp;
  const isRst = (seg.flags & TCP_RST) !== 0;
  const isSyn = (seg.flags & TCP_SYN) !== 0;
  const isAck = (seg.flags & TCP_ACK) !== 0;
  if (sk.state === 'FIN_WAIT2') {
    const inWindow = !after(tp.rcvNxt, seg.endSeq) && !after(seg.seq, seqAdd(tp.rcvNxt, tp.rcvWnd));
    if (!inWindow) return timewaitAck(sk);
    if (isRst) return tcpDone(sk, undefined, { silent: true });
    if (isSyn && seqDiff(seg.seq, tp.rcvNxt) >= 0) return resetFromTimewait(ns, sk, seg);
    if (!isAck || !after(seg.endSeq, tp.rcvNxt) || seg.endSeq === seg.seq) return;
    if (!(seg.flags & TCP_FIN) || seg.endSeq !== seqAdd(tp.rcvNxt, 1)) return resetFromTimewait(ns, sk, seg);
    tp.rcvNxt = seg.endSeq;
    if (seg.opts.tsval !== undefined) tp.tsRecent = seg.opts.tsval;
    setState(sk, 'TIME_WAIT');
    rescheduleTimeWait(sk);
    return timewaitAck(sk);
  }
  if (seg.seq === tp.rcvNxt && (seg.seq === seg.endSeq || isRst)) {
    if (isRst) return tcpDone(sk, undefined, { silent: true });
    return rescheduleTimeWait(sk);
  }
  const isNewerSyn = after(seg.seq, tp.rcvNxt) || (seg.opts.tsval !== undefined && tp.tstampOk && seqDiff(tp.tsRecent, seg.opts.tsval) < 0);
  if (isSyn && !isRst && !isAck && isNewerSyn) {
    // TCP_TW_SYN: a new incarnation of the connection; the TIME_WAIT socket makes way for the listener.
    tcpDone(sk, undefined, { silent: true });
    const l = listenerLookup(ns, seg.dst, seg.dport, seg.skb.meta.ingressIfindex);
    if (l && listenRcv(l, seg) === 'reset') sendReset(ns, seg);
    return;
  }
  if (isRst) return;
  if (isAck) rescheduleTimeWait(sk);
  timewaitAck(sk);
}

function resetFromTimewait(ns: Netns, sk: TcpSocket, seg: Segment): void {
  tcpDone(sk, undefined, { silent: true });
  sendReset(ns, seg);
}
