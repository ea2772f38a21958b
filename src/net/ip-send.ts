// Layer net: sending an IPv4 packet from this namespace (ip_route_output + ip_build_and_send_pkt /
// ip_append_data): pick the route and source, fill in the header (TTL 64, the IP id as Linux chooses it),
// apply the socket's PMTU discovery mode — "do" fails with EMSGSIZE before any packet leaves when the
// packet exceeds the route MTU, "want"/"dont" fragment — and hand it to ip_output.

import type { Ipv4Addr } from '../addr/index.js';
import { emitIpv4, ETH_P_IP } from '../wire/index.js';
import { frameWith } from './frame.js';
import { ipOutput } from './ip-output.js';
import type { NetDevice } from './net-device.js';
import type { Errno } from './netlink-error.js';
import type { Netns } from './netns.js';
import { routeOutput } from './route-output.js';
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
}

export type IpSendResult =
  | { readonly ok: true; readonly skb: Skb; readonly src: Ipv4Addr }
  | { readonly ok: false; readonly errno: Errno; readonly mtu?: number };

export function sendIpPacket(ns: Netns, o: IpSendOptions, payload: Uint8Array): IpSendResult {
  const out = routeOutput(ns, { dst: o.dst, ...(o.src !== undefined ? { src: o.src } : {}), ...(o.mark !== undefined ? { mark: o.mark } : {}), ...(o.oif ? { oif: o.oif } : {}) });
  if (!out.ok) return { ok: false, errno: out.errno };
  const { route, src, mtu } = out.value;
  const totalLen = 20 + payload.length;
  const mode: PmtuDisc = o.pmtudisc ?? (o.df ? 'do' : 'dont');
  if (mode === 'do' && totalLen > mtu) return { ok: false, errno: 'EMSGSIZE', mtu };
  const df = mode === 'do' || (mode === 'want' && totalLen <= mtu);
  const id = o.id ?? (df && mode === 'do' ? 0 : ns.ipIdent(o.dst, src, o.protocol));
  const ip = emitIpv4(
    { tos: o.tos ?? 0, id, df, mf: false, fragOffset: 0, ttl: o.ttl ?? 64, protocol: o.protocol, src, dst: o.dst },
    payload,
  );
  const skb: Skb = { data: frameWith(ip, ETH_P_IP), meta: newMeta(ns.ctx.nextTraceId(), o.causeTraceId ?? 0) };
  if (o.mark !== undefined) skb.meta.mark = o.mark;
  ns.ctx.hop({ netns: ns, dev: out.value.dev, traceId: skb.meta.traceId, stage: 'ip_local_out', decision: 'route', detail: { route: describeRoute(route) } });
  ipOutput(ns, skb, route);
  return { ok: true, skb, src };
}
