// Layer net/tcp: an incoming segment as tcp_v4_rcv sees it after parsing (TCP_SKB_CB): addresses, ports,
// sequence space (end_seq counts SYN and FIN), the window field, the options and the payload.

import type { Ipv4Addr } from '../../addr/index.js';
import { TCP_FIN, TCP_SYN, ipv4Dst, ipv4Src, parseTcp } from '../../wire/index.js';
import { L3_OFF } from '../frame.js';
import type { Skb } from '../skb.js';
import { parseRxOptions, type RxOptions } from './tcp-options.js';
import { seqAdd } from './tcp-seq.js';

export interface Segment {
  readonly src: Ipv4Addr;
  readonly dst: Ipv4Addr;
  readonly sport: number;
  readonly dport: number;
  seq: number;
  readonly ack: number;
  readonly flags: number;
  readonly window: number;
  readonly opts: RxOptions;
  /** The payload (a view of the frame); trimmed when its head was already received. */
  data: Uint8Array;
  readonly endSeq: number;
  readonly headerLen: number;
  readonly skb: Skb;
}

export type SegmentResult = { readonly ok: true; readonly seg: Segment } | { readonly ok: false; readonly reason: 'TCP_CSUM' | 'PKT_TOO_SMALL' };

/** Parses and checksums the TCP segment of `skb` whose header starts at `off`. */
export function parseSegment(skb: Skb, off: number): SegmentResult {
  const b = skb.data;
  const src = ipv4Src(b, L3_OFF);
  const dst = ipv4Dst(b, L3_OFF);
  const r = parseTcp(b.subarray(off), { src, dst });
  if (!r.ok) return { ok: false, reason: r.error.kind === 'bad-checksum' ? 'TCP_CSUM' : 'PKT_TOO_SMALL' };
  const h = r.value.header;
  const isSyn = (h.flags & TCP_SYN) !== 0;
  const data = r.value.payload;
  const seg: Segment = {
    src,
    dst,
    sport: h.srcPort,
    dport: h.dstPort,
    seq: h.seq,
    ack: h.ack,
    flags: h.flags,
    window: h.window,
    opts: parseRxOptions(h.options, isSyn),
    data,
    endSeq: seqAdd(h.seq, data.length + (isSyn ? 1 : 0) + (h.flags & TCP_FIN ? 1 : 0)),
    headerLen: h.headerLen,
    skb,
  };
  return { ok: true, seg };
}
