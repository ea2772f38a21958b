// Layer k8s: schemas of the core/v1 Pod types (k8s.io/api/core/v1/types.go, v1.33): PodSpec,
// Container and the scheduling types are modelled member by member; deep leaves that the lab never
// inspects (volume sources, security contexts, lifecycle handlers) accept any JSON.

import {
  anyValue, bool, i32, i64, intstr, listOf, mapOf, quantity, str, strList, strMap, struct, type FieldType,
} from './schema-types.js';
import { labelSelector, objectMeta, topLevel } from './meta-schema.js';

const containerPort = struct('v1.ContainerPort', () => ({ name: str, hostPort: i32, containerPort: i32, protocol: str, hostIP: str }));
const envVar = struct('v1.EnvVar', () => ({ name: str, value: str, valueFrom: anyValue }));
const volumeMount = struct('v1.VolumeMount', () => ({
  name: str, readOnly: bool, recursiveReadOnly: str, mountPath: str, subPath: str, mountPropagation: str, subPathExpr: str,
}));
const resources = struct('v1.ResourceRequirements', () => ({ limits: mapOf(quantity), requests: mapOf(quantity), claims: listOf(anyValue) }));
const httpGet = struct('v1.HTTPGetAction', () => ({ path: str, port: intstr, host: str, scheme: str, httpHeaders: listOf(anyValue) }));
const tcpSocket = struct('v1.TCPSocketAction', () => ({ port: intstr, host: str }));
const execAction = struct('v1.ExecAction', () => ({ command: strList }));
const probe = struct('v1.Probe', () => ({
  exec: execAction, httpGet, tcpSocket, grpc: anyValue, initialDelaySeconds: i32, timeoutSeconds: i32, periodSeconds: i32,
  successThreshold: i32, failureThreshold: i32, terminationGracePeriodSeconds: i64,
}));

export const container: FieldType = struct('v1.Container', () => ({
  name: str, image: str, command: strList, args: strList, workingDir: str, ports: listOf(containerPort),
  envFrom: listOf(anyValue), env: listOf(envVar), resources, resizePolicy: listOf(anyValue), restartPolicy: str,
  volumeMounts: listOf(volumeMount), volumeDevices: listOf(anyValue), livenessProbe: probe, readinessProbe: probe,
  startupProbe: probe, lifecycle: anyValue, terminationMessagePath: str, terminationMessagePolicy: str,
  imagePullPolicy: str, securityContext: anyValue, stdin: bool, stdinOnce: bool, tty: bool,
}));

const VOLUME_SOURCES = [
  'hostPath', 'emptyDir', 'gcePersistentDisk', 'awsElasticBlockStore', 'gitRepo', 'secret', 'nfs', 'iscsi', 'glusterfs',
  'persistentVolumeClaim', 'rbd', 'flexVolume', 'cinder', 'cephfs', 'flocker', 'downwardAPI', 'fc', 'azureFile', 'configMap',
  'vsphereVolume', 'quobyte', 'azureDisk', 'photonPersistentDisk', 'projected', 'portworxVolume', 'scaleIO', 'storageos',
  'csi', 'ephemeral', 'image',
] as const;

const volume = struct('v1.Volume', () => {
  const f: Record<string, FieldType> = { name: str };
  for (const s of VOLUME_SOURCES) f[s] = anyValue;
  return f;
});

const toleration = struct('v1.Toleration', () => ({ key: str, operator: str, value: str, effect: str, tolerationSeconds: i64 }));
const nodeSelectorRequirement = struct('v1.NodeSelectorRequirement', () => ({ key: str, operator: str, values: strList }));
const nodeSelectorTerm = struct('v1.NodeSelectorTerm', () => ({
  matchExpressions: listOf(nodeSelectorRequirement),
  matchFields: listOf(nodeSelectorRequirement),
}));
const nodeAffinity = struct('v1.NodeAffinity', () => ({
  requiredDuringSchedulingIgnoredDuringExecution: struct('v1.NodeSelector', () => ({ nodeSelectorTerms: listOf(nodeSelectorTerm) })),
  preferredDuringSchedulingIgnoredDuringExecution: listOf(
    struct('v1.PreferredSchedulingTerm', () => ({ weight: i32, preference: nodeSelectorTerm })),
  ),
}));
const podAffinityTerm = struct('v1.PodAffinityTerm', () => ({
  labelSelector, namespaces: strList, topologyKey: str, namespaceSelector: labelSelector, matchLabelKeys: strList, mismatchLabelKeys: strList,
}));
const weightedTerm = struct('v1.WeightedPodAffinityTerm', () => ({ weight: i32, podAffinityTerm }));
const podAffinity = (goName: string): FieldType =>
  struct(goName, () => ({
    requiredDuringSchedulingIgnoredDuringExecution: listOf(podAffinityTerm),
    preferredDuringSchedulingIgnoredDuringExecution: listOf(weightedTerm),
  }));
const affinity = struct('v1.Affinity', () => ({
  nodeAffinity, podAffinity: podAffinity('v1.PodAffinity'), podAntiAffinity: podAffinity('v1.PodAntiAffinity'),
}));

export const podSpec: FieldType = struct('v1.PodSpec', () => ({
  volumes: listOf(volume), initContainers: listOf(container), containers: listOf(container), ephemeralContainers: listOf(anyValue),
  restartPolicy: str, terminationGracePeriodSeconds: i64, activeDeadlineSeconds: i64, dnsPolicy: str, nodeSelector: strMap,
  serviceAccountName: str, serviceAccount: str, automountServiceAccountToken: bool, nodeName: str, hostNetwork: bool,
  hostPID: bool, hostIPC: bool, shareProcessNamespace: bool, securityContext: anyValue, imagePullSecrets: listOf(anyValue),
  hostname: str, subdomain: str, affinity, schedulerName: str, tolerations: listOf(toleration), hostAliases: listOf(anyValue),
  priorityClassName: str, priority: i32, dnsConfig: anyValue, readinessGates: listOf(anyValue), runtimeClassName: str,
  enableServiceLinks: bool, preemptionPolicy: str, overhead: mapOf(quantity), topologySpreadConstraints: listOf(anyValue),
  setHostnameAsFQDN: bool, os: anyValue, hostUsers: bool, schedulingGates: listOf(anyValue), resourceClaims: listOf(anyValue),
  resources: anyValue,
}));

export const podTemplateSpec: FieldType = struct('v1.PodTemplateSpec', () => ({ metadata: objectMeta, spec: podSpec }));

export const podSchema: FieldType = topLevel('v1.Pod', () => ({ spec: podSpec, status: anyValue }));
