// Layer k8s: pod predicates the controllers share (pkg/api/v1/pod/util.go IsPodReady,
// IsPodAvailable; pkg/controller/controller_utils.go IsPodActive, FilterActivePods).

import type { Pod, PodTemplateSpec } from '../objects/pod.js';
import type { KubeObject, OwnerReference } from '../objects/meta.js';
import { parseTime } from '../objects/time.js';

export function isPodReady(pod: Pod): boolean {
  const conds = pod.status?.conditions;
  if (conds === undefined) return false;
  for (let i = 0; i < conds.length; i++) if (conds[i]?.type === 'Ready' && conds[i]?.status === 'True') return true;
  return false;
}

/** Wall-clock ms when the pod last became Ready, if it is Ready. */
export function podReadySinceMs(pod: Pod): number | undefined {
  const c = (pod.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime === undefined ? undefined : parseTime(c.lastTransitionTime);
}

/** Ready for at least minReadySeconds at wall time `nowMs`. */
export function isPodAvailable(pod: Pod, minReadySeconds: number, nowMs: number): boolean {
  if (!isPodReady(pod)) return false;
  if (minReadySeconds <= 0) return true;
  const since = podReadySinceMs(pod);
  return since !== undefined && since + minReadySeconds * 1000 <= nowMs;
}

/** Not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
  const phase = pod.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && pod.metadata.deletionTimestamp === undefined;
}

export function isControlledBy(o: KubeObject, owner: KubeObject): boolean {
  return (o.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid);
}

export function controllerRef(owner: KubeObject): OwnerReference {
  return {
    apiVersion: owner.apiVersion,
    kind: owner.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    controller: true,
    blockOwnerDeletion: true,
  };
}

/**
 * A pod from a template (controller.GetPodFromTemplate): labels, annotations, spec; a generated name.
 * The spec is the template's own (stored, frozen) object: the apiserver copies what it is sent.
 */
export function podFromTemplate(t: PodTemplateSpec, owner: KubeObject, generateName: string): Pod {
  const meta: Pod['metadata'] = { generateName, namespace: owner.metadata.namespace ?? 'default', ownerReferences: [controllerRef(owner)] };
  if (t.metadata?.labels) meta.labels = { ...t.metadata.labels };
  if (t.metadata?.annotations) meta.annotations = { ...t.metadata.annotations };
  return { apiVersion: 'v1', kind: 'Pod', metadata: meta, spec: t.spec };
}

/** Kubernetes' ActivePods ordering for scale-down: least useful first. */
export function scaleDownRank(a: Pod, b: Pod): number {
  const assigned = (p: Pod): number => (p.spec.nodeName ? 1 : 0);
  const phase = (p: Pod): number => ({ Pending: 0, Unknown: 1, Running: 2 } as Record<string, number>)[p.status?.phase ?? 'Pending'] ?? 0;
  const ready = (p: Pod): number => (isPodReady(p) ? 1 : 0);
  const restarts = (p: Pod): number => (p.status?.containerStatuses ?? []).reduce((n, c) => n + c.restartCount, 0);
  return (
    assigned(a) - assigned(b) ||
    phase(a) - phase(b) ||
    ready(a) - ready(b) ||
    restarts(b) - restarts(a) ||
    // newer pods go first
    (b.metadata.creationTimestamp ?? '').localeCompare(a.metadata.creationTimestamp ?? '') ||
    (b.metadata.name ?? '').localeCompare(a.metadata.name ?? '')
  );
}
