// Layer k8s: the Endpoints controller (pkg/controller/endpoint/endpoints_controller.go): one
// Endpoints object per Service with a selector, named like the Service, carrying its labels plus
// `endpoints.kubernetes.io/managed-by`, ready pods in `addresses`, others in `notReadyAddresses`,
// repacked and sorted as RepackSubsets does (addresses by IP).

import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import type { EndpointAddress, EndpointPort, EndpointSubset, Endpoints, Service } from '../objects/core.js';
import { deepEqual, fnv32aCanonical } from '../objects/json.js';
import { objectKey } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { isK8sError } from '../errors.js';
import { byteCompare, podInEndpoints, resolveTargetPort, selectedPods, servicesForPodEvent } from './endpoint-util.js';
import { isPodReady } from './pod-util.js';
import { WorkQueue } from './work-queue.js';

const SYNC_DELAY_US = 2_000;
export const ENDPOINTS_MANAGED_BY = 'endpoints.kubernetes.io/managed-by';
export const LAST_CHANGE_TRIGGER = 'endpoints.kubernetes.io/last-change-trigger-time';

function address(pod: Pod): EndpointAddress {
  const a: EndpointAddress = { ip: pod.status?.podIP ?? '' };
  if (pod.spec.hostname && pod.spec.subdomain) a.hostname = pod.spec.hostname;
  if (pod.spec.nodeName) a.nodeName = pod.spec.nodeName;
  a.targetRef = { kind: 'Pod', name: pod.metadata.name ?? '', namespace: pod.metadata.namespace ?? '', uid: pod.metadata.uid ?? '' };
  return a;
}

/** Groups (address, port) pairs into subsets by identical address sets (RepackSubsets), then sorts. */
export function buildSubsets(svc: Service, pods: readonly Pod[]): EndpointSubset[] {
  const byPort = new Map<string, { port: EndpointPort; ready: EndpointAddress[]; notReady: EndpointAddress[] }>();
  for (const pod of pods) {
    if (!podInEndpoints(pod, false)) continue;
    const ready = isPodReady(pod) || svc.spec.publishNotReadyAddresses === true;
    for (const sp of svc.spec.ports ?? []) {
      const portNum = resolveTargetPort(pod, sp);
      if (portNum === undefined) continue;
      const port: EndpointPort = { port: portNum, protocol: sp.protocol ?? 'TCP' };
      if (sp.name) port.name = sp.name;
      if (sp.appProtocol) port.appProtocol = sp.appProtocol;
      const k = portKey(port);
      let e = byPort.get(k);
      if (e === undefined) {
        e = { port, ready: [], notReady: [] };
        byPort.set(k, e);
      }
      (ready ? e.ready : e.notReady).push(address(pod));
    }
  }
  const bySet = new Map<string, EndpointSubset>();
  for (const e of byPort.values()) {
    const ready = e.ready.sort(byIpThenUid);
    const notReady = e.notReady.sort(byIpThenUid);
    const k = `${addressesKey(ready)}|${addressesKey(notReady)}`;
    const subset = bySet.get(k) ?? { ...(ready.length ? { addresses: ready } : {}), ...(notReady.length ? { notReadyAddresses: notReady } : {}), ports: [] };
    subset.ports = [...(subset.ports ?? []), e.port];
    bySet.set(k, subset);
  }
  // The real controller orders ports and subsets by an md5 of their dump; a stable hash stands in.
  const subsets = [...bySet.values()];
  for (const s of subsets) s.ports = byHash(s.ports ?? []);
  return byHash(subsets);
}

function byIpThenUid(a: EndpointAddress, b: EndpointAddress): number {
  return byteCompare(a.ip, b.ip) || byteCompare(a.targetRef?.uid ?? '', b.targetRef?.uid ?? '');
}

/** A member as a key part: absent and empty differ (JSON's null and ""). */
function part(v: string | undefined): string {
  return v === undefined ? '\u0001' : v;
}

/** Everything a port carries, as a grouping key (equal keys, equal ports); members end at a NUL, which no name holds. */
function portKey(p: EndpointPort): string {
  return `${p.port}\u0000${p.protocol ?? ''}\u0000${part(p.name)}\u0000${part(p.appProtocol)}`;
}

/** Everything an address carries, as a grouping key (equal keys, equal address lists). */
function addressesKey(l: readonly EndpointAddress[]): string {
  let k = '';
  for (const a of l) {
    const r = a.targetRef;
    k += `${a.ip}\u0000${part(a.hostname)}\u0000${part(a.nodeName)}\u0000${part(r?.name)}\u0000${part(r?.namespace)}\u0000${part(r?.uid)}\u0002`;
  }
  return k;
}

/** Sorted by the hash of each element's canonical dump (each hashed once; a single element needs none). */
function byHash<T>(xs: readonly T[]): T[] {
  if (xs.length < 2) return [...xs];
  return xs.map((x) => ({ x, h: fnv32aCanonical(x) })).sort((a, b) => a.h - b.h).map((e) => e.x);
}

export class EndpointsController {
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
    const cur = this.api.tryGet('Endpoints', ns, name);
    if (!svc) {
      if (cur && cur.metadata.labels?.[ENDPOINTS_MANAGED_BY] === 'endpoint-controller') this.tryDelete(ns, name);
      return;
    }
    if (svc.spec.selector === undefined || svc.spec.type === 'ExternalName') return;
    const subsets = buildSubsets(svc, selectedPods(svc, this.api.list('Pod', { namespace: ns })));
    const labels = { ...(svc.metadata.labels ?? {}), [ENDPOINTS_MANAGED_BY]: 'endpoint-controller' };
    if (cur && deepEqual(cur.subsets ?? [], subsets) && deepEqual(cur.metadata.labels, labels)) return;
    const ep: Endpoints = {
      apiVersion: 'v1',
      kind: 'Endpoints',
      metadata: { name, namespace: ns, labels, annotations: { [LAST_CHANGE_TRIGGER]: this.api.clock.time() } },
    };
    if (subsets.length > 0) ep.subsets = subsets;
    if (cur) {
      ep.metadata = { ...cur.metadata, labels, annotations: { ...(cur.metadata.annotations ?? {}), [LAST_CHANGE_TRIGGER]: this.api.clock.time() } };
      this.api.update(ep, { typed: true });
    } else this.api.create(ep, { typed: true });
  }

  private tryDelete(ns: string, name: string): void {
    try {
      this.api.delete('Endpoints', ns, name);
    } catch (e) {
      if (!isK8sError(e)) throw e;
    }
  }
}
