// Layer k8s: the rolling-update arithmetic of the Deployment controller (pkg/controller/deployment
// rolling.go: reconcileNewReplicaSet, reconcileOldReplicaSets, cleanupUnhealthyReplicas,
// scaleDownOldReplicaSetsForRollingUpdate; util NewRSNewReplicas) and its status (sync.go
// calculateStatus, progress.go syncRolloutStatus). Pure functions over the objects.

import type { Deployment, DeploymentStatus, ReplicaSet } from '../objects/apps.js';
import { MSG, condition, fenceposts, setCondition } from './deployment-util.js';

export const specReplicas = (rs: ReplicaSet): number => rs.spec.replicas ?? 0;
const sum = (list: readonly ReplicaSet[], f: (rs: ReplicaSet) => number): number => list.reduce((n, rs) => n + f(rs), 0);
const byAge = (a: ReplicaSet, b: ReplicaSet): number =>
  (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '') || (a.metadata.name ?? '').localeCompare(b.metadata.name ?? '');

/** NewRSNewReplicas: how far the new ReplicaSet may grow now. */
export function newRsReplicas(d: Deployment, all: readonly ReplicaSet[], newRs: ReplicaSet | undefined): number {
  const replicas = d.spec.replicas ?? 1;
  const cur = newRs ? specReplicas(newRs) : 0;
  if (d.spec.strategy?.type === 'Recreate') return replicas;
  const { maxSurge } = fenceposts(d);
  const current = sum(all, specReplicas);
  const maxTotal = replicas + maxSurge;
  if (current >= maxTotal) return cur;
  return cur + Math.max(0, Math.min(maxTotal - current, replicas - cur));
}

export type ScaleFn = (rs: ReplicaSet, to: number) => void;

/** reconcileNewReplicaSet; returns whether it scaled. */
export function reconcileNewRs(d: Deployment, all: readonly ReplicaSet[], newRs: ReplicaSet, scale: ScaleFn): boolean {
  const replicas = d.spec.replicas ?? 1;
  if (specReplicas(newRs) === replicas) return false;
  const target = specReplicas(newRs) > replicas ? replicas : newRsReplicas(d, all, newRs);
  if (target === specReplicas(newRs)) return false;
  scale(newRs, target);
  return true;
}

/** reconcileOldReplicaSets; returns whether it scaled anything down. */
export function reconcileOldRss(d: Deployment, all: readonly ReplicaSet[], old: readonly ReplicaSet[], newRs: ReplicaSet, scale: ScaleFn): boolean {
  if (sum(old, specReplicas) === 0) return false;
  const { maxUnavailable } = fenceposts(d);
  const minAvailable = (d.spec.replicas ?? 1) - maxUnavailable;
  const newUnavailable = specReplicas(newRs) - (newRs.status?.availableReplicas ?? 0);
  const maxScaledDown = sum(all, specReplicas) - minAvailable - newUnavailable;
  if (maxScaledDown <= 0) return false;
  // Sizes this pass already set (the listed ReplicaSets are the stored, frozen ones).
  const sized = new Map<ReplicaSet, number>();
  const size = (rs: ReplicaSet): number => sized.get(rs) ?? specReplicas(rs);
  const resize = (rs: ReplicaSet, to: number): void => {
    scale(rs, to);
    sized.set(rs, to);
  };
  let total = 0;
  // cleanupUnhealthyReplicas: old pods that are not available go first.
  for (const rs of [...old].sort(byAge)) {
    if (total >= maxScaledDown) break;
    const avail = rs.status?.availableReplicas ?? 0;
    if (size(rs) === 0 || size(rs) === avail) continue;
    const n = Math.min(maxScaledDown - total, size(rs) - avail);
    resize(rs, size(rs) - n);
    total += n;
  }
  // scaleDownOldReplicaSetsForRollingUpdate: then available ones, keeping minAvailable.
  const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0);
  let budget = Math.min(available - minAvailable, maxScaledDown - total);
  for (const rs of [...old].sort(byAge)) {
    if (budget <= 0) break;
    if (size(rs) === 0) continue;
    const n = Math.min(size(rs), budget);
    resize(rs, size(rs) - n);
    budget -= n;
    total += n;
  }
  return total > 0;
}

/** calculateStatus + the Available condition. */
export function calculateStatus(d: Deployment, all: readonly ReplicaSet[], newRs: ReplicaSet | undefined, now: string): DeploymentStatus {
  const replicas = d.spec.replicas ?? 1;
  const available = sum(all, (rs) => rs.status?.availableReplicas ?? 0);
  const total = sum(all, specReplicas);
  const st: DeploymentStatus = {
    observedGeneration: d.metadata.generation ?? 1,
    replicas: sum(all, (rs) => rs.status?.replicas ?? 0),
    updatedReplicas: newRs?.status?.replicas ?? 0,
    readyReplicas: sum(all, (rs) => rs.status?.readyReplicas ?? 0),
    availableReplicas: available,
    unavailableReplicas: Math.max(0, total - available),
  };
  if (d.status?.conditions) st.conditions = d.status.conditions.map((c) => ({ ...c }));
  if (d.status?.collisionCount !== undefined) st.collisionCount = d.status.collisionCount;
  const { maxUnavailable } = fenceposts(d);
  if (available >= replicas - maxUnavailable) setCondition(st, condition('Available', 'True', 'MinimumReplicasAvailable', MSG.minAvailable, now));
  else setCondition(st, condition('Available', 'False', 'MinimumReplicasUnavailable', MSG.minUnavailable, now));
  return st;
}

/** DeploymentComplete. */
export function isComplete(d: Deployment, st: DeploymentStatus): boolean {
  const r = d.spec.replicas ?? 1;
  return st.updatedReplicas === r && st.replicas === r && st.availableReplicas === r && (st.observedGeneration ?? 0) >= (d.metadata.generation ?? 1);
}

/** DeploymentProgressing: any counter moved the right way since the stored status. */
function isProgressing(d: Deployment, st: DeploymentStatus): boolean {
  const o = d.status ?? {};
  const oldOld = (o.replicas ?? 0) - (o.updatedReplicas ?? 0);
  const newOld = (st.replicas ?? 0) - (st.updatedReplicas ?? 0);
  return (
    (st.updatedReplicas ?? 0) > (o.updatedReplicas ?? 0) ||
    newOld < oldOld ||
    (st.readyReplicas ?? 0) > (o.readyReplicas ?? 0) ||
    (st.availableReplicas ?? 0) > (o.availableReplicas ?? 0)
  );
}

/** syncRolloutStatus's Progressing condition; returns µs until the deadline check is due (or undefined). */
export function progressCondition(d: Deployment, st: DeploymentStatus, newRs: ReplicaSet | undefined, nowMs: number, fmt: (ms: number) => string): number | undefined {
  const deadline = d.spec.progressDeadlineSeconds;
  if (deadline === undefined || newRs === undefined) return undefined;
  const rsName = newRs.metadata.name ?? '';
  const now = fmt(nowMs);
  const cur = (st.conditions ?? []).find((c) => c.type === 'Progressing');
  if (isComplete(d, st)) {
    setCondition(st, condition('Progressing', 'True', 'NewReplicaSetAvailable', MSG.rsAvailable(rsName), now));
    return undefined;
  }
  if (isProgressing(d, st)) {
    const c = condition('Progressing', 'True', 'ReplicaSetUpdated', MSG.rsUpdated(rsName), now);
    if (cur?.status === 'True' && cur.lastTransitionTime !== undefined) c.lastTransitionTime = cur.lastTransitionTime;
    st.conditions = (st.conditions ?? []).filter((x) => x.type !== 'Progressing');
    setCondition(st, c);
    return deadline * 1_000_000;
  }
  if (cur?.reason === 'ProgressDeadlineExceeded') return undefined;
  const since = cur?.lastUpdateTime === undefined ? nowMs : Date.parse(cur.lastUpdateTime);
  if (since + deadline * 1000 <= nowMs) {
    setCondition(st, condition('Progressing', 'False', 'ProgressDeadlineExceeded', MSG.timedOut(rsName), now));
    return undefined;
  }
  return Math.max(1, since + deadline * 1000 - nowMs) * 1000;
}

/**
 * syncRolloutStatus's last step (getReplicaFailures): the new ReplicaSet's ReplicaFailure condition, else
 * an old one's, becomes the Deployment's (ReplicaSetToDeploymentCondition); none removes it.
 */
export function moveReplicaFailure(st: DeploymentStatus, all: readonly ReplicaSet[], newRs: ReplicaSet | undefined): void {
  const failureOf = (rs: ReplicaSet | undefined) => rs?.status?.conditions?.find((c) => c.type === 'ReplicaFailure');
  const rc = failureOf(newRs) ?? all.map(failureOf).find((c) => c !== undefined);
  if (rc === undefined) {
    const rest = (st.conditions ?? []).filter((c) => c.type !== 'ReplicaFailure');
    if (rest.length > 0) st.conditions = rest;
    else delete st.conditions;
    return;
  }
  const time = rc.lastTransitionTime ?? '';
  setCondition(st, { type: 'ReplicaFailure', status: rc.status, lastUpdateTime: time, lastTransitionTime: time, reason: rc.reason ?? '', message: rc.message ?? '' });
}
