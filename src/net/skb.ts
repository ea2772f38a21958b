// Layer net: the socket buffer. `data` holds the whole Ethernet frame as it is on the wire; `meta`
// holds what Linux keeps beside the bytes in struct sk_buff (mark, ingress ifindex, flow hash, the
// collect_md tunnel key) plus what Cilium carries in skb->cb (the source security identity).
// Engine code edits `data` in place; anything that keeps a frame (a tap, a broadcast fan-out) copies it.

import type { Ipv4Addr } from '../addr/index.js';
import { copySkbData } from './skb-data.js';

/** The tunnel key a collect_md (external) vxlan/geneve device reads and writes (struct ip_tunnel_key). */
export interface TunnelKey {
  readonly vni: number;
  readonly remote: Ipv4Addr;
  readonly local?: Ipv4Addr;
  readonly ttl?: number;
}

/** skb->pkt_type, as AF_PACKET reports it (and tcpdump prints In/B/M/P/Out). */
export type PacketType = 'host' | 'broadcast' | 'multicast' | 'otherhost' | 'outgoing';

export interface SkbMeta {
  mark: number;
  /** skb->skb_iif: the device the frame last arrived on. */
  ingressIfindex: number;
  /** Cilium's source security identity (0 = unknown); never on the wire except as a VNI. */
  identity: number;
  tunnelKey: TunnelKey | undefined;
  /** skb->hash, the flow hash (0 = not computed). */
  hash: number;
  /** Every packet created gets a trace id; an explanation follows it hop by hop. */
  traceId: number;
  /** The trace id of the packet this one answers or wraps (an echo reply, an ICMP error). */
  causeTraceId: number;
  /** Transmit hops taken since the packet was created, a guard against endless loops. */
  hops: number;
  /** skb->pkt_type as a program set it (bpf_skb_change_type), overriding the MAC comparison once. */
  pktTypeOverride: PacketType | undefined;
}

export interface Skb {
  data: Uint8Array;
  readonly meta: SkbMeta;
}

export function newMeta(traceId: number, causeTraceId = 0): SkbMeta {
  return { mark: 0, ingressIfindex: 0, identity: 0, tunnelKey: undefined, hash: 0, traceId, causeTraceId, hops: 0, pktTypeOverride: undefined };
}

/** What arrives at the far end of a wire: nothing but the bytes (plus the ids that trace the packet). */
export function wireMeta(m: SkbMeta): SkbMeta {
  return { mark: 0, ingressIfindex: 0, identity: 0, tunnelKey: undefined, hash: 0, traceId: m.traceId, causeTraceId: m.causeTraceId, hops: m.hops, pktTypeOverride: undefined };
}

export function cloneSkb(skb: Skb): Skb {
  return { data: copySkbData(skb.data), meta: { ...skb.meta } };
}
