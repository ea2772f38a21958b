// Layer observe: Hubble's endpoint resolver (pkg/hubble/parser/common/endpoint.go) as seen from one node:
// a local endpoint gives its id, labels, pod and workload; anything else is assembled from the ipcache
// identity and the pod metadata the agent knows for the IP. The datapath's identity wins when it has one.

import { parseIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { ipcacheLookup } from '../../cilium/ipcache.js';
import type { Lab } from '../../lab/index.js';
import { controllerOf } from '../../k8s/objects/meta.js';
import type { FlowEndpoint } from './flow.js';
import { reservedIdentityName } from '../monitor/identity-name.js';

/** Identity labels of the reserved identities (pkg/identity reservedIdentityLabels). */
function reservedLabels(id: number): string[] {
  if (id === 7) return ['reserved:kube-apiserver', 'reserved:remote-node'];
  const name = reservedIdentityName(id);
  return name !== undefined && id !== 0 ? [`reserved:${name}`] : [];
}

/** GetWorkloadMetaFromPod: a ReplicaSet's pods belong to its Deployment, other pods to their controller. */
function workloadsOf(lab: Lab, namespace: string, pod: string): FlowEndpoint['workloads'] {
  const obj = lab.k8s.api.tryGet('Pod', namespace, pod);
  const ref = obj ? controllerOf(obj) : undefined;
  if (!ref) return [];
  const m = ref.kind === 'ReplicaSet' ? /^(.+)-[a-z0-9]{1,10}$/.exec(ref.name) : null;
  return m?.[1] ? [{ name: m[1], kind: 'Deployment' }] : [{ name: ref.name, kind: ref.kind }];
}

export function resolveEndpoint(lab: Lab, agent: CiliumAgent, ipText: string | undefined, datapathId: number): FlowEndpoint {
  const ip = ipText === undefined ? undefined : parseIpv4(ipText);
  const local = ip === undefined ? undefined : agent.endpoints.get(ip);
  if (local) {
    const identity = datapathId !== 0 ? datapathId : local.identity;
    return { id: local.id, identity, clusterName: 'default', namespace: local.namespace, labels: [...local.identityLabels].sort(), podName: local.podName, workloads: workloadsOf(lab, local.namespace, local.podName) };
  }
  const cached = ip === undefined ? undefined : ipcacheLookup(agent, ip);
  const identity = datapathId !== 0 ? datapathId : (cached?.identity ?? 0);
  const remote = ip === undefined ? undefined : agent.cluster.endpoints.get(ip);
  const labels = agent.cluster.identities.get(identity)?.labels ?? reservedLabels(identity);
  return {
    id: 0,
    identity,
    clusterName: remote ? 'default' : '',
    namespace: remote?.namespace ?? '',
    labels: [...labels].sort(),
    podName: remote?.podName ?? '',
    workloads: [],
  };
}
