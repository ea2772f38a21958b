// Layer lab: builds a lab from a loaded lab file. Virtual time starts when the first node joined (or Cilium
// was installed) and the lab's history is played forward to t=0: nodes join, kubeadm's and Helm's objects
// appear at their moments, agents start and publish their nodes, system pods get their addresses, and the
// file's workloads are applied — so at t=0 every AGE, pod IP and route is what that history produced.

import { ClusterState } from '../cilium/cluster-state.js';
import { CiliumAgent } from '../cilium/agent.js';
import { ClusterPool } from '../cilium/ipam/cluster-pool.js';
import { agentConfigFromConfigMap } from '../cilium/agent-config.js';
import { renderCiliumConfigMap } from '../cilium/chart/index.js';
import { formatCidr, formatIpv4 } from '../addr/index.js';
import { Cluster, type GenericObject } from '../k8s/index.js';
import { NetContext } from '../net/net-context.js';
import { Rng, Scheduler } from '../sim/index.js';
import { buildHosts } from './build-hosts.js';
import { publishEndpointsReady, publishNode, watchServices } from './cilium-sync.js';
import { Lab } from './lab.js';
import type { LabSpec } from './lab-file/index.js';
import { LabPodRuntime, type RuntimeHost } from './pod-runtime.js';
import { AppsLauncher } from './apps-launcher.js';
import { startHostServices } from './host-services.js';
import { addonInstalls } from './system/addons.js';
import { startHostDaemons } from './system/host-daemons.js';
import { ciliumObjects } from './system/cilium.js';
import { controlPlaneMirrorPods, kubeadmObjects, rfc3339NanoLocal } from './system/kubeadm.js';

export interface BuildOptions {
  /** Overrides the lab file's seed (`--seed N`). */
  readonly seed?: number;
}

/** @example const lab = buildLab(loadDefaultLab(), { seed: 1 }) */
export function buildLab(spec: LabSpec, opts: BuildOptions = {}): Lab {
  const seed = opts.seed ?? spec.seed;
  const rng = new Rng(seed);
  const scheduler = new Scheduler();
  const startUs = Math.min(0, spec.cilium.installedUs, ...spec.kubernetes.nodes.map((n) => n.joinedUs));
  scheduler.nowUs = startUs;
  const ctx = new NetContext(scheduler, rng.fork('net'));
  const { machines, segments } = buildHosts(spec, ctx, rng.fork('hosts'), startUs);
  startHostServices(spec, machines);
  const cilium = new ClusterState(rng.fork('cilium'));
  const agents = new Map<string, CiliumAgent>();
  const values = renderCiliumConfigMap(spec.cilium.values, { kubeVersion: spec.kubernetes.version });
  const config = agentConfigFromConfigMap(values);
  const pool = new ClusterPool(config.clusterPoolCidrs, config.clusterPoolMaskSize);
  const pins = new Map(spec.cilium.pins.map((p) => [p.node, p]));
  for (const p of spec.cilium.pins) pool.pin(p.node, p.podCIDR);
  const host: RuntimeHost = {
    machines,
    agents,
    api: undefined,
    apps: new AppsLauncher(() => host.api, spec.clock.startUnixMs),
    allocateNode: (agent) => {
      if (agent.podCidr) return;
      agent.assignPodCidr(pool.allocate(agent.nodeName), pins.get(agent.nodeName)?.ciliumHostIP);
    },
  };
  for (const n of spec.kubernetes.nodes) {
    const machine = machines.get(n.name);
    if (!machine) continue;
    const agent = new CiliumAgent({ nodeName: n.name, nodeIp: n.nodeIP, machine, cluster: cilium, scheduler, rng: rng.fork(`agent/${n.name}`) });
    agents.set(n.name, agent);
  }
  const k8s = new Cluster(
    {
      epochMs: spec.clock.startUnixMs,
      scheduler,
      rng: rng.fork('k8s'),
      serviceCidr: formatCidr(spec.kubernetes.networking.serviceSubnet),
      clusterCidr: spec.kubernetes.networking.podSubnet ? formatCidr(spec.kubernetes.networking.podSubnet) : '10.244.0.0/16',
      version: spec.kubernetes.version,
      nodes: spec.kubernetes.nodes.map((n) => {
        const h = spec.hosts.find((x) => x.name === n.name);
        const isCp = n.name === spec.kubernetes.controlPlane;
        return {
          name: n.name,
          internalIP: formatIpv4(n.nodeIP),
          roles: isCp ? ['control-plane'] : [],
          labels: n.labels,
          taints: isCp && !spec.kubernetes.removeControlPlaneTaint ? [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }] : [],
          joinedAtUs: n.joinedUs,
          osImage: h?.os ?? 'Ubuntu 24.04.2 LTS',
          kernelVersion: h?.kernel.release ?? '6.8.0-53-generic',
          containerRuntimeVersion: spec.kubernetes.containerRuntimeVersion,
          cpus: h?.cpus ?? 2,
          memoryMb: h?.memoryMiB ?? 2048,
        };
      }),
    },
    new LabPodRuntime(host),
  );
  host.api = k8s.api;
  for (const agent of agents.values()) {
    // Hooks are bound to a const before they go on the agent (docs/architecture.md, Memory).
    const onDatapathInit = (): void => publishNode(k8s.api, cilium, agents, agent);
    const onEndpointsReady: CiliumAgent['onEndpointsReady'] = (eps) => publishEndpointsReady(k8s.api, eps);
    agent.onDatapathInit = onDatapathInit;
    agent.onEndpointsReady = onEndpointsReady;
  }
  watchServices(k8s.api, cilium);
  startHostDaemons(spec, machines, k8s.api);
  const cpJoin = spec.kubernetes.nodes.find((n) => n.name === spec.kubernetes.controlPlane)?.joinedUs ?? startUs;
  const createAt = (at: number, objs: () => readonly GenericObject[]) => scheduler.at(at, () => objs().forEach((o) => k8s.api.create(o)));
  const system = rng.fork('system');
  createAt(cpJoin, () => {
    const cp = spec.kubernetes.controlPlane;
    const node = cp === undefined ? undefined : k8s.api.tryGet('Node', undefined, cp);
    // The kubelet read its manifests a moment before it registered the node (config.seen, to the nanosecond).
    const seenAt = rfc3339NanoLocal(spec, cpJoin - system.int(100_000, 999_999), system.int(0, 999));
    return [...(node ? controlPlaneMirrorPods(spec, node, seenAt) : []), ...kubeadmObjects(spec)];
  });
  createAt(spec.cilium.installedUs, () => ciliumObjects(spec, values, system.fork('cilium')));
  for (const addon of addonInstalls(spec)) createAt(addon.atUs, () => addon.objects);
  scheduler.runUntil(0);
  const lab = new Lab({ spec, seed, ctx, machines, segments, k8s, cilium, agents });
  if (spec.workloads.length > 0) {
    lab.apply(spec.workloads as unknown as GenericObject[]);
    lab.runFor(30_000_000);
  }
  return lab;
}
