// Layer net/tcp: tcp_v4_err (tcp_ipv4.c): an ICMP error quoting one of our segments. "Fragmentation
// needed" lowers the path MTU and resends what no longer fits (tcp_v4_mtu_reduced); other errors abort a
// connection still opening (SYN_SENT: the connect() fails with that errno; a request socket is dropped)
// and are only soft errors once established (reported if the connection later times out, RFC 1122
// 4.2.3.9).

import { ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, ICMP_TIME_EXCEEDED } from '../../wire/index.js';
import type { Errno } from '../netlink-error.js';
import { currentMss } from './tcp-output.js';
import type { TcpSocket } from './tcp-socket.js';
import { tcpDone } from './tcp-state.js';
import { xmitRetransmitQueue } from './tcp-xmit.js';

/** The smallest MTU Linux accepts from an ICMP (ip_rt_min_pmtu). */
const MIN_PMTU = 552;

export function tcpV4Err(sk: TcpSocket, errno: Errno, type: number, code: number, info: number | undefined): void {
  if (sk.state === 'LISTEN' || sk.state === 'CLOSED' || sk.state === 'TIME_WAIT') return;
  if (type === ICMP_DEST_UNREACH && code === ICMP_FRAG_NEEDED) return mtuReduced(sk, info);
  if (type !== ICMP_DEST_UNREACH && type !== ICMP_TIME_EXCEEDED) return;
  if (sk.state === 'SYN_SENT') return tcpDone(sk, errno);
  if (sk.state === 'SYN_RECV' && sk.parent) return tcpDone(sk, undefined, { silent: true });
  sk.softError = errno;
}

/** tcp_v4_mtu_reduced + tcp_simple_retransmit: a smaller path MTU; what was sent too big is lost and goes again. */
function mtuReduced(sk: TcpSocket, info: number | undefined): void {
  const tp = sk.tp;
  if (info === undefined || info === 0) return;
  const mtu = Math.max(info, MIN_PMTU);
  if (mtu >= tp.pmtu) return;
  tp.pmtu = mtu;
  const mss = currentMss(sk);
  let isAnyLost = false;
  for (const skb of tp.rtxQueue) {
    if (skb.isSacked || skb.data.length <= mss) continue;
    skb.isLost = true;
    skb.isRetransOut = false;
    isAnyLost = true;
  }
  if (!isAnyLost) return;
  if (tp.caState !== 'loss') {
    tp.highSeq = tp.sndNxt;
    tp.caState = 'loss';
  }
  xmitRetransmitQueue(sk);
}
