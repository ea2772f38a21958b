// Layer k8s: what the Endpoints and EndpointSlice controllers share (pkg/controller/util/endpoint,
// pkg/api/v1/pod FindPort): which pods back a Service, the port a targetPort resolves to, and the
// services a pod change concerns.

import type { WatchEvent } from '../api/watch-hub.js';
import type { Service, ServicePort } from '../objects/core.js';
import { deepEqual } from '../objects/json.js';
import type { Pod } from '../objects/pod.js';
import { fromSet, matches } from '../selectors/label-selector.js';
import { isPodReady } from './pod-util.js';

/** FindPort: a numeric targetPort as is; a named one via the container ports (undefined when absent). */
export function resolveTargetPort(pod: Pod, sp: ServicePort): number | undefined {
  const tp = sp.targetPort ?? sp.port;
  if (typeof tp === 'number') return tp;
  for (const c of pod.spec.containers)
    for (const p of c.ports ?? []) if (p.name === tp && (p.protocol ?? 'TCP') === (sp.protocol ?? 'TCP')) return p.containerPort;
  return undefined;
}

/** ShouldPodBeInEndpoints: has an IP, not terminal; terminating pods only where asked. */
export function podInEndpoints(pod: Pod, includeTerminating: boolean): boolean {
  const phase = pod.status?.phase;
  if (phase === 'Succeeded' || phase === 'Failed') return false;
  if (!pod.status?.podIP) return false;
  return includeTerminating || pod.metadata.deletionTimestamp === undefined;
}

/** Pods a Service with a selector selects, in its namespace. */
export function selectedPods(svc: Service, pods: readonly Pod[]): Pod[] {
  const sel = svc.spec.selector;
  if (sel === undefined) return [];
  const s = fromSet(sel);
  return pods.filter((p) => p.metadata.namespace === svc.metadata.namespace && matches(s, p.metadata.labels));
}

/** GetPodServiceMemberships: the services of `services` whose selector selects the pod. */
function memberships(services: readonly Service[], pod: Pod): Service[] {
  return services.filter((svc) => svc.spec.selector !== undefined && svc.metadata.namespace === pod.metadata.namespace && matches(fromSet(svc.spec.selector), pod.metadata.labels));
}

/**
 * podEndpointsChanged: whether the change may alter endpoints (deletion timestamp, readiness, pod IPs),
 * and whether it may alter which services select the pod (labels, hostname, subdomain). Go compares the
 * deletion timestamps as pointers, which differ whenever one is set.
 */
function podEndpointsChanged(old: Pod, cur: Pod): { podChanged: boolean; labelsChanged: boolean } {
  const labelsChanged = !deepEqual(cur.metadata.labels, old.metadata.labels) || cur.spec.hostname !== old.spec.hostname || cur.spec.subdomain !== old.spec.subdomain;
  const podChanged = cur.metadata.deletionTimestamp !== undefined || old.metadata.deletionTimestamp !== undefined
    || isPodReady(old) !== isPodReady(cur) || !sameIps(old.status?.podIPs, cur.status?.podIPs) || old.status?.podIP !== cur.status?.podIP;
  return { podChanged, labelsChanged };
}

/** The pod IP lists hold the same IPs in the same order. */
function sameIps(a: readonly { ip: string }[] | undefined, b: readonly { ip: string }[] | undefined): boolean {
  if (a === b) return true;
  const la = a ?? [];
  const lb = b ?? [];
  if (la.length !== lb.length) return false;
  for (let i = 0; i < la.length; i++) if (la[i]?.ip !== lb[i]?.ip) return false;
  return true;
}

/**
 * GetServicesToUpdateOnPodChange (endpointslice/util): the services a pod event concerns: on add and
 * delete the pod's services; on update none unless the change matters to endpoints, and for a label
 * change the services it joined or left (all of old and new when the endpoints changed too). The
 * namespace's services are listed only when the event may concern some.
 */
export function servicesForPodEvent(servicesIn: (namespace: string) => readonly Service[], e: WatchEvent<Pod>): Service[] {
  const pod = e.object;
  const old = e.oldObject;
  if (e.type !== 'MODIFIED' || old === undefined) return memberships(servicesIn(pod.metadata.namespace ?? 'default'), pod);
  if (old.metadata.resourceVersion === pod.metadata.resourceVersion) return [];
  const { podChanged, labelsChanged } = podEndpointsChanged(old, pod);
  if (!podChanged && !labelsChanged) return [];
  const services = servicesIn(pod.metadata.namespace ?? 'default');
  const cur = memberships(services, pod);
  if (!labelsChanged) return cur;
  const prev = memberships(services, old);
  return services.filter((s) => (podChanged ? cur.includes(s) || prev.includes(s) : cur.includes(s) !== prev.includes(s)));
}

/** Byte-wise string order, as Go's bytes.Compare orders endpoint IPs. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
