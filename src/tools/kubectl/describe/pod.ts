// Layer tools (kubectl): `kubectl describe pod` (describePod in kubectl/pkg/describe/describe.go): identity,
// node, start time, labels, annotations, status, IPs, controller, containers, conditions, volumes, QoS,
// node selectors, tolerations and the pod's events.

import type { Pod } from '../../../k8s/index.js';
import { getPath } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { age } from '../printers/format.js';
import { describeEvents, eventsFor, printAnnotations, printLabels, printTolerations } from './common.js';
import { describeContainers, describeVolumes } from './containers.js';
import { PrefixWriter, rfc1123z } from './prefix-writer.js';

/** qos.GetPodQOS: Guaranteed when every container has equal cpu and memory limits and requests. */
export function podQos(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const cs = [...pod.spec.containers, ...(pod.spec.initContainers ?? [])];
  const any = cs.some((c) => Object.keys(c.resources?.requests ?? {}).length + Object.keys(c.resources?.limits ?? {}).length > 0);
  if (!any) return 'BestEffort';
  const guaranteed = cs.every((c) => ['cpu', 'memory'].every((r) => c.resources?.limits?.[r] !== undefined && (c.resources.requests?.[r] ?? c.resources.limits[r]) === c.resources.limits[r]));
  return guaranteed ? 'Guaranteed' : 'Burstable';
}

export function describePod(ctx: Ctx, pod: Pod): string {
  const w = new PrefixWriter();
  const tz = ctx.lab.spec.clock.timezone;
  const st = pod.status ?? {};
  w.write(0, `Name:\t${pod.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${pod.metadata.namespace ?? ''}\n`);
  if (pod.spec.priority !== undefined) w.write(0, `Priority:\t${pod.spec.priority}\n`);
  if (pod.spec.priorityClassName) w.write(0, `Priority Class Name:\t${pod.spec.priorityClassName}\n`);
  if (pod.spec.serviceAccountName) w.write(0, `Service Account:\t${pod.spec.serviceAccountName}\n`);
  w.write(0, pod.spec.nodeName ? `Node:\t${pod.spec.nodeName}/${st.hostIP ?? ''}\n` : 'Node:\t<none>\n');
  if (st.startTime) w.write(0, `Start Time:\t${rfc1123z(st.startTime, tz)}\n`);
  printLabels(w, 'Labels', pod.metadata.labels);
  printAnnotations(w, 'Annotations', pod.metadata.annotations);
  if (pod.metadata.deletionTimestamp && st.phase !== 'Failed' && st.phase !== 'Succeeded') {
    w.write(0, `Status:\tTerminating (lasts ${age(pod.metadata.deletionTimestamp, ctx.nowMs())})\n`);
    w.write(0, `Termination Grace Period:\t${pod.metadata.deletionGracePeriodSeconds ?? 0}s\n`);
  } else w.write(0, `Status:\t${st.phase ?? ''}\n`);
  if (st.reason) w.write(0, `Reason:\t${st.reason}\n`);
  if (st.message) w.write(0, `Message:\t${st.message}\n`);
  w.write(0, `IP:\t${st.podIP ?? ''}\n`);
  if ((st.podIPs ?? []).length === 0) w.write(0, 'IPs:\t<none>\n');
  else {
    w.write(0, 'IPs:\n');
    for (const ip of st.podIPs ?? []) w.write(1, `IP:\t${ip.ip}\n`);
  }
  const ref = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (ref) w.write(0, `Controlled By:\t${ref.kind}/${ref.name}\n`);
  if (st.nominatedNodeName) w.write(0, `NominatedNodeName:\t${st.nominatedNodeName}\n`);
  const resolve = (path: string): string => {
    const v = getPath(pod, path.split('.'));
    return typeof v === 'string' || typeof v === 'number' ? String(v) : '';
  };
  if ((pod.spec.initContainers ?? []).length > 0) describeContainers(w, 'Init Containers', pod.spec.initContainers ?? [], st.initContainerStatuses ?? [], '', tz, resolve);
  describeContainers(w, 'Containers', pod.spec.containers, st.containerStatuses ?? [], '', tz, resolve);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\n');
    for (const c of st.conditions ?? []) w.write(1, `${c.type} \t${c.status} \n`);
  }
  describeVolumes(w, pod.spec.volumes, '');
  w.write(0, `QoS Class:\t${podQos(pod)}\n`);
  printLabels(w, 'Node-Selectors', pod.spec.nodeSelector);
  printTolerations(w, 'Tolerations', pod.spec.tolerations);
  describeEvents(w, eventsFor(ctx, pod, true, pod.metadata.annotations?.['kubernetes.io/config.mirror'] ?? pod.metadata.uid), ctx.nowMs());
  return w.text();
}
