// Layer net: sending an IPv4 packet from this namespace (ip_route_output + ip_build_and_send_pkt /
// ip_append_data): pick the route and source, fill in the header (TTL 64, the IP id as Linux chooses it),
// apply the socket's PMTU discovery mode — "do" fails with EMSGSIZE before any packet leaves when the
// packet exceeds the route MTU, "want"/"dont" fragment — and hand it to ip_output.

import { IPV4_ANY, type Ipv4Addr } from '../addr/index.js';
import { ETH_P_IP, IPV4_HEADER_LEN, writeIpv4Header, type Ipv4Header } from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { ipOutput, neighOutput } from './ip-output.js';
import type { NetDevice } from './net-device.js';
import type { Errno } from './netlink-error.js';
import type { Netns } from './netns.js';
import { routeOutput } from './route-output.js';
import { allocSkbData } from './skb-data.js';
import { describeRoute } from './route-text.js';
import { newMeta, type Skb } from './skb.js';

export type PmtuDisc = 'do' | 'want' | 'dont';

export interface IpSendOptions {
  readonly dst: Ipv4Addr;
  readonly src?: Ipv4Addr | undefined;
  readonly protocol: number;
  readonly tos?: number;
  readonly ttl?: number;
  /** Kernel-made packets (ICMP errors, echo replies) say df:false; sockets give their PMTU mode instead. */
  readonly df?: boolean;
  readonly pmtudisc?: PmtuDisc;
  /** A connected socket's own id counter (inet_id); otherwise Linux picks. */
  readonly id?: number;
  readonly oif?: NetDevice | undefined;
  readonly mark?: number;
  readonly causeTraceId?: number;
  /** Keep this trace id instead of starting a new one (an encapsulated packet continues its inner's trace). */
  readonly traceId?: number;
}

export type IpSendResult =
  | { readonly ok: true; readonly skb: Skb; readonly src: Ipv4Addr }
  | { readonly ok: false; readonly errno: Errno; readonly mtu?: number };

/** The header ip_build_and_send_pkt fills in: one object rewritten for every packet (writeIpv4Header keeps none). */
const header: { -readonly [K in keyof Ipv4Header]: Ipv4Header[K] } = { tos: 0, id: 0, df: false, mf: false, fragOffset: 0, ttl: 64, protocol: 0, src: IPV4_ANY, dst: IPV4_ANY };

export function sendIpPacket(ns: Netns, o: IpSendOptions, payload: Uint8Array): IpSendResult {
  return sendIp(ns, o, payload.length, (frame, l4Off) => frame.set(payload, l4Off));
}

/**
 * The send path with the L4 bytes written straight into the frame (one allocation per packet): `write`
 * gets the frame, the offset of the L4 header, the chosen source address and the options, which may carry
 * what it writes (so a hot caller passes one function for every packet instead of a closure per packet).
 */
export function sendIp<O extends IpSendOptions>(ns: Netns, o: O, l4Len: number, write: (frame: Uint8Array, l4Off: number, src: Ipv4Addr, o: O) => void): IpSendResult {
  const out = routeOutput(ns, o);
  if (!out.ok) return { ok: false, errno: out.errno };
  const { route, src, mtu } = out.value;
  const totalLen = IPV4_HEADER_LEN + l4Len;
  const mode: PmtuDisc = o.pmtudisc ?? (o.df ? 'do' : 'dont');
  if (mode === 'do' && totalLen > mtu) return { ok: false, errno: 'EMSGSIZE', mtu };
  const df = mode === 'do' || (mode === 'want' && totalLen <= mtu);
  const id = o.id ?? (df && mode === 'do' ? 0 : ns.ipIdent(o.dst, src, o.protocol));
  const frame = allocSkbData(L3_OFF + totalLen);
  frame[12] = ETH_P_IP >> 8;
  frame[13] = ETH_P_IP & 0xff;
  write(frame, L3_OFF + IPV4_HEADER_LEN, src, o);
  const h = header;
  h.tos = o.tos ?? 0;
  h.id = id;
  h.df = df;
  h.ttl = o.ttl ?? 64;
  h.protocol = o.protocol;
  h.src = src;
  h.dst = o.dst;
  writeIpv4Header(frame, L3_OFF, h, l4Len);
  const skb: Skb = { data: frame, meta: newMeta(o.traceId ?? ns.ctx.nextTraceId(), o.causeTraceId ?? 0) };
  if (o.mark !== undefined) skb.meta.mark = o.mark;
  if (ns.ctx.isTracingHops) ns.ctx.hop({ netns: ns, dev: out.value.dev, traceId: skb.meta.traceId, stage: 'ip_local_out', decision: 'route', detail: { route: describeRoute(route) } });
  if (out.value.isLocal) neighOutput(ns, ns.lo, o.dst, skb);
  else ipOutput(ns, skb, route);
  return { ok: true, skb, src };
}
