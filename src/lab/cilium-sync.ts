// Layer lab: what Cilium's Kubernetes watchers and the operator do between the API and the agents: publish
// each node (CiliumNode object, cluster state, routes on every other agent) when its agent initialises,
// turn Services and EndpointSlices into service frontends with their backends, and keep CiliumEndpoint and
// CiliumIdentity objects in step with the endpoints the agents create.

import { formatCidr, formatIpv4, parseIpv4 } from '../addr/index.js';
import type { CiliumAgent } from '../cilium/agent.js';
import type { ClusterState, ServiceBackend } from '../cilium/cluster-state.js';
import type { ApiServer, GenericObject, KubeObject } from '../k8s/index.js';

interface ServicePort {
  name?: string;
  port: number;
  protocol?: string;
  targetPort?: number | string;
}

interface ServiceLike extends KubeObject {
  spec: { clusterIP?: string; type?: string; ports?: ServicePort[] };
}

interface SliceLike extends KubeObject {
  endpoints?: Array<{ addresses: string[]; conditions?: { ready?: boolean; terminating?: boolean }; nodeName?: string }>;
  ports?: Array<{ name?: string; port?: number; protocol?: string }>;
}

export function publishNode(api: ApiServer, cluster: ClusterState, agents: ReadonlyMap<string, CiliumAgent>, agent: CiliumAgent): void {
  if (!agent.podCidr || agent.routerIp === undefined) return;
  const info = { name: agent.nodeName, nodeIp: agent.nodeIp, podCidr: agent.podCidr, ciliumInternalIp: agent.routerIp };
  cluster.upsertNode(info);
  for (const other of agents.values()) if (other !== agent) other.nodeUpdated(info);
  const existing = api.tryGet('CiliumNode', undefined, agent.nodeName);
  if (existing) return;
  api.create({
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumNode',
    metadata: { name: agent.nodeName, labels: { 'kubernetes.io/hostname': agent.nodeName } },
    spec: {
      addresses: [
        { ip: formatIpv4(agent.nodeIp), type: 'InternalIP' },
        { ip: formatIpv4(agent.routerIp), type: 'CiliumInternalIP' },
      ],
      ipam: { podCIDRs: [formatCidr(agent.podCidr)] },
    },
  } as GenericObject, { typed: true });
}

/** Keeps the cluster state's service table equal to the Services and their EndpointSlices (list, then watch). */
export function watchServices(api: ApiServer, cluster: ClusterState): void {
  const sync = (ns: string, name: string) => syncService(api, cluster, ns, name);
  for (const svc of api.list('Service') as ServiceLike[]) sync(svc.metadata.namespace ?? 'default', svc.metadata.name ?? '');
  api.on('Service', (e) => {
    const svc = e.object as ServiceLike;
    if (e.type === 'DELETED') return removeService(cluster, svc);
    sync(svc.metadata.namespace ?? 'default', svc.metadata.name ?? '');
  });
  api.on('EndpointSlice', (e) => {
    const owner = e.object.metadata.labels?.['kubernetes.io/service-name'];
    if (owner !== undefined) sync(e.object.metadata.namespace ?? 'default', owner);
  });
}

function syncService(api: ApiServer, cluster: ClusterState, namespace: string, name: string): void {
  const svc = api.tryGet('Service', namespace, name) as ServiceLike | undefined;
  const vip = svc?.spec.clusterIP !== undefined ? parseIpv4(svc.spec.clusterIP) : undefined;
  if (!svc || vip === undefined) return;
  const slices = api.list('EndpointSlice', { namespace, labelSelector: `kubernetes.io/service-name=${name}` }) as unknown as SliceLike[];
  for (const p of svc.spec.ports ?? []) {
    const protocol = p.protocol === 'UDP' ? 'UDP' : 'TCP';
    const backends: ServiceBackend[] = [];
    for (const s of slices) {
      const sp = (s.ports ?? []).find((x) => (x.name ?? '') === (p.name ?? '') && (x.protocol ?? 'TCP') === protocol);
      if (!sp?.port) continue;
      for (const ep of s.endpoints ?? []) {
        if (ep.conditions?.ready === false && ep.conditions?.terminating !== true) continue;
        for (const a of ep.addresses) {
          const ip = parseIpv4(a);
          if (ip !== undefined) backends.push({ ip, port: sp.port, nodeName: ep.nodeName ?? '', state: ep.conditions?.terminating ? 'terminating' : 'active' });
        }
      }
    }
    const type = svc.spec.type === 'NodePort' || svc.spec.type === 'LoadBalancer' ? svc.spec.type : 'ClusterIP';
    cluster.upsertService({ namespace, name, type, vip, port: p.port, protocol, backends });
  }
}

function removeService(cluster: ClusterState, svc: ServiceLike): void {
  const vip = svc.spec.clusterIP !== undefined ? parseIpv4(svc.spec.clusterIP) : undefined;
  if (vip === undefined) return;
  for (const p of svc.spec.ports ?? []) cluster.deleteService(vip, p.port, p.protocol === 'UDP' ? 'UDP' : 'TCP');
}

/** The CiliumEndpoint the agent writes for a pod (and the CiliumIdentity behind it, if new). */
export function publishEndpoint(api: ApiServer, agent: CiliumAgent, ep: import('../cilium/endpoint.js').Endpoint, podUid: string): void {
  const idName = String(ep.identity);
  if (!api.tryGet('CiliumIdentity', undefined, idName)) {
    const labels: Record<string, string> = {};
    for (const l of ep.identityLabels) {
      const [k, v] = l.slice(l.indexOf(':') + 1).split('=');
      if (k !== undefined) labels[k] = v ?? '';
    }
    api.create({ apiVersion: 'cilium.io/v2', kind: 'CiliumIdentity', metadata: { name: idName, labels }, 'security-labels': Object.fromEntries(ep.identityLabels.map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])) } as GenericObject, { typed: true });
  }
  api.create({
    apiVersion: 'cilium.io/v2',
    kind: 'CiliumEndpoint',
    metadata: {
      name: ep.podName,
      namespace: ep.namespace,
      labels: { ...ep.labels },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: ep.podName, uid: podUid, blockOwnerDeletion: true }],
    },
    status: {
      id: ep.id,
      identity: { id: ep.identity, labels: [...ep.identityLabels] },
      networking: { addressing: [{ ipv4: formatIpv4(ep.ipv4) }], node: formatIpv4(agent.nodeIp) },
      state: ep.state === 'ready' ? 'ready' : 'waiting-for-identity',
      encryption: {},
      'external-identifiers': { 'container-id': ep.containerId, 'k8s-namespace': ep.namespace, 'k8s-pod-name': ep.podName, 'pod-name': `${ep.namespace}/${ep.podName}` },
    },
  } as GenericObject, { typed: true });
}

/** The agent's CEP sync controller: endpoints that became ready show it in their CiliumEndpoint's state. */
export function publishEndpointsReady(api: ApiServer, endpoints: readonly import('../cilium/endpoint.js').Endpoint[]): void {
  for (const ep of endpoints) {
    api.mutate('CiliumEndpoint', ep.namespace, ep.podName, (o) => {
      const status = (o as GenericObject)['status'] as { state?: string } | undefined;
      if (status && status.state !== 'ready') status.state = 'ready';
    });
  }
}

export function unpublishEndpoint(api: ApiServer, namespace: string, name: string): void {
  if (api.tryGet('CiliumEndpoint', namespace, name)) api.delete('CiliumEndpoint', namespace, name);
}
