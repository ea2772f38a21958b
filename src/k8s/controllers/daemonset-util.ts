// Layer k8s: helpers of the DaemonSet controller (pkg/controller/daemon/util/daemonset_util.go):
// the tolerations every daemon pod gets, the node affinity pinning it to its node, the
// controller-revision-hash, and NodeShouldRunDaemonPod (selector, affinity, taints).

import type { DaemonSet, IntOrString } from '../objects/apps.js';
import type { Node } from '../objects/core.js';
import type { Pod, PodTemplateSpec, Toleration } from '../objects/pod.js';
import { DS_TEMPLATE_GENERATION } from '../api/write-helpers.js';
import { matchesNodeSelectorAndAffinity, untoleratedTaint } from '../scheduler/node-matching.js';
import { podTemplateHash } from './deployment-util.js';
import { podFromTemplate } from './pod-util.js';

export const REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

/** Hash of the ControllerRevision data (controller_history.HashControllerRevision): the same FNV stand-in as ComputeHash. */
export function daemonSetHash(t: PodTemplateSpec, collisionCount?: number): string {
  return podTemplateHash(t, collisionCount);
}

/** AddOrUpdateDaemonPodTolerations. */
export function daemonTolerations(existing: readonly Toleration[] | undefined, hostNetwork: boolean): Toleration[] {
  const out = [...(existing ?? [])];
  const add = (key: string, effect: 'NoExecute' | 'NoSchedule'): void => {
    const t: Toleration = { key, operator: 'Exists', effect };
    if (!out.some((x) => x.key === key && x.operator === 'Exists' && x.effect === effect && x.tolerationSeconds === undefined)) out.push(t);
  };
  add('node.kubernetes.io/not-ready', 'NoExecute');
  add('node.kubernetes.io/unreachable', 'NoExecute');
  add('node.kubernetes.io/disk-pressure', 'NoSchedule');
  add('node.kubernetes.io/memory-pressure', 'NoSchedule');
  add('node.kubernetes.io/pid-pressure', 'NoSchedule');
  add('node.kubernetes.io/unschedulable', 'NoSchedule');
  if (hostNetwork) add('node.kubernetes.io/network-unavailable', 'NoSchedule');
  return out;
}

/** The pod the controller creates for `nodeName` (template + tolerations + matchFields affinity). */
export function daemonPod(ds: DaemonSet, nodeName: string, hash: string): Pod {
  const pod = podFromTemplate(ds.spec.template, ds, `${ds.metadata.name ?? ''}-`);
  pod.metadata.labels = {
    ...(pod.metadata.labels ?? {}),
    [REVISION_HASH_LABEL]: hash,
    [TEMPLATE_GENERATION_LABEL]: ds.metadata.annotations?.[DS_TEMPLATE_GENERATION] ?? '1',
  };
  const spec = pod.spec;
  pod.spec = {
    ...spec,
    tolerations: daemonTolerations(spec.tolerations, spec.hostNetwork === true),
    affinity: {
      ...(spec.affinity ?? {}),
      nodeAffinity: {
        ...(spec.affinity?.nodeAffinity ?? {}),
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }],
        },
      },
    },
  };
  return pod;
}

export interface ShouldRun {
  readonly shouldRun: boolean;
  readonly shouldContinue: boolean;
}

/** Answers by stored (frozen) pod spec and Node: every DaemonSet sync asks for every node. */
const shouldRunMemo = new WeakMap<object, WeakMap<Node, ShouldRun>>();

/** NodeShouldRunDaemonPod: (shouldRun, shouldContinueRunning). */
export function nodeShouldRun(ds: DaemonSet, node: Node): ShouldRun {
  const spec = ds.spec.template.spec;
  if (!Object.isFrozen(spec) || !Object.isFrozen(node)) return evaluateShouldRun(ds, node);
  let byNode = shouldRunMemo.get(spec);
  if (!byNode) {
    byNode = new WeakMap();
    shouldRunMemo.set(spec, byNode);
  }
  let r = byNode.get(node);
  if (!r) {
    r = evaluateShouldRun(ds, node);
    byNode.set(node, r);
  }
  return r;
}

function evaluateShouldRun(ds: DaemonSet, node: Node): ShouldRun {
  const probe: Pod = { apiVersion: 'v1', kind: 'Pod', metadata: {}, spec: ds.spec.template.spec };
  if (!matchesNodeSelectorAndAffinity(probe, node)) return { shouldRun: false, shouldContinue: false };
  const tols = daemonTolerations(ds.spec.template.spec.tolerations, ds.spec.template.spec.hostNetwork === true);
  if (untoleratedTaint(node, tols, ['NoExecute'])) return { shouldRun: false, shouldContinue: false };
  if (untoleratedTaint(node, tols, ['NoSchedule'])) return { shouldRun: false, shouldContinue: true };
  return { shouldRun: true, shouldContinue: true };
}

/** maxUnavailable scaled against the desired number of nodes, rounded up (at least 1 when non-zero). */
export function maxUnavailableOf(v: IntOrString | undefined, desired: number): number {
  if (v === undefined) return 1;
  if (typeof v === 'number') return v;
  return Math.ceil((Number(v.replace('%', '')) * desired) / 100);
}
