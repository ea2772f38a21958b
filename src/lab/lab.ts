// Layer lab: a running lab — machines and L2 segments, the Kubernetes control plane, the Cilium agents and
// the state they share — on one virtual clock. This is the library API tests, tools and the UI drive:
// look up a host or pod namespace, advance time, apply manifests, change Helm values, restart workloads.

import YAML from 'yaml';
import type { CiliumAgent } from '../cilium/agent.js';
import type { ClusterState } from '../cilium/cluster-state.js';
import type { Cluster, GenericObject, KubeObject } from '../k8s/index.js';
import type { Machine } from '../net/machine.js';
import type { NetContext } from '../net/net-context.js';
import type { Netns } from '../net/netns.js';
import type { Segment } from '../net/segment.js';
import { Rng, type Scheduler } from '../sim/index.js';
import type { LabSpec } from './lab-file/index.js';
import { syncCiliumRelease } from './system/cilium-release-sync.js';
import { renderCiliumConfigMap, type HelmValues } from '../cilium/chart/index.js';
import { rfc3339Local } from './wall-clock.js';

export interface LabParts {
  readonly spec: LabSpec;
  readonly seed: number;
  readonly ctx: NetContext;
  readonly machines: Map<string, Machine>;
  readonly segments: Map<string, Segment>;
  readonly k8s: Cluster;
  readonly cilium: ClusterState;
  readonly agents: Map<string, CiliumAgent>;
}

export class Lab {
  readonly spec: LabSpec;
  readonly seed: number;
  readonly ctx: NetContext;
  readonly machines: Map<string, Machine>;
  readonly segments: Map<string, Segment>;
  readonly k8s: Cluster;
  readonly cilium: ClusterState;
  readonly agents: Map<string, CiliumAgent>;
  /** The Cilium release's user-supplied values (`helm get values cilium`). */
  ciliumValues: HelmValues;

  constructor(p: LabParts) {
    this.spec = p.spec;
    this.seed = p.seed;
    this.ctx = p.ctx;
    this.machines = p.machines;
    this.segments = p.segments;
    this.k8s = p.k8s;
    this.cilium = p.cilium;
    this.agents = p.agents;
    this.ciliumValues = p.spec.cilium.values;
  }

  get scheduler(): Scheduler {
    return this.ctx.scheduler;
  }

  get nowUs(): number {
    return this.ctx.scheduler.nowUs;
  }

  /** Wall-clock milliseconds of the virtual now. */
  get wallMs(): number {
    return this.spec.clock.startUnixMs + Math.floor(this.nowUs / 1000);
  }

  machine(name: string): Machine {
    const m = this.machines.get(name);
    if (!m) throw new Error(`no host ${name}`);
    return m;
  }

  /**
   * The namespace of a host ("k8s-ctr") or a pod ("curl-pod", "kube-system/coredns-...").
   * @example lab.netns('curl-pod').dev('eth0')
   */
  netns(target: string): Netns {
    const m = this.machines.get(target);
    if (m) return m.root;
    const key = target.includes('/') ? target : `default/${target}`;
    for (const mm of this.machines.values()) {
      const ns = mm.namespaces.get(key);
      if (ns) return ns;
    }
    const pod = this.k8s.api.tryGet('Pod', key.split('/')[0], key.split('/')[1] ?? '');
    if (pod?.spec.hostNetwork && pod.spec.nodeName) return this.machine(pod.spec.nodeName).root;
    throw new Error(`no host or pod ${target}`);
  }

  /** Advances virtual time by `us`, running everything due. */
  runFor(us: number): void {
    this.scheduler.runUntil(this.nowUs + us);
  }

  /** Runs until `done()` holds, or `limitUs` of virtual time has passed; returns whether it holds. */
  runUntil(done: () => boolean, limitUs = 600_000_000): boolean {
    const end = this.nowUs + limitUs;
    if (this.scheduler.runWhile(() => !done(), end)) return true;
    this.scheduler.runUntil(end);
    return done();
  }

  /** `kubectl apply` of YAML text or objects: creates what is new, replaces the spec of what exists. */
  apply(input: string | readonly GenericObject[]): KubeObject[] {
    const objs = typeof input === 'string' ? (YAML.parseAllDocuments(input).map((d) => d.toJS()).filter((o) => o) as GenericObject[]) : input;
    const api = this.k8s.api;
    return objs.map((o) => {
      const ns = o.metadata.namespace ?? (api.resource(o.kind, o.apiVersion).namespaced ? 'default' : undefined);
      const cur = api.tryGet(o.kind, ns, o.metadata.name ?? '');
      if (!cur) return api.create({ ...o, metadata: { ...o.metadata, ...(ns !== undefined ? { namespace: ns } : {}) } });
      return api.update({ ...cur, ...o, metadata: { ...cur.metadata, ...o.metadata } } as KubeObject);
    });
  }

  /**
   * `helm upgrade cilium ...`: new values, the chart's re-rendered cilium-config (agents read it when they
   * restart) and the release's objects created or deleted. Throws the chart's TemplateFail when a template
   * would `fail`.
   */
  setCiliumValues(values: HelmValues): void {
    const data = renderCiliumConfigMap(values, { kubeVersion: this.spec.kubernetes.version });
    this.ciliumValues = values;
    syncCiliumRelease(this.k8s.api, values, data, new Rng(this.seed).fork(`cilium-upgrade@${this.nowUs}`));
  }

  /** `kubectl rollout restart`: stamps the pod template so its controller replaces every pod. */
  rolloutRestart(namespace: string, kind: 'DaemonSet' | 'Deployment', name: string): void {
    const stamp = rfc3339Local(this.wallMs, this.spec.clock.timezone);
    this.k8s.api.mutate(kind, namespace, name, (o) => {
      const t = (o as unknown as { spec: { template: { metadata: { annotations?: Record<string, string> } } } }).spec.template;
      t.metadata.annotations = { ...(t.metadata.annotations ?? {}), 'kubectl.kubernetes.io/restartedAt': stamp };
    });
  }
}
