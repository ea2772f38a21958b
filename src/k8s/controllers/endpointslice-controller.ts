// Layer k8s: the EndpointSlice controller (pkg/controller/endpointslice, staging endpointslice
// reconciler): for each Service with a selector one slice `<svc>-<5 chars>` owned by the Service,
// with the Service's labels plus kubernetes.io/service-name and endpointslice.kubernetes.io/managed-by,
// one endpoint per pod with ready/serving/terminating conditions, nodeName and targetRef.

import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import type { Service } from '../objects/core.js';
import type { EndpointSlice, SliceEndpoint, SliceEndpointPort } from '../objects/discovery.js';
import { deepEqual } from '../objects/json.js';
import { objectKey } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { byteCompare, podInEndpoints, resolveTargetPort, selectedPods, servicesForPodEvent } from './endpoint-util.js';
import { LAST_CHANGE_TRIGGER } from './endpoints-controller.js';
import { controllerRef, isPodReady } from './pod-util.js';
import { WorkQueue } from './work-queue.js';

const SYNC_DELAY_US = 2_000;
export const SERVICE_NAME_LABEL = 'kubernetes.io/service-name';
export const SLICE_MANAGED_BY_LABEL = 'endpointslice.kubernetes.io/managed-by';
export const SLICE_CONTROLLER = 'endpointslice-controller.k8s.io';

function sliceEndpoint(pod: Pod, svc: Service): SliceEndpoint {
  const ready = isPodReady(pod);
  const terminating = pod.metadata.deletionTimestamp !== undefined;
  const ep: SliceEndpoint = {
    addresses: [pod.status?.podIP ?? ''],
    conditions: { ready: (ready && !terminating) || svc.spec.publishNotReadyAddresses === true, serving: ready, terminating },
  };
  if (pod.spec.hostname && pod.spec.subdomain) ep.hostname = pod.spec.hostname;
  if (pod.spec.nodeName) ep.nodeName = pod.spec.nodeName;
  ep.targetRef = { kind: 'Pod', name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: pod.metadata.uid ?? '' };
  return ep;
}

/** The ports of a slice: one per Service port, resolved against the first pod (as getEndpointPorts). */
function slicePorts(svc: Service, pods: readonly Pod[]): SliceEndpointPort[] {
  const first = pods[0];
  const out: SliceEndpointPort[] = [];
  if (first === undefined) return out;
  for (const sp of svc.spec.ports ?? []) {
    const port = resolveTargetPort(first, sp);
    if (port === undefined) continue;
    const p: SliceEndpointPort = { name: sp.name ?? '', port, protocol: sp.protocol ?? 'TCP' };
    if (sp.appProtocol) p.appProtocol = sp.appProtocol;
    out.push(p);
  }
  return out;
}

export class EndpointSliceController {
  private readonly queue: WorkQueue;

  constructor(
    private readonly api: ApiServer,
    scheduler: Scheduler,
  ) {
    this.queue = new WorkQueue(scheduler, (k) => this.sync(k));
    api.on('Service', (e) => this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name ?? ''), SYNC_DELAY_US));
    const servicesIn = (namespace: string): Service[] => api.list('Service', { namespace });
    api.on('Pod', (e) => {
      for (const svc of servicesForPodEvent(servicesIn, e)) this.queue.add(objectKey(svc.metadata.namespace, svc.metadata.name ?? ''), SYNC_DELAY_US);
    });
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const svc = this.api.tryGet('Service', ns, name);
    if (!svc || svc.spec.selector === undefined || svc.spec.type === 'ExternalName') return;
    const existing = this.api
      .list('EndpointSlice', { namespace: ns, labelSelector: `${SERVICE_NAME_LABEL}=${name},${SLICE_MANAGED_BY_LABEL}=${SLICE_CONTROLLER}` })
      .filter((s) => s.metadata.deletionTimestamp === undefined);
    const pods = selectedPods(svc, this.api.list('Pod', { namespace: ns }))
      .filter((p) => podInEndpoints(p, true))
      .sort((a, b) => byteCompare(a.status?.podIP ?? '', b.status?.podIP ?? ''));
    const endpoints = pods.map((p) => sliceEndpoint(p, svc));
    const ports = slicePorts(svc, pods);
    const labels = { ...(svc.metadata.labels ?? {}), [SERVICE_NAME_LABEL]: name, [SLICE_MANAGED_BY_LABEL]: SLICE_CONTROLLER };
    const body = { endpoints: endpoints.length > 0 ? endpoints : null, ports: ports.length > 0 ? ports : null };
    const [keep, ...extra] = existing;
    for (const s of extra) this.api.delete('EndpointSlice', ns, s.metadata.name ?? '');
    if (keep && deepEqual(keep.endpoints, body.endpoints) && deepEqual(keep.ports, body.ports) && deepEqual(keep.metadata.labels, labels)) return;
    const annotations = { [LAST_CHANGE_TRIGGER]: this.api.clock.time() };
    if (keep) {
      this.api.update<EndpointSlice>({ ...keep, metadata: { ...keep.metadata, labels, annotations: { ...(keep.metadata.annotations ?? {}), ...annotations } }, ...body }, { typed: true });
      return;
    }
    this.api.create<EndpointSlice>({
      apiVersion: 'discovery.k8s.io/v1',
      kind: 'EndpointSlice',
      metadata: { generateName: `${name}-`, namespace: ns, labels, annotations, ownerReferences: [controllerRef(svc)] },
      addressType: 'IPv4',
      ...body,
    }, { typed: true });
  }
}
