// Layer tools (kubectl): `kubectl describe deployment|replicaset|daemonset` (describeDeployment,
// describeReplicaSet, describeDaemonSet): counts, strategy, the pod template, conditions, the old and new
// replica sets, pod phases of the controller's pods, and events.

import { deepEqual, type DaemonSet, type Deployment, type KubeObject, type Pod, type PodTemplateSpec, type ReplicaSet } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { formatLabelSelector, formatLabels, selectorString } from '../printers/format.js';
import { describeEvents, eventsFor, printAnnotations, printLabels } from './common.js';
import { describePodTemplate } from './pod-template.js';
import { PrefixWriter, rfc1123z } from './prefix-writer.js';

/** EqualIgnoreHash: templates equal apart from the pod-template-hash label. */
function sameTemplate(a: PodTemplateSpec, b: PodTemplateSpec): boolean {
  const strip = (t: PodTemplateSpec): PodTemplateSpec => {
    const labels = { ...(t.metadata?.labels ?? {}) };
    delete labels['pod-template-hash'];
    return { ...t, metadata: { ...(t.metadata ?? {}), labels } };
  };
  return deepEqual(strip(a), strip(b));
}

/** GetAllReplicaSets: the new replica set (the deployment's template, oldest first) and all old ones. */
export function deploymentReplicaSets(ctx: Ctx, d: Deployment): { newRs: ReplicaSet | undefined; old: ReplicaSet[] } {
  const owned = ctx.api().list('ReplicaSet', { namespace: d.metadata.namespace ?? '' }).filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === d.metadata.uid));
  const created = (rs: ReplicaSet): number => Date.parse(rs.metadata.creationTimestamp ?? '') || 0;
  const newRs = [...owned].sort((a, b) => created(a) - created(b)).find((rs) => sameTemplate(rs.spec.template, d.spec.template));
  return { newRs, old: owned.filter((rs) => rs !== newRs) };
}

function rsList(list: readonly ReplicaSet[]): string {
  return list.map((rs) => `${rs.metadata.name ?? ''} (${rs.status?.replicas ?? 0}/${rs.spec.replicas ?? 0} replicas created)`).join(', ') || '<none>';
}

export function describeDeployment(ctx: Ctx, d: Deployment): string {
  const w = new PrefixWriter();
  const tz = ctx.lab.spec.clock.timezone;
  const st = d.status ?? {};
  w.write(0, `Name:\t${d.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${d.metadata.namespace ?? ''}\n`);
  w.write(0, `CreationTimestamp:\t${rfc1123z(d.metadata.creationTimestamp, tz)}\n`);
  printLabels(w, 'Labels', d.metadata.labels);
  printAnnotations(w, 'Annotations', d.metadata.annotations);
  w.write(0, `Selector:\t${selectorString(d.spec.selector)}\n`);
  w.write(0, `Replicas:\t${d.spec.replicas ?? 0} desired | ${st.updatedReplicas ?? 0} updated | ${st.replicas ?? 0} total | ${st.availableReplicas ?? 0} available | ${st.unavailableReplicas ?? 0} unavailable\n`);
  w.write(0, `StrategyType:\t${d.spec.strategy?.type ?? ''}\n`);
  w.write(0, `MinReadySeconds:\t${d.spec.minReadySeconds ?? 0}\n`);
  const ru = d.spec.strategy?.rollingUpdate;
  if (ru) w.write(0, `RollingUpdateStrategy:\t${String(ru.maxUnavailable ?? 0)} max unavailable, ${String(ru.maxSurge ?? 0)} max surge\n`);
  describePodTemplate(w, d.spec.template, tz);
  if ((st.conditions ?? []).length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of st.conditions ?? []) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  const { newRs, old } = deploymentReplicaSets(ctx, d);
  if (newRs || old.length > 0) {
    w.write(0, `OldReplicaSets:\t${rsList(old)}\n`);
    w.write(0, `NewReplicaSet:\t${rsList(newRs ? [newRs] : [])}\n`);
  }
  describeEvents(w, eventsFor(ctx, d), ctx.nowMs());
  return w.text();
}

/** getPodStatusForController: phases of the pods the controller owns. */
function podPhases(ctx: Ctx, owner: KubeObject, selector: string): string {
  const pods = ctx.api().list('Pod', { namespace: owner.metadata.namespace ?? '', labelSelector: selector }).filter((p: Pod) => (p.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid));
  const n = (phase: string): number => pods.filter((p) => p.status?.phase === phase).length;
  return `${n('Running')} Running / ${n('Pending')} Waiting / ${n('Succeeded')} Succeeded / ${n('Failed')} Failed`;
}

export function describeDaemonSet(ctx: Ctx, ds: DaemonSet): string {
  const w = new PrefixWriter();
  const st = ds.status;
  const selector = selectorString(ds.spec.selector);
  w.write(0, `Name:\t${ds.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${ds.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${selector}\n`);
  w.write(0, `Node-Selector:\t${formatLabels(ds.spec.template.spec.nodeSelector)}\n`);
  printLabels(w, 'Labels', ds.metadata.labels);
  printAnnotations(w, 'Annotations', ds.metadata.annotations);
  w.write(0, `Desired Number of Nodes Scheduled: ${st?.desiredNumberScheduled ?? 0}\n`);
  w.write(0, `Current Number of Nodes Scheduled: ${st?.currentNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Up-to-date Pods: ${st?.updatedNumberScheduled ?? 0}\n`);
  w.write(0, `Number of Nodes Scheduled with Available Pods: ${st?.numberAvailable ?? 0}\n`);
  w.write(0, `Number of Nodes Misscheduled: ${st?.numberMisscheduled ?? 0}\n`);
  w.write(0, `Pods Status:\t${podPhases(ctx, ds, selector)}\n`);
  describePodTemplate(w, ds.spec.template, ctx.lab.spec.clock.timezone);
  describeEvents(w, eventsFor(ctx, ds), ctx.nowMs());
  return w.text();
}

export function describeReplicaSet(ctx: Ctx, rs: ReplicaSet): string {
  const w = new PrefixWriter();
  const selector = selectorString(rs.spec.selector);
  w.write(0, `Name:\t${rs.metadata.name ?? ''}\n`);
  w.write(0, `Namespace:\t${rs.metadata.namespace ?? ''}\n`);
  w.write(0, `Selector:\t${formatLabelSelector(rs.spec.selector)}\n`);
  printLabels(w, 'Labels', rs.metadata.labels);
  printAnnotations(w, 'Annotations', rs.metadata.annotations);
  const ref = (rs.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  if (ref) w.write(0, `Controlled By:\t${ref.kind}/${ref.name}\n`);
  w.write(0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec.replicas ?? 0} desired\n`);
  w.write(0, `Pods Status:\t${podPhases(ctx, rs, selector)}\n`);
  describePodTemplate(w, rs.spec.template, ctx.lab.spec.clock.timezone);
  const conds = rs.status?.conditions ?? [];
  if (conds.length > 0) {
    w.write(0, 'Conditions:\n  Type\tStatus\tReason\n');
    w.write(1, '----\t------\t------\n');
    for (const c of conds) w.write(1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
  }
  describeEvents(w, eventsFor(ctx, rs), ctx.nowMs());
  return w.text();
}
