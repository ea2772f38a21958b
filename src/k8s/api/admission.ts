// Layer k8s: the admission chain a kubeadm apiserver runs before storage (NamespaceLifecycle, then
// for pods ServiceAccount, DefaultTolerationSeconds and Priority; pod status from PrepareForCreate).

import type { Rng } from '../../sim/rng.js';
import { forbidden, notFound } from '../errors.js';
import type { KubeObject } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { groupResourceOf, type ResourceType } from '../resource-registry.js';
import { admitDefaultTolerations, admitPriority, admitServiceAccount, isMirrorPod, podQosClass } from './pod-admission.js';

/** v1.NamespaceTerminatingCause, the cause NamespaceLifecycle attaches to its Forbidden error. */
export const NAMESPACE_TERMINATING_CAUSE = 'NamespaceTerminating';

export interface AdmissionDeps {
  lookup(kind: string, namespace: string | undefined, name: string): KubeObject | undefined;
  readonly rngSa: Rng;
}

/** Mutates `obj` as the admission plugins would; throws their errors. */
export function admit(rt: ResourceType, obj: KubeObject, deps: AdmissionDeps): void {
  const ns = obj.metadata.namespace;
  // admission.NewForbidden: names are not generated yet, so errors show the generateName prefix.
  const shown = obj.metadata.name || obj.metadata.generateName || 'Unknown';
  if (rt.namespaced && ns !== undefined) {
    const nsObj = deps.lookup('Namespace', undefined, ns);
    if (!nsObj) throw notFound('namespaces', ns);
    if (nsObj.metadata.deletionTimestamp && rt.kind !== 'Event') {
      const err = forbidden(groupResourceOf(rt), shown, `unable to create new content in namespace ${ns} because it is being terminated`);
      if (err.details) err.details.causes = [{ reason: NAMESPACE_TERMINATING_CAUSE, message: `namespace ${ns} is being terminated`, field: 'metadata.namespace' }];
      throw err;
    }
  }
  if (rt.kind !== 'Pod') return;
  const pod = obj as Pod;
  if (!pod.spec) return;
  if (!isMirrorPod(pod)) {
    const sa = pod.spec.serviceAccountName || 'default';
    const saObj = deps.lookup('ServiceAccount', ns, sa);
    if (!saObj) throw forbidden('pods', shown, `error looking up service account ${ns ?? ''}/${sa}: serviceaccount ${JSON.stringify(sa)} not found`);
    admitServiceAccount(pod, deps.rngSa, (saObj as { automountServiceAccountToken?: boolean }).automountServiceAccountToken !== false);
  }
  admitDefaultTolerations(pod.spec);
  admitPriority(pod.spec);
  pod.status = { phase: 'Pending', qosClass: podQosClass(pod.spec) };
}
