// Layer k8s: what kube-apiserver and kubeadm create before any workload: the four system
// namespaces, the `kubernetes` Service (first service IP, 443 → the apiserver's 6443) with its
// Endpoints and EndpointSlice (pkg/controlplane/controller/kubernetesservice, reconcilers), node
// Leases, and a cluster CA bundle for kube-root-ca.crt.

import type { Rng } from '../../sim/rng.js';
import type { ApiServer } from '../api/api-server.js';
import type { Endpoints, Namespace, Service } from '../objects/core.js';
import type { EndpointSlice, Lease } from '../objects/discovery.js';
import { fakePem } from './fake-pem.js';

export const SYSTEM_NAMESPACES = ['default', 'kube-node-lease', 'kube-public', 'kube-system'] as const;

export function createNamespaces(api: ApiServer, atUs: number): void {
  for (const name of SYSTEM_NAMESPACES)
    if (!api.tryGet('Namespace', undefined, name)) api.create<Namespace>({ apiVersion: 'v1', kind: 'Namespace', metadata: { name } }, { atUs });
}

/** The `kubernetes` Service and its endpoints (the apiserver's own bootstrap controller). */
export function createKubernetesService(api: ApiServer, apiServerIP: string, apiServerPort: number, atUs: number): void {
  const meta = { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } };
  api.create<Service>(
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: meta,
      spec: { clusterIP: api.allocators.ips.addressAt(1), ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: apiServerPort }], type: 'ClusterIP' },
    },
    { atUs },
  );
  api.create<Endpoints>(
    {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
      subsets: [{ addresses: [{ ip: apiServerIP }], ports: [{ name: 'https', port: apiServerPort, protocol: 'TCP' }] }],
    },
    { atUs },
  );
  api.create<EndpointSlice>(
    {
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { 'kubernetes.io/service-name': 'kubernetes' } },
      addressType: 'IPv4',
      endpoints: [{ addresses: [apiServerIP], conditions: { ready: true } }],
      ports: [{ name: 'https', port: apiServerPort, protocol: 'TCP' }],
    },
    { atUs },
  );
}

export function createNodeLease(api: ApiServer, nodeName: string, nodeUid: string, atUs: number): void {
  api.create<Lease>(
    {
      apiVersion: 'coordination.k8s.io/v1',
      kind: 'Lease',
      metadata: {
        name: nodeName,
        namespace: 'kube-node-lease',
        ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid }],
      },
      spec: { holderIdentity: nodeName, leaseDurationSeconds: 40, renewTime: api.clock.microTime(atUs) },
    },
    { atUs },
  );
}

/** A stand-in CA certificate (random DER bytes in PEM armour): only its shape matters to the lab. */
export function fakeCaPem(rng: Rng): string {
  return fakePem(rng, 'CERTIFICATE', 1075);
}
