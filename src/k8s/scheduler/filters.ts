// Layer k8s: the kube-scheduler filter plugins this lab needs, in the default profile's order
// (pkg/scheduler/framework/plugins: NodeUnschedulable, TaintToleration, NodeAffinity, NodePorts,
// NodeResourcesFit (pod count), InterPodAffinity), each returning the plugin's reason text and
// whether preemption could help (Unschedulable) or not (UnschedulableAndUnresolvable).

import type { Node } from '../objects/core.js';
import type { Pod, PodAffinityTerm } from '../objects/pod.js';
import { fromLabelSelector, matches } from '../selectors/label-selector.js';
import { matchesNodeSelectorAndAffinity, tolerates, untoleratedTaint } from './node-matching.js';

export interface FilterFailure {
  readonly reason: string;
  /** UnschedulableAndUnresolvable: preemption cannot help. */
  readonly unresolvable: boolean;
}

/** Pods already assigned to nodes (terminating ones still hold their ports and affinity). */
export interface ClusterView {
  readonly nodes: readonly Node[];
  readonly assigned: readonly Pod[];
}

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' as const };

function nodeUnschedulable(pod: Pod, node: Node): FilterFailure | undefined {
  if (!node.spec.unschedulable) return undefined;
  if ((pod.spec.tolerations ?? []).some((t) => tolerates(t, UNSCHEDULABLE_TAINT))) return undefined;
  return { reason: 'node(s) were unschedulable', unresolvable: true };
}

function taintToleration(pod: Pod, node: Node): FilterFailure | undefined {
  const t = untoleratedTaint(node, pod.spec.tolerations, ['NoSchedule', 'NoExecute']);
  return t === undefined ? undefined : { reason: `node(s) had untolerated taint {${t.key}: ${t.value ?? ''}}`, unresolvable: true };
}

function nodeAffinity(pod: Pod, node: Node): FilterFailure | undefined {
  return matchesNodeSelectorAndAffinity(pod, node) ? undefined : { reason: "node(s) didn't match Pod's node affinity/selector", unresolvable: true };
}

function hostPorts(p: Pod): string[] {
  return p.spec.containers.flatMap((c) => (c.ports ?? []).filter((x) => x.hostPort).map((x) => `${x.protocol ?? 'TCP'}/${x.hostIP ?? '0.0.0.0'}/${x.hostPort ?? 0}`));
}

function nodePorts(pod: Pod, node: Node, view: ClusterView): FilterFailure | undefined {
  const want = hostPorts(pod);
  if (want.length === 0) return undefined;
  const used = new Set(view.assigned.filter((p) => p.spec.nodeName === node.metadata.name).flatMap(hostPorts));
  return want.some((w) => used.has(w)) ? { reason: "node(s) didn't have free ports for the requested pod ports", unresolvable: false } : undefined;
}

function podCount(node: Node, view: ClusterView): FilterFailure | undefined {
  const max = Number(node.status?.allocatable?.['pods'] ?? '110');
  const n = view.assigned.filter((p) => p.spec.nodeName === node.metadata.name).length;
  return n >= max ? { reason: 'Too many pods', unresolvable: false } : undefined;
}

function termMatches(term: PodAffinityTerm, owner: Pod, other: Pod): boolean {
  const namespaces = term.namespaces && term.namespaces.length > 0 ? term.namespaces : [owner.metadata.namespace ?? 'default'];
  const nsOk = term.namespaceSelector !== undefined || namespaces.includes(other.metadata.namespace ?? 'default');
  return nsOk && matches(fromLabelSelector(term.labelSelector), other.metadata.labels);
}

function sameDomain(view: ClusterView, node: Node, nodeName: string | undefined, key: string): boolean {
  const value = node.metadata.labels?.[key];
  if (value === undefined) return false;
  const other = view.nodes.find((n) => n.metadata.name === nodeName);
  return other?.metadata.labels?.[key] === value;
}

/** InterPodAffinity (filtering.go Filter): the pod's affinity, its anti-affinity, then existing pods' anti-affinity. */
function interPodAffinity(pod: Pod, node: Node, view: ClusterView): FilterFailure | undefined {
  for (const term of pod.spec.affinity?.podAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? []) {
    const matching = view.assigned.filter((o) => termMatches(term, pod, o));
    const selfMatch = matching.length === 0 && termMatches(term, pod, pod);
    if (!selfMatch && !matching.some((o) => sameDomain(view, node, o.spec.nodeName, term.topologyKey)))
      return { reason: "node(s) didn't match pod affinity rules", unresolvable: true };
  }
  for (const term of pod.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
    if (view.assigned.some((o) => termMatches(term, pod, o) && sameDomain(view, node, o.spec.nodeName, term.topologyKey)))
      return { reason: "node(s) didn't match pod anti-affinity rules", unresolvable: false };
  for (const other of view.assigned)
    for (const term of other.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution ?? [])
      if (termMatches(term, other, pod) && sameDomain(view, node, other.spec.nodeName, term.topologyKey))
        return { reason: "node(s) didn't satisfy existing pods anti-affinity rules", unresolvable: false };
  return undefined;
}

/** Runs the filters in order; the first failure is the node's status (RunFilterPlugins). */
export function filterNode(pod: Pod, node: Node, view: ClusterView): FilterFailure | undefined {
  return (
    nodeUnschedulable(pod, node) ??
    taintToleration(pod, node) ??
    nodeAffinity(pod, node) ??
    nodePorts(pod, node, view) ??
    podCount(node, view) ??
    interPodAffinity(pod, node, view)
  );
}

/** FitError.Error(): `0/3 nodes are available: <histogram>. preemption: 0/3 nodes are available: <...>.` */
export function fitErrorMessage(pod: Pod, total: number, failures: readonly FilterFailure[]): string {
  if (total === 0) return 'no nodes available to schedule pods';
  const histogram = (items: readonly string[]): string => {
    const counts = new Map<string, number>();
    for (const r of items) counts.set(r, (counts.get(r) ?? 0) + 1);
    return [...counts].map(([r, n]) => `${n} ${r}`).sort().join(', ');
  };
  let msg = `0/${total} nodes are available: ${histogram(failures.map((f) => f.reason))}.`;
  if (pod.spec.preemptionPolicy === 'Never') return `${msg} preemption: not eligible due to preemptionPolicy=Never.`;
  const pre = failures.map((f) => (f.unresolvable ? 'Preemption is not helpful for scheduling' : 'No preemption victims found for incoming pod'));
  msg += ` preemption: 0/${total} nodes are available: ${histogram(pre)}.`;
  return msg;
}
