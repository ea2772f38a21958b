// Layer tools (cilium): what cilium-cli's K8sStatusCollector (cilium-cli/status/k8s.go) gathers: the
// DaemonSet and Deployment status counts with their errors, pod phases and images per component (with
// the selectors and the order its tasks overwrite each other), pods managed by Cilium, each agent's
// `cilium status` and endpoint states, and the Helm chart version.

import type { Lab } from '../../lab/index.js';
import { lastRelease } from '../helm/release-store.js';
import { endpointRows } from './endpoint-list.js';

export interface PodStateCount {
  readonly type: 'DaemonSet' | 'Deployment';
  readonly desired: number;
  readonly ready: number;
  readonly available: number;
  readonly unavailable: number;
}

export interface ErrorCount {
  readonly errors: string[];
  readonly warnings: string[];
  disabled: boolean;
}

export interface CliStatus {
  readonly podState: Map<string, PodStateCount>;
  readonly phaseCount: Map<string, Map<string, number>>;
  readonly imageCount: Map<string, Map<string, number>>;
  readonly errors: Map<string, Map<string, ErrorCount>>;
  podsCount: { all: number; byCilium: number };
  helmChartVersion: string;
}

interface Workload {
  metadata: { generation?: number };
  status?: Record<string, number | undefined>;
}

const NS = 'kube-system';

function entry(s: CliStatus, deployment: string, pod: string): ErrorCount {
  let m = s.errors.get(deployment);
  if (!m) s.errors.set(deployment, (m = new Map()));
  let e = m.get(pod);
  if (!e) m.set(pod, (e = { errors: [], warnings: [], disabled: false }));
  return e;
}

/** daemonSetStatus / deploymentStatus; undefined when the object does not exist (the component is disabled). */
function workloadStatus(lab: Lab, s: CliStatus, kind: 'DaemonSet' | 'Deployment', name: string): boolean {
  const o = lab.k8s.api.tryGet(kind, NS, name) as Workload | undefined;
  if (!o) return false;
  const st = o.status ?? {};
  const n = (k: string) => st[k] ?? 0;
  const isDs = kind === 'DaemonSet';
  const c: PodStateCount = isDs
    ? { type: kind, desired: n('desiredNumberScheduled'), ready: n('numberReady'), available: n('numberAvailable'), unavailable: n('numberUnavailable') }
    : { type: kind, desired: n('replicas'), ready: n('readyReplicas'), available: n('availableReplicas'), unavailable: n('unavailableReplicas') };
  s.podState.set(name, c);
  const e = entry(s, name, name);
  const notReady = c.desired - c.ready;
  if (notReady > 0) e.errors.push(`${notReady} pods of ${kind} ${name} are not ready`);
  if (c.unavailable - notReady > 0) e.warnings.push(`${c.unavailable - notReady} pods of ${kind} ${name} are not available`);
  const what = isDs ? 'daemonset' : 'deployment';
  if ((o.metadata.generation ?? 0) !== n('observedGeneration')) e.errors.push(`${what} ${name} is updated but rollout has not started`);
  const updated = n(isDs ? 'updatedNumberScheduled' : 'updatedReplicas');
  if (updated < (isDs ? c.desired : n('replicas'))) e.errors.push(`${what} ${name} is rolling out - ${updated} out of ${c.desired} pods updated`);
  return true;
}

/** podStatus: phases and container images of the pods a selector matches. */
function podStatus(lab: Lab, s: CliStatus, name: string, selector: string): void {
  const phases = new Map<string, number>();
  const images = new Map<string, number>();
  for (const pod of lab.k8s.api.list('Pod', { namespace: NS, labelSelector: selector })) {
    const phase = pod.status?.phase ?? 'Pending';
    phases.set(phase, (phases.get(phase) ?? 0) + 1);
    if (phase === 'Pending') entry(s, name, pod.metadata.name ?? '').warnings.push('pod is pending');
    if (phase === 'Failed') entry(s, name, pod.metadata.name ?? '').errors.push(`pod has failed: ${pod.status?.reason ?? ''} - ${pod.status?.message ?? ''}`);
    for (const c of pod.spec.containers) images.set(c.image ?? '', (images.get(c.image ?? '') ?? 0) + 1);
  }
  s.phaseCount.set(name, phases);
  s.imageCount.set(name, images);
}

/** The agents' own status as `cilium status -o json` and `cilium endpoint list -o json` report it. */
function agentStatuses(lab: Lab, s: CliStatus): void {
  for (const pod of lab.k8s.api.list('Pod', { namespace: NS, labelSelector: 'k8s-app=cilium' })) {
    if (pod.status?.phase !== 'Running') continue;
    const name = pod.metadata.name ?? '';
    const agent = lab.agents.get(pod.spec.nodeName ?? '');
    if (!agent || agent.phase !== 'running') {
      const stderr = 'Get "http://localhost/v1/healthz": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\nIs the agent running?\n';
      entry(s, 'cilium', name).errors.push(`unable to retrieve cilium status: command failed (pod=${NS}/${name}, container=cilium-agent): command terminated with exit code 1: ${JSON.stringify(stderr)}`);
      continue;
    }
    const notReady = endpointRows(lab, agent).filter((e) => e.state !== 'ready').length;
    if (notReady > 0) entry(s, 'cilium', name).warnings.push(`${notReady} endpoints are not ready`);
  }
}

export function collectStatus(lab: Lab): CliStatus {
  const s: CliStatus = { podState: new Map(), phaseCount: new Map(), imageCount: new Map(), errors: new Map(), podsCount: { all: 0, byCilium: 0 }, helmChartVersion: '' };
  // The main goroutine's podStatus calls come first; the worker pool's tasks then overwrite some.
  podStatus(lab, s, 'cilium', 'k8s-app=cilium');
  podStatus(lab, s, 'cilium-operator', 'io.cilium/app=operator');
  podStatus(lab, s, 'hubble-relay', 'app.kubernetes.io/name=hubble-relay');
  podStatus(lab, s, 'clustermesh-apiserver', 'k8s-app=clustermesh-apiserver');
  workloadStatus(lab, s, 'DaemonSet', 'cilium');
  if (workloadStatus(lab, s, 'DaemonSet', 'cilium-envoy')) podStatus(lab, s, 'cilium-envoy', 'name=cilium-envoy');
  else entry(s, 'cilium-envoy', 'cilium-envoy').disabled = true;
  entry(s, 'cilium-operator', 'cilium-operator').disabled = !workloadStatus(lab, s, 'Deployment', 'cilium-operator');
  podStatus(lab, s, 'cilium-operator', 'name=cilium-operator');
  for (const [name, selector] of [['hubble-relay', 'k8s-app=hubble-relay'], ['hubble-ui', 'k8s-app=hubble-ui'], ['clustermesh-apiserver', 'k8s-app=clustermesh-apiserver']] as const) {
    const exists = workloadStatus(lab, s, 'Deployment', name);
    entry(s, name, name).disabled = !exists;
    if (exists) podStatus(lab, s, name, selector);
  }
  const pods = lab.k8s.api.list('Pod', {});
  s.podsCount = {
    all: pods.filter((p) => !p.spec.hostNetwork && (p.status?.phase === 'Running' || p.status?.phase === 'Pending')).length,
    byCilium: lab.k8s.api.list('CiliumEndpoint', {}).length,
  };
  agentStatuses(lab, s);
  s.helmChartVersion = lastRelease(lab, NS, 'cilium')?.chartVersion ?? '';
  return s;
}

/** statusIsReady: no errors, and no warnings unless they are ignored. */
export function isReady(s: CliStatus, opts: { readonly ignoreWarnings: boolean }): boolean {
  for (const pods of s.errors.values()) {
    for (const e of pods.values()) if (e.errors.length > 0 || (!opts.ignoreWarnings && e.warnings.length > 0)) return false;
  }
  return true;
}
