// Layer observe: records what the lab's trace bus reports while a command runs (every frame a device sends
// or receives, every decision, every drop), and at the instant of each event the table entries behind it
// that later state could no longer show: the neighbour a frame was addressed to, the FIB route and ipcache
// entry a BPF program used, the service backend the socket LB chose.

import { formatIpv4, formatMac, macFromBytes, type Ipv4Addr } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { ipcacheLookup } from '../../cilium/ipcache.js';
import type { Lab } from '../../lab/index.js';
import type { DropEvent, HopEvent, PacketEvent } from '../../net/net-context.js';
import type { Netns } from '../../net/netns.js';
import { routeOutput } from '../../net/route-output.js';
import { describeRoute } from '../../net/route-text.js';
import { ipv4Dst } from '../../wire/index.js';

export type Recorded =
  | { readonly kind: 'packet'; readonly e: PacketEvent; readonly entries: readonly string[] }
  | { readonly kind: 'hop'; readonly e: HopEvent; readonly entries: readonly string[] }
  /** `where` names the BPF program for a drop at a tc hook ("cil_from_container" rather than "tc ingress"). */
  | { readonly kind: 'drop'; readonly e: DropEvent; readonly where: string };

export class TraceRecorder {
  readonly events: Recorded[] = [];
  private readonly offs: Array<() => void>;

  constructor(private readonly lab: Lab) {
    const bus = lab.ctx.trace;
    this.offs = [
      bus.on('packet', (e) => this.events.push({ kind: 'packet', e, entries: this.neighbourOf(e) })),
      bus.on('hop', (e) => this.events.push({ kind: 'hop', e, entries: this.hopEntries(e) })),
      bus.on('drop', (e) => this.events.push({ kind: 'drop', e, where: (e.where === 'tc ingress' ? e.dev?.tcIngress?.name : e.where === 'tc egress' ? e.dev?.tcEgress?.name : undefined) ?? e.where })),
    ];
  }

  stop(): void {
    for (const off of this.offs.splice(0)) off();
  }

  private agentOf(ns: Netns): CiliumAgent | undefined {
    for (const a of this.lab.agents.values()) if (a.netns === ns) return a;
    return undefined;
  }

  /** The neighbour entry an outgoing Ethernet frame was addressed with (`ip neigh` form). */
  private neighbourOf(e: PacketEvent): string[] {
    if (e.dir !== 'out' || e.dev.isNoArp || e.dev.kind === 'loopback' || e.data.length < 14) return [];
    const mac = macFromBytes(e.data, 0);
    const n = e.netns.neigh.list().find((x) => x.dev === e.dev && x.lladdr === mac);
    return n ? [`neighbour ${formatIpv4(n.ip)} dev ${e.dev.name} lladdr ${formatMac(mac)} ${n.state}`] : [];
  }

  private hopEntries(h: HopEvent): string[] {
    const d = h.detail ?? {};
    if (h.stage === 'fib' || h.stage === 'ip_local_out') return typeof d['route'] === 'string' ? [`route ${d['route']}`] : [];
    if (h.stage === 'sock-lb') return [`service ${d['service']} ${d['frontend']} -> ${d['backend'] ?? 'no backend'} (${d['backends']} active backends)`];
    const agent = this.agentOf(h.netns);
    const dst = h.data && h.data.length >= 34 ? ipv4Dst(h.data, 14) : undefined;
    if (!agent || dst === undefined) return [];
    switch (h.decision) {
      case 'from-endpoint':
        return [ipcacheEntry(agent, dst)];
      case 'to-network':
        return [...fibEntry(agent, dst), ...(d['masquerade'] !== undefined ? [`masquerade to ${formatIpv4(Number(d['masquerade']) as Ipv4Addr)}`] : [])];
      case 'to-overlay':
        return [ipcacheEntry(agent, dst), `encapsulate: tunnel endpoint ${formatIpv4(Number(d['tunnelEndpoint']) as Ipv4Addr)}, VNI ${d['vni']} (source identity ${d['srcIdentity']}), device ${agent.devices?.tunnel?.name ?? '-'}`];
      case 'from-overlay':
        return [`decapsulated: VNI ${d['vni']} taken as source identity ${d['srcIdentity']}`];
      case 'to-endpoint':
        return [`endpoint ${d['endpoint']} (${d['pod']}, identity ${d['dstIdentity']})`];
      case 'to-stack':
        return typeof d['why'] === 'string' ? [`to the stack: ${d['why']}`] : [];
      default:
        return [];
    }
  }
}

function ipcacheEntry(agent: CiliumAgent, dst: Ipv4Addr): string {
  const info = ipcacheLookup(agent, dst);
  const tunnel = info.tunnelEndpoint !== undefined ? `, tunnelendpoint ${formatIpv4(info.tunnelEndpoint)}` : '';
  return `ipcache ${formatIpv4(dst)}: identity ${info.identity} (${info.kind})${tunnel}`;
}

/** bpf_fib_lookup in the node's namespace: the route that matched and the next hop. */
function fibEntry(agent: CiliumAgent, dst: Ipv4Addr): string[] {
  const out = routeOutput(agent.netns, { dst });
  if (!out.ok) return [`FIB lookup for ${formatIpv4(dst)}: ${out.errno}`];
  return [`FIB route ${describeRoute(out.value.route)}, next hop ${formatIpv4(out.value.nexthop)} dev ${out.value.dev.name}`];
}
