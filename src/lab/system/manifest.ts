// Layer lab (system): small builders for the objects the lab's installers create: the ownership metadata
// `helm install` stamps on every object of a release (label app.kubernetes.io/managed-by=Helm, annotations
// meta.helm.sh/release-name/-namespace), the last-applied-configuration annotation `kubectl apply` leaves
// (the manifest as applied, keys sorted as Go's json.Marshal of an unstructured map writes them), and
// ServiceAccount/ConfigMap/Namespace shells, and the order Helm creates a release's kinds in.

import { canonicalJson, type GenericObject } from '../../k8s/index.js';

export interface ReleaseRef {
  readonly name: string;
  readonly namespace: string;
}

/** The object with Helm's release ownership metadata (helm pkg/action setMetadataVisitor). */
export function helmOwned(obj: GenericObject, rel: ReleaseRef): GenericObject {
  const m = obj.metadata;
  return {
    ...obj,
    metadata: {
      ...m,
      labels: { ...(m.labels ?? {}), 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: { ...(m.annotations ?? {}), 'meta.helm.sh/release-name': rel.name, 'meta.helm.sh/release-namespace': rel.namespace },
    },
  };
}

/** Helm's InstallOrder (kind_sorter.go): the kinds a release creates first, in this order. */
const INSTALL_ORDER = [
  'PriorityClass', 'Namespace', 'NetworkPolicy', 'ResourceQuota', 'LimitRange', 'PodSecurityPolicy', 'PodDisruptionBudget',
  'ServiceAccount', 'Secret', 'SecretList', 'ConfigMap', 'StorageClass', 'PersistentVolume', 'PersistentVolumeClaim',
  'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleList', 'ClusterRoleBinding', 'ClusterRoleBindingList', 'Role',
  'RoleList', 'RoleBinding', 'RoleBindingList', 'Service', 'DaemonSet', 'Pod', 'ReplicationController', 'ReplicaSet',
  'Deployment', 'HorizontalPodAutoscaler', 'StatefulSet', 'Job', 'CronJob', 'IngressClass', 'Ingress', 'APIService',
  'MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration',
];

/** A release's objects in the order `helm install` creates them (stable within a kind; unknown kinds last). */
export function helmInstallOrder(objs: readonly GenericObject[]): GenericObject[] {
  const rank = (o: GenericObject) => {
    const i = INSTALL_ORDER.indexOf(o.kind);
    return i < 0 ? INSTALL_ORDER.length : i;
  };
  return [...objs].sort((a, b) => rank(a) - rank(b));
}

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** The object as `kubectl apply -f` creates it: the applied manifest recorded in an annotation. */
export function kubectlApplied(obj: GenericObject): GenericObject {
  const m = obj.metadata;
  const applied = { ...obj, metadata: { ...m, annotations: { ...(m.annotations ?? {}) } } };
  return { ...obj, metadata: { ...m, annotations: { ...(m.annotations ?? {}), [LAST_APPLIED]: `${canonicalJson(applied)}\n` } } };
}

export function serviceAccount(name: string, namespace: string, extra: Record<string, unknown> = {}): GenericObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace }, ...extra };
}

export function configMap(name: string, namespace: string, data: Record<string, string>, labels?: Record<string, string>): GenericObject {
  return { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace, ...(labels ? { labels } : {}) }, data };
}

export function namespace(name: string): GenericObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** `fieldRef` env var (the API server defaults apiVersion v1). */
export function fieldEnv(name: string, fieldPath: string): Record<string, unknown> {
  return { name, valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } };
}

export function hostPathVolume(name: string, path: string, type?: string): Record<string, unknown> {
  return { name, hostPath: type === undefined ? { path } : { path, type } };
}
