// Layer tools (kubectl): `kubectl describe node` (describeNode, describeNodeResource): roles, labels,
// taints, lease, conditions, addresses, capacity and allocatable, system info, pod CIDRs, the non-terminated
// pods with their requests and limits as shares of allocatable, allocated totals, and events.

import type { Node, Pod } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { age } from '../printers/format.js';
import { nodeRoles } from '../printers/core-tables.js';
import { addQuantity, formatQuantity, milliValue, parseQuantity, quantityValue, ZERO, type Quantity } from '../text/quantity.js';
import { describeEvents, eventsFor, printAnnotations, printLabels, printTaints } from './common.js';
import { PrefixWriter, rfc1123z } from './prefix-writer.js';

type Totals = Map<string, Quantity>;

/** resourcehelper.PodRequestsAndLimits: containers summed, each init container a floor. */
function podTotals(pod: Pod): [Totals, Totals] {
  const sum = (kind: 'requests' | 'limits'): Totals => {
    const out: Totals = new Map();
    for (const c of pod.spec.containers) for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) out.set(k, addQuantity(out.get(k) ?? { ...ZERO, format: parseQuantity(v)?.format ?? 'DecimalSI' }, parseQuantity(v) ?? ZERO));
    for (const c of pod.spec.initContainers ?? []) for (const [k, v] of Object.entries(c.resources?.[kind] ?? {})) {
      const q = parseQuantity(v) ?? ZERO;
      if (q.nanos > (out.get(k)?.nanos ?? 0n)) out.set(k, q);
    }
    return out;
  };
  return [sum('requests'), sum('limits')];
}

function pct(q: Quantity, of: Quantity | undefined, milli: boolean): number {
  const base = of ? (milli ? milliValue(of) : quantityValue(of)) : 0;
  if (base === 0) return 0;
  return Math.trunc(((milli ? milliValue(q) : quantityValue(q)) / base) * 100);
}

function resourcesSection(w: PrefixWriter, node: Node, pods: readonly Pod[], nowMs: number): void {
  const alloc = Object.keys(node.status?.allocatable ?? {}).length > 0 ? node.status?.allocatable : node.status?.capacity;
  const cap = (k: string): Quantity | undefined => parseQuantity(alloc?.[k] ?? '');
  const cell = (t: Totals, k: string, milli: boolean): string => {
    const q = t.get(k) ?? ZERO;
    return `${formatQuantity(q)} (${pct(q, cap(k), milli)}%)`;
  };
  w.write(0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const req: Totals = new Map();
  const lim: Totals = new Map();
  for (const p of pods) {
    const [r, l] = podTotals(p);
    w.write(1, `${p.metadata.namespace ?? ''}\t${p.metadata.name ?? ''}\t\t${cell(r, 'cpu', true)}\t${cell(l, 'cpu', true)}\t${cell(r, 'memory', false)}\t${cell(l, 'memory', false)}\t${age(p.metadata.creationTimestamp, nowMs)}\n`);
    for (const [k, v] of r) req.set(k, req.has(k) ? addQuantity(req.get(k) ?? ZERO, v) : v);
    for (const [k, v] of l) lim.set(k, lim.has(k) ? addQuantity(lim.get(k) ?? ZERO, v) : v);
  }
  w.write(0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(1, 'Resource\tRequests\tLimits\n');
  w.write(1, '--------\t--------\t------\n');
  for (const [k, milli] of [['cpu', true], ['memory', false], ['ephemeral-storage', false]] as const) w.write(1, `${k}\t${cell(req, k, milli)}\t${cell(lim, k, milli)}\n`);
  for (const k of Object.keys(alloc ?? {}).filter((x) => x.startsWith('hugepages-')).sort()) w.write(1, `${k}\t${cell(req, k, false)}\t${cell(lim, k, false)}\n`);
}

export function describeNode(ctx: Ctx, node: Node): string {
  const w = new PrefixWriter();
  const tz = ctx.lab.spec.clock.timezone;
  const name = node.metadata.name ?? '';
  w.write(0, `Name:\t${name}\n`);
  w.write(0, `Roles:\t${nodeRoles(node).join(',') || '<none>'}\n`);
  printLabels(w, 'Labels', node.metadata.labels);
  printAnnotations(w, 'Annotations', node.metadata.annotations);
  w.write(0, `CreationTimestamp:\t${rfc1123z(node.metadata.creationTimestamp, tz)}\n`);
  printTaints(w, 'Taints', node.spec.taints);
  w.write(0, `Unschedulable:\t${node.spec.unschedulable === true}\n`);
  const lease = ctx.api().tryGet('Lease', 'kube-node-lease', name);
  w.write(0, 'Lease:\n');
  w.write(1, `HolderIdentity:\t${lease?.spec.holderIdentity ?? '<unset>'}\n`);
  w.write(1, `AcquireTime:\t${lease?.spec.acquireTime ? rfc1123z(lease.spec.acquireTime, tz) : '<unset>'}\n`);
  w.write(1, `RenewTime:\t${lease?.spec.renewTime ? rfc1123z(lease.spec.renewTime, tz) : '<unset>'}\n`);
  const conds = node.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
    w.write(1, '----\t------\t-----------------\t------------------\t------\t-------\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status} \t${rfc1123z(c.lastHeartbeatTime, tz)} \t${rfc1123z(c.lastTransitionTime, tz)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
  }
  w.write(0, 'Addresses:\n');
  for (const a of node.status?.addresses ?? []) w.write(1, `${a.type}:\t${a.address}\n`);
  for (const [title, list] of [['Capacity', node.status?.capacity], ['Allocatable', node.status?.allocatable]] as const) {
    if (Object.keys(list ?? {}).length === 0) continue;
    w.write(0, `${title}:\n`);
    for (const k of Object.keys(list ?? {}).sort()) w.write(0, `  ${k}:\t${formatQuantity(parseQuantity(list?.[k] ?? '') ?? ZERO)}\n`);
  }
  const info = node.status?.nodeInfo;
  w.write(0, 'System Info:\n');
  for (const [label, value] of [['Machine ID', info?.machineID], ['System UUID', info?.systemUUID], ['Boot ID', info?.bootID], ['Kernel Version', info?.kernelVersion], ['OS Image', info?.osImage], ['Operating System', info?.operatingSystem], ['Architecture', info?.architecture], ['Container Runtime Version', info?.containerRuntimeVersion], ['Kubelet Version', info?.kubeletVersion], ['Kube-Proxy Version', info?.kubeProxyVersion]] as const) {
    w.write(0, `  ${label}:\t${value ?? ''}\n`);
  }
  if (node.spec.podCIDR) w.write(0, `PodCIDR:\t${node.spec.podCIDR}\n`);
  if ((node.spec.podCIDRs ?? []).length > 0) w.write(0, `PodCIDRs:\t${(node.spec.podCIDRs ?? []).join(',')}\n`);
  if (node.spec.providerID) w.write(0, `ProviderID:\t${node.spec.providerID}\n`);
  const pods = ctx.api().list('Pod', { fieldSelector: `spec.nodeName=${name},status.phase!=Succeeded,status.phase!=Failed` });
  resourcesSection(w, node, pods, ctx.nowMs());
  describeEvents(w, [...eventsFor(ctx, node), ...eventsFor(ctx, node, false, name)], ctx.nowMs());
  return w.text();
}
