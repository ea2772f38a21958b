// Layer k8s: builds a whole control plane from a plain description: the apiserver, the controllers
// of kube-controller-manager (deployment, replicaset, daemonset, endpoints, endpointslice, garbage
// collector, namespace, node IPAM), kube-scheduler, one kubelet per node, and the apiserver's own
// bootstrap objects. Nodes may have joined before the lab's t=0 (negative joinedAtUs). What kubeadm and
// the other installers create on top is the lab's (src/lab/system).

import type { Rng } from '../sim/rng.js';
import type { Scheduler } from '../sim/scheduler.js';
import { formatIpv4 } from '../addr/ipv4-addr.js';
import { nth, parseCidr } from '../addr/ipv4-cidr.js';
import { ApiServer } from './api/api-server.js';
import { buildNode, type NodeConfig } from './cluster/node-factory.js';
import { SYSTEM_NAMESPACES, createKubernetesService, createNamespaces, createNodeLease, fakeCaPem } from './cluster/bootstrap-objects.js';
import { DaemonSetController } from './controllers/daemonset-controller.js';
import { DeploymentController } from './controllers/deployment-controller.js';
import { EndpointSliceController } from './controllers/endpointslice-controller.js';
import { EndpointsController } from './controllers/endpoints-controller.js';
import { EventRecorder } from './controllers/event-recorder.js';
import { GarbageCollector } from './controllers/garbage-collector.js';
import { NamespaceController } from './controllers/namespace-controller.js';
import { ReplicaSetController } from './controllers/replicaset-controller.js';
import { Kubelet } from './kubelet/kubelet.js';
import type { PodRuntime } from './kubelet/pod-runtime.js';
import type { Node } from './objects/core.js';
import { ApiClock } from './objects/time.js';
import { KubeScheduler } from './scheduler/kube-scheduler.js';

export type { NodeConfig };

export interface ClusterConfig {
  /** Wall-clock ms at virtual time 0. */
  readonly epochMs: number;
  readonly scheduler: Scheduler;
  readonly rng: Rng;
  /** --service-cluster-ip-range ("10.96.0.0/16"). */
  readonly serviceCidr: string;
  /** kube-controller-manager --cluster-cidr ("10.244.0.0/16"): node podCIDRs are its /24s in join order. */
  readonly clusterCidr: string;
  /** kubelet/apiserver version ("v1.33.2"). */
  readonly version: string;
  readonly nodes: readonly NodeConfig[];
  /** Where the apiserver listens (default: the first control-plane node's InternalIP, port 6443). */
  readonly apiServer?: { readonly ip: string; readonly port: number };
  /** When `kubeadm init` ran (default: the earliest node join). */
  readonly createdAtUs?: number;
}

export class Cluster {
  readonly api: ApiServer;
  readonly clock: ApiClock;
  readonly events: EventRecorder;
  readonly kubeScheduler: KubeScheduler;
  readonly kubelets = new Map<string, Kubelet>();
  private readonly joined: string[] = [];
  private readonly rngNodes: Rng;

  /** @example new Cluster({ epochMs, scheduler, rng, serviceCidr: '10.96.0.0/16', clusterCidr: '10.244.0.0/16', version: 'v1.33.2', nodes }, runtime) */
  constructor(
    readonly config: ClusterConfig,
    readonly runtime: PodRuntime,
  ) {
    const { scheduler, rng } = config;
    this.clock = new ApiClock(scheduler, config.epochMs);
    this.api = new ApiServer({ clock: this.clock, rng: rng.fork('k8s/apiserver'), serviceCidr: config.serviceCidr });
    this.rngNodes = rng.fork('k8s/nodes');
    this.events = new EventRecorder(this.api);
    new GarbageCollector(this.api, scheduler);
    const namespaces = new NamespaceController(this.api, scheduler, fakeCaPem(rng.fork('k8s/ca')));
    new ReplicaSetController(this.api, scheduler, this.events);
    new DeploymentController(this.api, scheduler, this.events);
    new DaemonSetController(this.api, scheduler, this.events);
    new EndpointsController(this.api, scheduler);
    new EndpointSliceController(this.api, scheduler);
    const cp = config.nodes.find((n) => (n.roles ?? []).includes('control-plane')) ?? config.nodes[0];
    this.kubeScheduler = new KubeScheduler(this.api, scheduler, this.events, rng.fork('k8s/scheduler'), { hostname: cp?.name ?? 'localhost' });
    const created = config.createdAtUs ?? Math.min(scheduler.nowUs, ...config.nodes.map((n) => n.joinedAtUs ?? scheduler.nowUs));
    const atUs = Math.min(created, scheduler.nowUs);
    createNamespaces(this.api, atUs);
    for (const ns of SYSTEM_NAMESPACES) namespaces.ensureDefaults(ns, atUs);
    const apiEndpoint = config.apiServer ?? { ip: cp?.internalIP ?? '127.0.0.1', port: 6443 };
    createKubernetesService(this.api, apiEndpoint.ip, apiEndpoint.port, atUs);
    for (const n of [...config.nodes].sort((a, b) => (a.joinedAtUs ?? 0) - (b.joinedAtUs ?? 0))) {
      const at = n.joinedAtUs ?? scheduler.nowUs;
      if (at <= scheduler.nowUs) this.addNode(n, at);
      else scheduler.at(at, () => this.addNode(n));
    }
  }

  /** The next node podCIDR (node IPAM's range allocator hands out /24s in order). */
  private nextPodCidr(): string | undefined {
    const c = parseCidr(this.config.clusterCidr);
    if (!c) return undefined;
    return `${formatIpv4(nth(c, this.joined.length * 256))}/24`;
  }

  /** Joins a node (kubeadm join): registers the Node and its Lease and starts its kubelet. */
  addNode(cfg: NodeConfig, atUs = this.config.scheduler.nowUs): Node {
    const podCidr = this.nextPodCidr();
    this.joined.push(cfg.name);
    const node = this.api.create(buildNode(cfg, this.config.version, podCidr, this.rngNodes, this.clock.time(atUs)), { atUs, typed: true });
    createNodeLease(this.api, cfg.name, node.metadata.uid ?? '', atUs);
    this.kubelets.set(cfg.name, new Kubelet(this.api, this.config.scheduler, this.runtime, this.events, this.config.rng.fork(`k8s/kubelet/${cfg.name}`), cfg.name));
    return node;
  }

  kubelet(nodeName: string): Kubelet | undefined {
    return this.kubelets.get(nodeName);
  }

  /** Flips a node's Ready condition and unreachable taints (the node lifecycle controller's view of a stopped or restarted kubelet). */
  setNodeReady(nodeName: string, ready: boolean): void {
    const now = this.clock.time();
    this.api.mutate('Node', undefined, nodeName, (n) => {
      const c = (n.status?.conditions ?? []).find((x) => x.type === 'Ready');
      if (!c || (c.status === 'True') === ready) return;
      c.status = ready ? 'True' : 'Unknown';
      c.reason = ready ? 'KubeletReady' : 'NodeStatusUnknown';
      c.message = ready ? 'kubelet is posting ready status' : 'Kubelet stopped posting node status.';
      c.lastTransitionTime = now;
    }, { subresource: 'status' });
    this.api.mutate('Node', undefined, nodeName, (n) => {
      const taints = (n.spec.taints ?? []).filter((t) => t.key !== 'node.kubernetes.io/unreachable');
      if (!ready) taints.push({ key: 'node.kubernetes.io/unreachable', effect: 'NoSchedule', timeAdded: now }, { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute', timeAdded: now });
      if (taints.length > 0) n.spec.taints = taints;
      else delete n.spec.taints;
    });
  }
}
