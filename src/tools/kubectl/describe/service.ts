// Layer tools (kubectl): `kubectl describe service` (describeService): type, IP families, cluster IPs,
// load balancer ingress, each port with its target and the ready endpoints of the service's
// EndpointSlices (v1.33 reads slices, not v1 Endpoints), session affinity, traffic policies, events.

import { SERVICE_NAME_LABEL, type EndpointSlice, type Service } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { formatLabels } from '../printers/format.js';
import { describeEvents, eventsFor, printAnnotations, printLabels } from './common.js';
import { PrefixWriter } from './prefix-writer.js';

/** formatEndpointSlices(slices, ports): ready addresses with the port, three then "+ N more...". */
export function formatEndpointSlices(slices: readonly EndpointSlice[], portName: string | undefined): string {
  if (slices.length === 0) return '<none>';
  const list: string[] = [];
  let more = false;
  let count = 0;
  const add = (text: string): void => {
    if (list.length === 3) more = true;
    if (!more) list.push(text);
    count++;
  };
  for (const s of slices) {
    const eps = (s.endpoints ?? []).filter((e) => e.conditions.ready !== false);
    if ((s.ports ?? []).length === 0) for (const e of eps) add(e.addresses[0] ?? '');
    for (const p of s.ports ?? []) {
      if (portName !== undefined && (p.name ?? '') !== portName) continue;
      for (const e of eps) add(`${e.addresses[0] ?? ''}:${p.port ?? 0}`);
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - 3} more...` : ret;
}

export function describeService(ctx: Ctx, svc: Service): string {
  const w = new PrefixWriter();
  const spec = svc.spec;
  const slices = ctx.api().list('EndpointSlice', { namespace: svc.metadata.namespace ?? '', labelSelector: `${SERVICE_NAME_LABEL}=${svc.metadata.name ?? ''}` });
  w.write(0, `Name:\t${svc.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${svc.metadata.namespace ?? ''}\n`);
  printLabels(w, 'Labels', svc.metadata.labels);
  printAnnotations(w, 'Annotations', svc.metadata.annotations);
  w.write(0, `Selector:\t${formatLabels(spec.selector)}\n`);
  w.write(0, `Type:\t${spec.type ?? ''}\n`);
  if (spec.ipFamilyPolicy) w.write(0, `IP Family Policy:\t${spec.ipFamilyPolicy}\n`);
  w.write(0, `IP Families:\t${(spec.ipFamilies ?? []).join(',') || '<none>'}\n`);
  w.write(0, `IP:\t${spec.clusterIP ?? ''}\n`);
  w.write(0, `IPs:\t${(spec.clusterIPs ?? []).join(',') || '<none>'}\n`);
  if ((spec.externalIPs ?? []).length > 0) w.write(0, `External IPs:\t${(spec.externalIPs ?? []).join(',')}\n`);
  if (spec.loadBalancerIP) w.write(0, `Desired LoadBalancer IP:\t${spec.loadBalancerIP}\n`);
  if (spec.externalName) w.write(0, `External Name:\t${spec.externalName}\n`);
  const ingress = svc.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) w.write(0, `LoadBalancer Ingress:\t${ingress.map((i) => (i.ip ? `${i.ip}${i.ipMode ? ` (${i.ipMode})` : ''}` : (i.hostname ?? ''))).join(', ')}\n`);
  for (const p of spec.ports ?? []) {
    const name = p.name || '<unset>';
    const proto = p.protocol ?? 'TCP';
    w.write(0, `Port:\t${name}\t${p.port}/${proto}\n`);
    w.write(0, `TargetPort:\t${String(p.targetPort ?? p.port)}/${proto}\n`);
    if (p.nodePort) w.write(0, `NodePort:\t${name}\t${p.nodePort}/${proto}\n`);
    w.write(0, `Endpoints:\t${formatEndpointSlices(slices, p.name ?? '')}\n`);
  }
  w.write(0, `Session Affinity:\t${spec.sessionAffinity ?? ''}\n`);
  if (spec.externalTrafficPolicy) w.write(0, `External Traffic Policy:\t${spec.externalTrafficPolicy}\n`);
  if (spec.internalTrafficPolicy) w.write(0, `Internal Traffic Policy:\t${spec.internalTrafficPolicy}\n`);
  if (spec.healthCheckNodePort) w.write(0, `HealthCheck NodePort:\t${spec.healthCheckNodePort}\n`);
  if ((spec.loadBalancerSourceRanges ?? []).length > 0) w.write(0, `LoadBalancer Source Ranges:\t${(spec.loadBalancerSourceRanges ?? []).join(',')}\n`);
  describeEvents(w, eventsFor(ctx, svc), ctx.nowMs());
  return w.text();
}
