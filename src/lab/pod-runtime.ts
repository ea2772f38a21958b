// Layer lab: the container runtime of every node (containerd + cilium-cni) behind the kubelets' PodRuntime
// port: a pod sandbox is a network namespace on its machine wired by Cilium's CNI ADD; starting the
// cilium-agent container starts that node's agent with the current cilium-config ConfigMap; application
// containers start the emulated program their image names (see apps-launcher.ts).

import type { Container, Node, Pod, PodRuntime, SandboxResult, ContainerStartResult, ContainerStopResult, ApiServer } from '../k8s/index.js';
import { formatIpv4 } from '../addr/index.js';
import type { CiliumAgent } from '../cilium/agent.js';
import { cniAdd, cniDel } from '../cilium/cni.js';
import type { Machine } from '../net/machine.js';
import { CILIUM_CONFIG } from './system/cilium.js';
import type { AppsLauncher } from './apps-launcher.js';
import { publishEndpoint, unpublishEndpoint } from './cilium-sync.js';

export interface RuntimeHost {
  readonly machines: ReadonlyMap<string, Machine>;
  readonly agents: ReadonlyMap<string, CiliumAgent>;
  /** Set once the cluster exists (the runtime is built first, the kubelets need it). */
  api: ApiServer | undefined;
  /** Gives a node's agent its PodCIDR and router IP the first time it starts (the operator's IPAM). */
  allocateNode(agent: CiliumAgent): void;
  /** Starts and stops the programs containers run. */
  readonly apps: AppsLauncher;
}

/** How long cilium-agent runs before a fatal configuration error ends it (flag parsing, then initEnv). */
const FATAL_EXIT_US = 300_000;

export function podKey(pod: Pod): string {
  return `${pod.metadata.namespace ?? 'default'}/${pod.metadata.name ?? ''}`;
}

export class LabPodRuntime implements PodRuntime {
  /** containerId by pod uid. */
  private readonly sandboxes = new Map<string, string>();

  constructor(private readonly host: RuntimeHost) {}

  createSandbox(pod: Pod, node: Node): SandboxResult {
    const nodeName = node.metadata.name ?? '';
    const machine = this.host.machines.get(nodeName);
    const agent = this.host.agents.get(nodeName);
    if (!machine || !agent) return { error: `plugin type="cilium-cni" failed (add): no Cilium agent on node ${nodeName}` };
    const key = podKey(pod);
    const netns = machine.createNetns(key);
    const containerId = agent.rng.fork(`sandbox/${pod.metadata.uid ?? key}`).hex(64);
    const r = cniAdd(agent, {
      containerId,
      namespace: pod.metadata.namespace ?? 'default',
      podName: pod.metadata.name ?? '',
      labels: pod.metadata.labels ?? {},
      serviceAccount: pod.spec.serviceAccountName ?? 'default',
      netns,
    });
    if (!r.ok) {
      machine.deleteNetns(key);
      return { error: `rpc error: code = Unknown desc = failed to setup network for sandbox "${containerId}": plugin type="cilium-cni" failed (add): ${r.error}` };
    }
    this.sandboxes.set(pod.metadata.uid ?? key, containerId);
    if (this.host.api) publishEndpoint(this.host.api, agent, r.endpoint, pod.metadata.uid ?? '');
    return { podIP: formatIpv4(r.ip) };
  }

  killSandbox(pod: Pod, node: Node): void {
    const nodeName = node.metadata.name ?? '';
    const id = this.sandboxes.get(pod.metadata.uid ?? podKey(pod));
    const agent = this.host.agents.get(nodeName);
    if (id !== undefined && agent) cniDel(agent, id);
    if (this.host.api) unpublishEndpoint(this.host.api, pod.metadata.namespace ?? 'default', pod.metadata.name ?? '');
    this.sandboxes.delete(pod.metadata.uid ?? podKey(pod));
    this.host.machines.get(nodeName)?.deleteNetns(podKey(pod));
  }

  startContainer(pod: Pod, c: Container, node: Node): ContainerStartResult {
    const agent = this.host.agents.get(node.metadata.name ?? '');
    if (c.name === 'cilium-agent' && agent) {
      this.host.allocateNode(agent);
      agent.start(this.ciliumConfig());
      // A configuration the agent refuses: the process starts, logs the fatal error and exits 1 (CrashLoopBackOff).
      if (agent.phase === 'crashed') return { ok: true, exitAfterUs: FATAL_EXIT_US, exitCode: 1 };
      return { ok: true, readyAfterUs: agent.timings.initUs + agent.timings.syncUs };
    }
    const netns = this.host.machines.get(node.metadata.name ?? '')?.namespaces.get(podKey(pod));
    if (netns) this.host.apps.start(pod, c, netns);
    return { ok: true };
  }

  stopContainer(pod: Pod, c: Container, node: Node): ContainerStopResult {
    if (c.name === 'cilium-agent') this.host.agents.get(node.metadata.name ?? '')?.stop();
    this.host.apps.stop(pod, c);
    return { exitAfterUs: 100_000, exitCode: 0 };
  }

  private ciliumConfig(): Record<string, string> {
    const cm = this.host.api?.tryGet('ConfigMap', 'kube-system', CILIUM_CONFIG) as { data?: Record<string, string> } | undefined;
    return cm?.data ?? {};
  }
}
