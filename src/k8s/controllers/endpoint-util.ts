// Layer k8s: what the Endpoints and EndpointSlice controllers share (pkg/controller/util/endpoint,
// pkg/api/v1/pod FindPort): which pods back a Service, the port a targetPort resolves to, and the
// services a pod change concerns.

import type { Service, ServicePort } from '../objects/core.js';
import type { Pod } from '../objects/pod.js';
import { fromSet, matches } from '../selectors/label-selector.js';

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

/** The services of `services` whose selector matches either version of a pod's labels. */
export function servicesForPod(services: readonly Service[], pod: Pod, oldPod: Pod | undefined): Service[] {
  return services.filter((svc) => {
    if (svc.spec.selector === undefined || svc.metadata.namespace !== pod.metadata.namespace) return false;
    const s = fromSet(svc.spec.selector);
    return matches(s, pod.metadata.labels) || (oldPod !== undefined && matches(s, oldPod.metadata.labels));
  });
}

/** Byte-wise string order, as Go's bytes.Compare orders endpoint IPs. */
export function byteCompare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
