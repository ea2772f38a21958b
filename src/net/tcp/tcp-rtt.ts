// Layer net/tcp: round-trip time estimation and the retransmission timeout (RFC 6298 as Linux does it:
// tcp_rtt_estimator() and __tcp_set_rto() in tcp_input.c). srtt is kept <<3 and mdev <<2 as in the
// kernel; rttvar never drops below TCP_RTO_MIN, so the RTO is srtt + max(4*mdev, 200 ms), in jiffies.

import type { TcpCb } from './tcp-cb.js';
import { TCP_RTO_MAX_US, TCP_RTO_MIN_US, roundToJiffies } from './tcp-const.js';
import { after } from './tcp-seq.js';

/** tcp_rtt_estimator: feed one RTT sample (µs). */
export function rttEstimate(tp: TcpCb, mrttUs: number): void {
  let m = Math.max(1, Math.round(mrttUs));
  let srtt = tp.srttUs;
  if (srtt !== 0) {
    m -= srtt >> 3;
    srtt += m;
    if (m < 0) {
      m = -m;
      m -= tp.mdevUs >> 2;
      if (m > 0) m >>= 3;
    } else {
      m -= tp.mdevUs >> 2;
    }
    tp.mdevUs += m;
    if (tp.mdevUs > tp.mdevMaxUs) {
      tp.mdevMaxUs = tp.mdevUs;
      if (tp.mdevMaxUs > tp.rttvarUs) tp.rttvarUs = tp.mdevMaxUs;
    }
    if (after(tp.sndUna, tp.rttSeq)) {
      if (tp.mdevMaxUs < tp.rttvarUs) tp.rttvarUs -= (tp.rttvarUs - tp.mdevMaxUs) >> 2;
      tp.rttSeq = tp.sndNxt;
      tp.mdevMaxUs = TCP_RTO_MIN_US;
    }
  } else {
    srtt = m << 3;
    tp.mdevUs = m << 1;
    tp.rttvarUs = Math.max(tp.mdevUs, TCP_RTO_MIN_US);
    tp.mdevMaxUs = tp.rttvarUs;
    tp.rttSeq = tp.sndNxt;
  }
  tp.srttUs = Math.max(1, srtt);
}

/** tcp_set_rto + tcp_bound_rto: RTO = srtt + rttvar, in whole jiffies, at most TCP_RTO_MAX. */
export function setRto(tp: TcpCb): void {
  tp.rtoUs = Math.min(roundToJiffies((tp.srttUs >> 3) + tp.rttvarUs), TCP_RTO_MAX_US);
}

/** tcp_ack_update_rtt: a valid sample updates the estimate and clears the backoff (RFC 6298 §5.7). */
export function ackUpdateRtt(tp: TcpCb, rttUs: number): void {
  if (rttUs < 0) return;
  rttEstimate(tp, rttUs);
  setRto(tp);
  tp.backoff = 0;
}
