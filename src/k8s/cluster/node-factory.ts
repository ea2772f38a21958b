// Layer k8s: Node objects as a kubeadm-joined kubelet registers them (pkg/kubelet/kubelet_node_status.go
// initialNode + setters): well-known labels, control-plane role label, addresses, capacity and
// allocatable, the pressure and Ready conditions, nodeInfo; podCIDR from kube-controller-manager.

import type { Rng } from '../../sim/rng.js';
import type { Node, Taint } from '../objects/core.js';
import type { Condition } from '../objects/meta.js';
import { uuidV4 } from '../../sim/uuid.js';

export interface NodeConfig {
  readonly name: string;
  readonly internalIP: string;
  /** "control-plane" adds node-role.kubernetes.io/control-plane="" (kubectl ROLES). */
  readonly roles?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  readonly taints?: readonly Taint[];
  /** Virtual time the node joined; negative when it joined before the lab's t=0. */
  readonly joinedAtUs?: number;
  readonly osImage?: string;
  readonly kernelVersion?: string;
  readonly containerRuntimeVersion?: string;
  readonly cpus?: number;
  readonly memoryMb?: number;
}

function conditions(time: string): Condition[] {
  const c = (type: string, status: 'True' | 'False', reason: string, message: string): Condition => ({
    type, status, lastHeartbeatTime: time, lastTransitionTime: time, reason, message,
  });
  return [
    c('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
    c('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
    c('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
    c('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
  ];
}

function resources(cfg: NodeConfig): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const memKi = (cfg.memoryMb ?? 2048) * 1024 - 96_256;
  const diskKi = 31_270_768;
  const base = { cpu: String(cfg.cpus ?? 2), 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', pods: '110' };
  return {
    capacity: { ...base, 'ephemeral-storage': `${diskKi}Ki`, memory: `${memKi}Ki` },
    allocatable: { ...base, 'ephemeral-storage': String(Math.floor(diskKi * 1024 * 0.9)), memory: `${memKi - 102_400}Ki` },
  };
}

/** The Node object the kubelet registers, with spec.podCIDR(s) already allocated. */
export function buildNode(cfg: NodeConfig, version: string, podCidr: string | undefined, rng: Rng, time: string): Node {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': cfg.name,
    'kubernetes.io/os': 'linux',
  };
  for (const r of cfg.roles ?? []) labels[`node-role.kubernetes.io/${r}`] = '';
  if ((cfg.roles ?? []).includes('control-plane')) labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  Object.assign(labels, cfg.labels ?? {});
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: cfg.name,
      labels,
      annotations: { 'node.alpha.kubernetes.io/ttl': '0', 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec: {},
    status: {
      addresses: [{ address: cfg.internalIP, type: 'InternalIP' }, { address: cfg.name, type: 'Hostname' }],
      ...resources(cfg),
      conditions: conditions(time),
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: uuidV4(rng),
        containerRuntimeVersion: cfg.containerRuntimeVersion ?? 'containerd://1.7.27',
        kernelVersion: cfg.kernelVersion ?? '6.8.0-53-generic',
        kubeProxyVersion: '',
        kubeletVersion: version,
        machineID: rng.hex(32),
        operatingSystem: 'linux',
        osImage: cfg.osImage ?? 'Ubuntu 24.04.2 LTS',
        systemUUID: uuidV4(rng),
      },
    },
  };
  if (podCidr !== undefined) node.spec = { podCIDR: podCidr, podCIDRs: [podCidr] };
  if (cfg.taints && cfg.taints.length > 0) node.spec.taints = cfg.taints.map((t) => ({ ...t }));
  return node;
}
