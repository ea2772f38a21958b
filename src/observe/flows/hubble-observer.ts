// Layer observe: the Hubble server of every agent (pkg/hubble/observer) and what Hubble Relay makes of
// them: each running agent with enable-hubble parses its node's monitor events into flows kept in its own
// ring (reset when the agent restarts); GetFlows takes the last N matching flows of each node and merges
// them by time, then follows new ones. Start it when the lab is built so `hubble observe` sees the past.

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Lab } from '../../lab/index.js';
import { DatapathMonitor } from '../monitor/datapath-monitor.js';
import type { MonitorEvent } from '../monitor/monitor-event.js';
import type { Flow } from './flow.js';
import { passes, type FlowFilter } from './flow-filter.js';
import { parseFlow, type ParserContext } from './flow-parser.js';
import { FlowRing } from './flow-ring.js';

export interface GetFlowsRequest {
  /** --last N (per node, as through Relay); 0 with follow: only new flows. */
  readonly number: number;
  readonly first?: boolean;
  readonly allow: readonly FlowFilter[];
  readonly deny: readonly FlowFilter[];
  /** --since / --until, wall-clock microseconds. */
  readonly sinceUs?: number;
  readonly untilUs?: number;
}

interface NodeServer {
  readonly agentStartUs: number;
  readonly ring: FlowRing<Flow>;
  readonly ctx: ParserContext;
  seen: number;
}

const OBSERVERS = new WeakMap<Lab, HubbleObserver>();

export class HubbleObserver {
  private readonly servers = new Map<string, NodeServer>();
  private readonly followers = new Set<(f: Flow) => void>();

  private constructor(private readonly lab: Lab) {
    const monitor = DatapathMonitor.of(lab);
    for (const node of lab.agents.keys()) monitor.listen(node, (e) => this.onEvent(node, e));
  }

  /** The lab's Hubble (started on first use; call it once after building the lab). @example HubbleObserver.of(lab) */
  static of(lab: Lab): HubbleObserver {
    let o = OBSERVERS.get(lab);
    if (!o) {
      o = new HubbleObserver(lab);
      OBSERVERS.set(lab, o);
    }
    return o;
  }

  /** Whether `node`'s agent runs a Hubble server right now. */
  isServing(node: string): boolean {
    const a = this.lab.agents.get(node);
    return a !== undefined && a.phase === 'running' && a.config?.enableHubble === true;
  }

  /** The nodes Relay reaches, sorted, and how many flows each has seen. */
  nodes(): Array<{ readonly name: string; readonly isServing: boolean; readonly numFlows: number; readonly maxFlows: number; readonly seenFlows: number; readonly startUs: number }> {
    return [...this.lab.agents.values()]
      .map((a) => {
        const s = this.server(a);
        return { name: a.nodeName, isServing: this.isServing(a.nodeName), numFlows: s?.ring.size ?? 0, maxFlows: s?.ring.capacity ?? a.config?.hubbleEventBufferCapacity ?? 4095, seenFlows: s?.seen ?? 0, startUs: a.startedAtUs };
      })
      .sort((x, y) => (x.name < y.name ? -1 : 1));
  }

  /** The flows a GetFlows request returns now, oldest first. */
  getFlows(req: GetFlowsRequest): Flow[] {
    const out: Flow[] = [];
    for (const a of this.lab.agents.values()) {
      const s = this.server(a);
      if (!s || !this.isServing(a.nodeName)) continue;
      const all = s.ring.toArray().filter((f) => passes(f, req.allow, req.deny) && (req.sinceUs === undefined || f.timeUs >= req.sinceUs) && (req.untilUs === undefined || f.timeUs <= req.untilUs));
      out.push(...(req.first ? all.slice(0, req.number) : req.number > 0 ? all.slice(-req.number) : []));
    }
    return out.sort((x, y) => x.timeUs - y.timeUs);
  }

  /** New flows of every node as they are parsed, until the returned function is called. */
  follow(fn: (f: Flow) => void): () => void {
    this.followers.add(fn);
    return () => this.followers.delete(fn);
  }

  private server(a: CiliumAgent): NodeServer | undefined {
    const s = this.servers.get(a.nodeName);
    if (s && s.agentStartUs === a.startedAtUs) return s;
    if (!a.config?.enableHubble) return undefined;
    const node = this.lab.k8s.api.tryGet('Node', undefined, a.nodeName);
    const nodeLabels = Object.entries(node?.metadata.labels ?? {}).map(([k, v]) => `${k}=${v}`).sort();
    const fresh: NodeServer = {
      agentStartUs: a.startedAtUs,
      ring: new FlowRing<Flow>(a.config.hubbleEventBufferCapacity),
      ctx: { lab: this.lab, agent: a, rng: a.rng.fork(`hubble/uuid/${a.startedAtUs}`), nodeLabels },
      seen: 0,
    };
    this.servers.set(a.nodeName, fresh);
    return fresh;
  }

  private onEvent(node: string, e: MonitorEvent): void {
    const a = this.lab.agents.get(node);
    if (!a || !this.isServing(node)) return;
    const s = this.server(a);
    if (!s) return;
    const flow = parseFlow(s.ctx, e);
    s.ring.push(flow);
    s.seen++;
    for (const fn of [...this.followers]) fn(flow);
  }
}
