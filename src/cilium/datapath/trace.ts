// Layer cilium: trace notifications of the datapath (bpf/lib/trace.h send_trace_notify): the observation
// point a packet passed ("to-endpoint", "to-overlay", "to-network", "to-stack", "from-endpoint", ...), with
// the source and destination identities, as `cilium-dbg monitor` and Hubble report them. Published on 'hop'
// (explanations) and on 'notify' (the monitor's perf ring) with the first TRACE_PAYLOAD_LEN bytes captured.
// Programs check isTracing first, so an unobserved lab builds no detail object (nor its strings) per packet.

import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import type { CiliumAgent } from '../agent.js';

/** bpf/lib/trace.h TRACE_PAYLOAD_LEN: how much of the packet a trace notification carries. */
export const TRACE_PAYLOAD_LEN = 128;

export type ObsPoint = 'from-endpoint' | 'from-host' | 'from-network' | 'from-overlay' | 'from-stack' | 'to-endpoint' | 'to-host' | 'to-network' | 'to-overlay' | 'to-stack';

/** Whether anyone reads trace notifications (an explanation, `cilium-dbg monitor`, Hubble). */
export function isTracing(agent: CiliumAgent): boolean {
  const bus = agent.netns.ctx.trace;
  return bus.has('hop') || bus.has('notify');
}

/** Publishes a notification; callers check isTracing before building `detail`. */
export function traceNotify(
  agent: CiliumAgent,
  skb: Skb,
  dev: NetDevice,
  point: ObsPoint,
  detail: { program: string; srcIdentity: number; dstIdentity?: number; why?: string; [k: string]: string | number | undefined },
): void {
  const bus = agent.netns.ctx.trace;
  const isHop = bus.has('hop');
  const isNotify = bus.has('notify');
  if (!isHop && !isNotify) return;
  const e = {
    netns: agent.netns,
    dev,
    traceId: skb.meta.traceId,
    timeUs: agent.netns.now,
    stage: 'cilium',
    decision: point,
    detail: { node: agent.nodeName, ...detail },
    data: skb.data.slice(0, TRACE_PAYLOAD_LEN),
    origLen: skb.data.length,
  };
  if (isHop) bus.emit('hop', e);
  if (isNotify) bus.emit('notify', e);
}
