// Layer k8s: defaulting for the non-Pod kinds (pkg/apis/apps/v1/defaults.go, pkg/apis/core/v1/defaults.go
// SetDefaults_Service/Namespace/Secret, discovery v1 defaults), dispatched by kind. Runs on create and
// update, before validation, like the apiserver's decoder defaulting. Defaulting is idempotent and writes
// nothing into an already-defaulted subtree: status writes share the stored (frozen) spec.

import type { DaemonSet, Deployment, ReplicaSet } from '../objects/apps.js';
import type { Namespace, Secret, Service } from '../objects/core.js';
import type { EndpointSlice } from '../objects/discovery.js';
import type { GenericObject, KubeObject } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { defaultPodOnly, defaultPodSpec, defaultPodTemplate } from './pod-defaults.js';

function defaultDeployment(d: Deployment): void {
  d.spec.replicas ??= 1;
  d.spec.strategy ??= {};
  d.spec.strategy.type ??= 'RollingUpdate';
  if (d.spec.strategy.type === 'RollingUpdate') {
    d.spec.strategy.rollingUpdate ??= {};
    d.spec.strategy.rollingUpdate.maxUnavailable ??= '25%';
    d.spec.strategy.rollingUpdate.maxSurge ??= '25%';
  }
  d.spec.revisionHistoryLimit ??= 10;
  d.spec.progressDeadlineSeconds ??= 600;
  if (d.spec.template) defaultPodTemplate(d.spec.template);
}

function defaultDaemonSet(ds: DaemonSet): void {
  ds.spec.updateStrategy ??= {};
  ds.spec.updateStrategy.type ??= 'RollingUpdate';
  if (ds.spec.updateStrategy.type === 'RollingUpdate') {
    ds.spec.updateStrategy.rollingUpdate ??= {};
    ds.spec.updateStrategy.rollingUpdate.maxUnavailable ??= 1;
    ds.spec.updateStrategy.rollingUpdate.maxSurge ??= 0;
  }
  ds.spec.revisionHistoryLimit ??= 10;
  if (ds.spec.template) defaultPodTemplate(ds.spec.template);
}

function defaultReplicaSet(rs: ReplicaSet): void {
  rs.spec.replicas ??= 1;
  if (rs.spec.template) defaultPodTemplate(rs.spec.template);
}

/** SetDefaults_Service plus the registry's create-time defaults (IP families, traffic policies). */
function defaultService(svc: Service): void {
  const spec = svc.spec;
  spec.type ??= 'ClusterIP';
  spec.sessionAffinity ??= 'None';
  for (const p of spec.ports ?? []) {
    p.protocol ??= 'TCP';
    p.targetPort ??= p.port;
  }
  if (spec.type !== 'ExternalName') {
    spec.internalTrafficPolicy ??= 'Cluster';
    if (spec.clusterIP !== 'None' || spec.selector !== undefined) {
      spec.ipFamilies ??= ['IPv4'];
      spec.ipFamilyPolicy ??= 'SingleStack';
    }
  }
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  if (spec.clusterIP !== undefined && spec.clusterIPs === undefined && spec.clusterIP !== '') spec.clusterIPs = [spec.clusterIP];
  svc.status ??= { loadBalancer: {} };
}

function defaultNamespace(ns: Namespace): void {
  const name = ns.metadata.name ?? '';
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': name };
  ns.spec ??= {};
  ns.spec.finalizers ??= ['kubernetes'];
  ns.status ??= { phase: 'Active' };
}

/** base64 of a UTF-8 string, as Secret stringData is folded into data. */
function base64Utf8(s: string): string {
  const bytes = new TextEncoder().encode(s);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

function defaultSecret(s: Secret): void {
  s.type ??= 'Opaque';
  if (s.stringData) {
    s.data = { ...(s.data ?? {}) };
    for (const [k, v] of Object.entries(s.stringData)) s.data[k] = base64Utf8(v);
    delete s.stringData;
  }
}

/** SetDefaults_StorageClass (pkg/apis/storage/v1/defaults.go). */
function defaultStorageClass(sc: GenericObject): void {
  sc['reclaimPolicy'] ??= 'Delete';
  sc['volumeBindingMode'] ??= 'Immediate';
}

function defaultEndpointSlice(es: EndpointSlice): void {
  for (const p of es.ports ?? []) p.protocol ??= 'TCP';
}

/** Applies the apiserver's defaults for `obj`'s kind in place; a frozen (stored, hence defaulted) spec is skipped. */
export function applyDefaults(obj: KubeObject): void {
  const spec = (obj as { spec?: unknown }).spec;
  const hasSpec = spec !== undefined && !Object.isFrozen(spec);
  switch (obj.kind) {
    case 'Pod':
      if (hasSpec) {
        defaultPodSpec((obj as Pod).spec);
        defaultPodOnly((obj as Pod).spec);
      }
      return;
    case 'Deployment':
      if (hasSpec) defaultDeployment(obj as Deployment);
      return;
    case 'ReplicaSet':
      if (hasSpec) defaultReplicaSet(obj as ReplicaSet);
      return;
    case 'DaemonSet':
      if (hasSpec) defaultDaemonSet(obj as DaemonSet);
      return;
    case 'Service':
      if (hasSpec) defaultService(obj as Service);
      else (obj as Service).status ??= { loadBalancer: {} };
      return;
    case 'Namespace':
      defaultNamespace(obj as Namespace);
      return;
    case 'Secret':
      defaultSecret(obj as Secret);
      return;
    case 'EndpointSlice':
      defaultEndpointSlice(obj as EndpointSlice);
      return;
    case 'StorageClass':
      defaultStorageClass(obj as GenericObject);
      return;
    default:
      return;
  }
}
