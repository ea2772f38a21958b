// Layer k8s: decoder schemas for the built-in kinds besides Pod (core/v1, apps/v1, discovery/v1,
// coordination/v1, storage/v1), keyed by "<apiVersion>/<kind>". Kinds without an entry (CRDs without a
// structural schema here) are stored as given, like x-kubernetes-preserve-unknown-fields.

import { labelSelector, topLevel } from './meta-schema.js';
import { podSchema, podTemplateSpec } from './pod-schema.js';
import {
  anyValue, bool, bytes, i32, intstr, listOf, mapOf, str, strList, strMap, struct, type FieldType,
} from './schema-types.js';

const servicePort = struct('v1.ServicePort', () => ({
  name: str, protocol: str, appProtocol: str, port: i32, targetPort: intstr, nodePort: i32,
}));

const serviceSpec = struct('v1.ServiceSpec', () => ({
  ports: listOf(servicePort), selector: strMap, clusterIP: str, clusterIPs: strList, type: str, externalIPs: strList,
  sessionAffinity: str, loadBalancerIP: str, loadBalancerSourceRanges: strList, externalName: str,
  externalTrafficPolicy: str, healthCheckNodePort: i32, publishNotReadyAddresses: bool, sessionAffinityConfig: anyValue,
  ipFamilies: strList, ipFamilyPolicy: str, allocateLoadBalancerNodePorts: bool, loadBalancerClass: str,
  internalTrafficPolicy: str, trafficDistribution: str,
}));

const rollingUpdateDeployment = struct('v1.RollingUpdateDeployment', () => ({ maxUnavailable: intstr, maxSurge: intstr }));
const deploymentSpec = struct('v1.DeploymentSpec', () => ({
  replicas: i32, selector: labelSelector, template: podTemplateSpec,
  strategy: struct('v1.DeploymentStrategy', () => ({ type: str, rollingUpdate: rollingUpdateDeployment })),
  minReadySeconds: i32, revisionHistoryLimit: i32, paused: bool, rollbackTo: anyValue, progressDeadlineSeconds: i32,
}));

const replicaSetSpec = struct('v1.ReplicaSetSpec', () => ({
  replicas: i32, minReadySeconds: i32, selector: labelSelector, template: podTemplateSpec,
}));

const rollingUpdateDaemonSet = struct('v1.RollingUpdateDaemonSet', () => ({ maxUnavailable: intstr, maxSurge: intstr }));
const daemonSetSpec = struct('v1.DaemonSetSpec', () => ({
  selector: labelSelector, template: podTemplateSpec,
  updateStrategy: struct('v1.DaemonSetUpdateStrategy', () => ({ type: str, rollingUpdate: rollingUpdateDaemonSet })),
  minReadySeconds: i32, revisionHistoryLimit: i32,
}));

const taint = struct('v1.Taint', () => ({ key: str, value: str, effect: str, timeAdded: anyValue }));
const nodeSpec = struct('v1.NodeSpec', () => ({
  podCIDR: str, podCIDRs: strList, providerID: str, unschedulable: bool, taints: listOf(taint), configSource: anyValue, externalID: str,
}));

export const KIND_SCHEMAS: Readonly<Record<string, FieldType>> = {
  'v1/Pod': podSchema,
  'v1/Service': topLevel('v1.Service', () => ({ spec: serviceSpec, status: anyValue })),
  'v1/ConfigMap': topLevel('v1.ConfigMap', () => ({ immutable: bool, data: strMap, binaryData: mapOf(bytes) })),
  'v1/Secret': topLevel('v1.Secret', () => ({ immutable: bool, data: mapOf(bytes), stringData: strMap, type: str })),
  'v1/Namespace': topLevel('v1.Namespace', () => ({
    spec: struct('v1.NamespaceSpec', () => ({ finalizers: strList })),
    status: anyValue,
  })),
  'v1/Node': topLevel('v1.Node', () => ({ spec: nodeSpec, status: anyValue })),
  'v1/Endpoints': topLevel('v1.Endpoints', () => ({ subsets: listOf(anyValue) })),
  'v1/ServiceAccount': topLevel('v1.ServiceAccount', () => ({
    secrets: listOf(anyValue), imagePullSecrets: listOf(anyValue), automountServiceAccountToken: bool,
  })),
  'v1/Event': topLevel('v1.Event', () => ({
    involvedObject: anyValue, reason: str, message: str, source: anyValue, firstTimestamp: anyValue, lastTimestamp: anyValue,
    count: i32, type: str, eventTime: anyValue, series: anyValue, action: str, related: anyValue,
    reportingComponent: str, reportingInstance: str,
  })),
  'apps/v1/Deployment': topLevel('v1.Deployment', () => ({ spec: deploymentSpec, status: anyValue })),
  'apps/v1/ReplicaSet': topLevel('v1.ReplicaSet', () => ({ spec: replicaSetSpec, status: anyValue })),
  'apps/v1/DaemonSet': topLevel('v1.DaemonSet', () => ({ spec: daemonSetSpec, status: anyValue })),
  'apps/v1/ControllerRevision': topLevel('v1.ControllerRevision', () => ({ data: anyValue, revision: { t: 'int64' } })),
  'discovery.k8s.io/v1/EndpointSlice': topLevel('v1.EndpointSlice', () => ({
    addressType: str, endpoints: listOf(anyValue), ports: listOf(anyValue),
  })),
  'storage.k8s.io/v1/StorageClass': topLevel('v1.StorageClass', () => ({
    provisioner: str, parameters: strMap, reclaimPolicy: str, mountOptions: strList, allowVolumeExpansion: bool,
    volumeBindingMode: str, allowedTopologies: listOf(anyValue),
  })),
  'coordination.k8s.io/v1/Lease': topLevel('v1.Lease', () => ({
    spec: struct('v1.LeaseSpec', () => ({
      holderIdentity: str, leaseDurationSeconds: i32, acquireTime: anyValue, renewTime: anyValue, leaseTransitions: i32,
      strategy: str, preferredHolder: str,
    })),
  })),
};

export function schemaForKind(apiVersion: string, kind: string): FieldType | undefined {
  return KIND_SCHEMAS[`${apiVersion}/${kind}`];
}
