// Layer k8s: the resource types a kubeadm v1.33 cluster serves that this lab uses, with the names,
// short names, categories and field selectors the real discovery and registries report
// (pkg/registry/*/strategy.go GetAttrs / AddFieldLabelConversionFunc for the field selectors).

import type { ResourceTypeInput } from './resource-registry.js';

const POD_FIELDS = [
  'spec.nodeName',
  'spec.restartPolicy',
  'spec.schedulerName',
  'spec.serviceAccountName',
  'spec.hostNetwork',
  'status.phase',
  'status.podIP',
  'status.podIPs',
  'status.nominatedNodeName',
] as const;

const EVENT_FIELDS = [
  'involvedObject.kind',
  'involvedObject.namespace',
  'involvedObject.name',
  'involvedObject.uid',
  'involvedObject.apiVersion',
  'involvedObject.resourceVersion',
  'involvedObject.fieldPath',
  'reason',
  'reportingComponent',
  'source',
  'type',
] as const;

export const BUILTIN_RESOURCES: readonly ResourceTypeInput[] = [
  { group: '', version: 'v1', kind: 'ConfigMap', plural: 'configmaps', shortNames: ['cm'], namespaced: true },
  { group: '', version: 'v1', kind: 'Endpoints', plural: 'endpoints', singular: 'endpoints', shortNames: ['ep'], namespaced: true },
  { group: '', version: 'v1', kind: 'Event', plural: 'events', shortNames: ['ev'], namespaced: true, fieldSelectors: EVENT_FIELDS },
  {
    group: '', version: 'v1', kind: 'Namespace', plural: 'namespaces', shortNames: ['ns'], namespaced: false,
    hasStatusSubresource: true, fieldSelectors: ['status.phase'], nameRule: 'label',
  },
  {
    group: '', version: 'v1', kind: 'Node', plural: 'nodes', shortNames: ['no'], namespaced: false,
    hasStatusSubresource: true, fieldSelectors: ['spec.unschedulable'],
  },
  {
    group: '', version: 'v1', kind: 'Pod', plural: 'pods', shortNames: ['po'], namespaced: true, categories: ['all'],
    hasStatusSubresource: true, fieldSelectors: POD_FIELDS,
  },
  { group: '', version: 'v1', kind: 'Secret', plural: 'secrets', namespaced: true, fieldSelectors: ['type'] },
  { group: '', version: 'v1', kind: 'ServiceAccount', plural: 'serviceaccounts', shortNames: ['sa'], namespaced: true },
  {
    group: '', version: 'v1', kind: 'Service', plural: 'services', shortNames: ['svc'], namespaced: true, categories: ['all'],
    hasStatusSubresource: true, nameRule: 'dns1035',
  },
  {
    group: 'apps', version: 'v1', kind: 'ControllerRevision', plural: 'controllerrevisions', namespaced: true,
  },
  {
    group: 'apps', version: 'v1', kind: 'DaemonSet', plural: 'daemonsets', shortNames: ['ds'], namespaced: true,
    categories: ['all'], hasStatusSubresource: true, hasGeneration: true,
  },
  {
    group: 'apps', version: 'v1', kind: 'Deployment', plural: 'deployments', shortNames: ['deploy'], namespaced: true,
    categories: ['all'], hasStatusSubresource: true, hasGeneration: true,
  },
  {
    group: 'apps', version: 'v1', kind: 'ReplicaSet', plural: 'replicasets', shortNames: ['rs'], namespaced: true,
    categories: ['all'], hasStatusSubresource: true, hasGeneration: true, fieldSelectors: ['status.replicas'],
  },
  { group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', plural: 'leases', namespaced: true },
  { group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', plural: 'endpointslices', namespaced: true },
  { group: 'storage.k8s.io', version: 'v1', kind: 'StorageClass', plural: 'storageclasses', shortNames: ['sc'], namespaced: false },
];

/** Cilium 1.18's CRDs that exist from the first agent start (pkg/k8s/apis/cilium.io/client/crds/v2). */
export const CILIUM_RESOURCES: readonly ResourceTypeInput[] = [
  {
    group: 'cilium.io', version: 'v2', kind: 'CiliumEndpoint', plural: 'ciliumendpoints', shortNames: ['cep', 'ciliumep'],
    namespaced: true, isCrd: true, categories: ['cilium'],
    printerColumns: [
      { name: 'Security Identity', type: 'integer', jsonPath: '.status.identity.id', description: 'Security Identity' },
      { name: 'Endpoint State', type: 'string', jsonPath: '.status.state', description: 'Endpoint current state' },
      { name: 'IPv4', type: 'string', jsonPath: '.status.networking.addressing[0].ipv4', description: 'Endpoint IPv4 address' },
      { name: 'IPv6', type: 'string', jsonPath: '.status.networking.addressing[0].ipv6', description: 'Endpoint IPv6 address' },
    ],
  },
  {
    group: 'cilium.io', version: 'v2', kind: 'CiliumIdentity', plural: 'ciliumidentities', shortNames: ['ciliumid'],
    namespaced: false, isCrd: true, categories: ['cilium'],
    printerColumns: [
      { name: 'Namespace', type: 'string', jsonPath: '.metadata.labels.io\\.kubernetes\\.pod\\.namespace', description: 'The namespace of the entity' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'The age of the identity' },
    ],
  },
  {
    group: 'cilium.io', version: 'v2', kind: 'CiliumNode', plural: 'ciliumnodes', shortNames: ['cn', 'ciliumn'],
    namespaced: false, isCrd: true, categories: ['cilium'], hasStatusSubresource: false,
    printerColumns: [
      { name: 'CiliumInternalIP', type: 'string', jsonPath: '.spec.addresses[?(@.type=="CiliumInternalIP")].ip', description: 'Cilium internal IP for this node' },
      { name: 'InternalIP', type: 'string', jsonPath: '.spec.addresses[?(@.type=="InternalIP")].ip', description: 'IP of the node' },
      { name: 'Age', type: 'date', jsonPath: '.metadata.creationTimestamp', description: 'Time duration since creation of Ciliumnode' },
    ],
  },
];
