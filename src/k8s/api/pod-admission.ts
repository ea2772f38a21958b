// Layer k8s: the mutating admission plugins a kubeadm apiserver runs on pods
// (plugin/pkg/admission/serviceaccount, defaulttolerationseconds, priority), and the Pod strategy's
// PrepareForCreate status (phase Pending, qosClass). Mirror (static) pods skip service accounts.

import type { Rng } from '../../sim/rng.js';
import type { Container, Pod, PodSpec, Toleration } from '../objects/pod.js';
import { randomSuffix } from './identifiers.js';

export const SA_MOUNT_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';
export const MIRROR_ANNOTATION = 'kubernetes.io/config.mirror';

const PRIORITY_CLASSES: Readonly<Record<string, number>> = {
  'system-node-critical': 2000001000,
  'system-cluster-critical': 2000000000,
};

/** GetPodQOS: BestEffort without requests/limits, Guaranteed when limits equal requests for cpu and memory. */
export function podQosClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const all = [...(spec.initContainers ?? []), ...spec.containers];
  const any = all.some((c) => Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0);
  if (!any) return 'BestEffort';
  const guaranteed = all.every((c) =>
    ['cpu', 'memory'].every((r) => {
      const lim = c.resources?.limits?.[r];
      const req = c.resources?.requests?.[r] ?? lim;
      return lim !== undefined && req === lim;
    }),
  );
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

/** The projected token volume the ServiceAccount admission plugin adds. */
function kubeApiAccessVolume(name: string): { name: string; projected: Record<string, unknown> } {
  return {
    name,
    projected: {
      defaultMode: 420,
      sources: [
        { serviceAccountToken: { expirationSeconds: 3607, path: 'token' } },
        { configMap: { items: [{ key: 'ca.crt', path: 'ca.crt' }], name: 'kube-root-ca.crt' } },
        { downwardAPI: { items: [{ fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' }, path: 'namespace' }] } },
      ],
    },
  };
}

/** ServiceAccount admission: default SA name, token volume and mounts. */
export function admitServiceAccount(pod: Pod, rng: Rng, automountDefault: boolean): void {
  const spec = pod.spec;
  spec.serviceAccountName ||= 'default';
  spec.serviceAccount = spec.serviceAccountName;
  if (spec.automountServiceAccountToken === false || (!automountDefault && spec.automountServiceAccountToken !== true)) return;
  const all = [...(spec.initContainers ?? []), ...spec.containers];
  if (all.some((c) => (c.volumeMounts ?? []).some((m) => m.mountPath === SA_MOUNT_PATH))) return;
  const volName = `kube-api-access-${randomSuffix(rng, 5)}`;
  spec.volumes = [...(spec.volumes ?? []), kubeApiAccessVolume(volName)];
  // New container objects, not edits: the containers may be shared with a stored template.
  const mount = (c: Container): Container => ({ ...c, volumeMounts: [...(c.volumeMounts ?? []), { mountPath: SA_MOUNT_PATH, name: volName, readOnly: true }] });
  if (spec.initContainers !== undefined) spec.initContainers = spec.initContainers.map(mount);
  spec.containers = spec.containers.map(mount);
}

/** DefaultTolerationSeconds admission: tolerate not-ready/unreachable for 300 s unless already tolerated. */
export function admitDefaultTolerations(spec: PodSpec): void {
  const tols: Toleration[] = spec.tolerations ?? [];
  const covered = (key: string): boolean =>
    tols.some((t) => (t.key === key || (t.key === undefined && t.operator === 'Exists')) && (t.effect === undefined || t.effect === 'NoExecute'));
  const add: Toleration[] = [];
  for (const key of ['node.kubernetes.io/not-ready', 'node.kubernetes.io/unreachable'])
    if (!covered(key)) add.push({ effect: 'NoExecute', key, operator: 'Exists', tolerationSeconds: 300 });
  if (add.length > 0) spec.tolerations = [...tols, ...add];
}

/** Priority admission: resolves priorityClassName (or the default 0) into priority and preemptionPolicy. */
export function admitPriority(spec: PodSpec): void {
  const cls = spec.priorityClassName;
  spec.priority = cls !== undefined ? (PRIORITY_CLASSES[cls] ?? 0) : 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

export function isMirrorPod(pod: Pod): boolean {
  return pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined;
}
