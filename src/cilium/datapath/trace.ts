// Layer cilium: trace notifications of the datapath (bpf/lib/trace.h send_trace_notify): the observation
// point a packet passed ("to-endpoint", "to-overlay", "to-network", "to-stack", "from-endpoint", ...), with
// the source and destination identities, as `cilium-dbg monitor` and Hubble report them.

import type { NetDevice } from '../../net/net-device.js';
import type { Skb } from '../../net/skb.js';
import type { CiliumAgent } from '../agent.js';

export type ObsPoint = 'from-endpoint' | 'from-host' | 'from-network' | 'from-overlay' | 'from-stack' | 'to-endpoint' | 'to-host' | 'to-network' | 'to-overlay' | 'to-stack';

export function traceNotify(
  agent: CiliumAgent,
  skb: Skb,
  dev: NetDevice,
  point: ObsPoint,
  detail: { program: string; srcIdentity: number; dstIdentity?: number; why?: string; [k: string]: string | number | undefined },
): void {
  const ctx = agent.netns.ctx;
  if (!ctx.trace.has('hop')) return;
  ctx.hop({ netns: agent.netns, dev, traceId: skb.meta.traceId, stage: 'cilium', decision: point, detail: { node: agent.nodeName, ...detail } });
}
