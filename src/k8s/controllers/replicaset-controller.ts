// Layer k8s: the ReplicaSet controller (pkg/controller/replicaset/replica_set.go): keeps
// spec.replicas active pods named `<rs>-<5 chars>` with a controller ownerReference, deletes the
// least useful pods on scale-down, and writes status (replicas, fullyLabeled, ready, available). A
// failed pod write sets the ReplicaFailure condition (FailedCreate/FailedDelete) and requeues with backoff.

import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import type { K8sError } from '../errors.js';
import type { ReplicaSet, ReplicaSetStatus } from '../objects/apps.js';
import { controllerOf, objectKey, type Condition } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { deepEqual } from '../objects/json.js';
import { matches, fromSet } from '../selectors/label-selector.js';
import { EventRecorder } from './event-recorder.js';
import { PodControl } from './pod-control.js';
import { isControlledBy, isPodActive, isPodAvailable, isPodReady, podFromTemplate, podReadySinceMs, scaleDownRank } from './pod-util.js';
import { WorkQueue } from './work-queue.js';

const SOURCE = { component: 'replicaset-controller' } as const;
const SYNC_DELAY_US = 3_000;

export class ReplicaSetController {
  private readonly queue: WorkQueue;
  private readonly pods: PodControl;

  constructor(
    private readonly api: ApiServer,
    scheduler: Scheduler,
    events: EventRecorder,
  ) {
    this.pods = new PodControl(api, events, SOURCE);
    this.queue = new WorkQueue(scheduler, (k) => this.sync(k));
    api.on('ReplicaSet', (e) => this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name ?? ''), SYNC_DELAY_US));
    api.on('Pod', (e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'ReplicaSet') this.queue.add(objectKey(e.object.metadata.namespace, ref.name), SYNC_DELAY_US);
    });
  }

  /** syncReplicaSet: manage, write status (with ReplicaFailure), then fail so the queue backs off. */
  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const rs = this.api.tryGet('ReplicaSet', ns, name);
    if (!rs) return;
    const active = this.ownedPods(rs).filter(isPodActive);
    const err = rs.metadata.deletionTimestamp === undefined ? this.manage(rs, active) : undefined;
    this.updateStatus(rs, err && { error: err, diff: active.length - (rs.spec.replicas ?? 1) });
    if (err) throw err;
  }

  /** manageReplicas; returns the first failed pod write (creation stops there, as the slow-start batch does). */
  private manage(rs: ReplicaSet, active: Pod[]): K8sError | undefined {
    const diff = active.length - (rs.spec.replicas ?? 1);
    if (diff < 0) {
      for (let i = 0; i < -diff; i++) {
        const r = this.pods.create(rs, podFromTemplate(rs.spec.template, rs, `${rs.metadata.name ?? ''}-`));
        if (!r.ok) return r.error;
      }
    } else if (diff > 0) {
      let first: K8sError | undefined;
      for (const p of [...active].sort(scaleDownRank).slice(0, diff)) first ??= this.pods.delete(rs, p);
      return first;
    }
    return undefined;
  }

  /** The pods this ReplicaSet controls, in key order. */
  private ownedPods(rs: ReplicaSet): Pod[] {
    return this.api.dependents('Pod', rs.metadata.uid ?? '').filter((p) => isControlledBy(p, rs));
  }

  /** calculateStatus, then a requeue for pods that become available after minReadySeconds. */
  private updateStatus(rs: ReplicaSet, failure: { error: K8sError; diff: number } | undefined): void {
    const pods = this.ownedPods(rs).filter(isPodActive);
    const minReady = rs.spec.minReadySeconds ?? 0;
    const nowMs = this.api.clock.wallMs();
    const templateSel = fromSet(rs.spec.template.metadata?.labels ?? {});
    const status: ReplicaSetStatus = {
      replicas: pods.length,
      fullyLabeledReplicas: pods.filter((p) => matches(templateSel, p.metadata.labels)).length,
      readyReplicas: pods.filter(isPodReady).length,
      availableReplicas: pods.filter((p) => isPodAvailable(p, minReady, nowMs)).length,
      observedGeneration: rs.metadata.generation ?? 1,
    };
    const conditions = replicaFailure(rs.status?.conditions, failure, this.api.clock.time());
    if (conditions) status.conditions = conditions;
    if (!deepEqual(compact(status), compact(rs.status))) {
      this.api.mutate('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '', (o) => {
        o.status = compact(status);
      }, { subresource: 'status', shallow: true });
    }
    if (minReady > 0) {
      const pendingMs = pods
        .map((p) => podReadySinceMs(p))
        .filter((t): t is number => t !== undefined && t + minReady * 1000 > nowMs)
        .map((t) => t + minReady * 1000 - nowMs);
      if (pendingMs.length > 0) this.queue.add(objectKey(rs.metadata.namespace, rs.metadata.name ?? ''), Math.min(...pendingMs) * 1000 + 1000);
    }
  }
}

/**
 * calculateStatus's ReplicaFailure: set (FailedCreate when short of pods, FailedDelete when over) the
 * first time a sync fails, kept while failures go on, removed by the first clean sync.
 */
function replicaFailure(conds: readonly Condition[] | undefined, failure: { error: K8sError; diff: number } | undefined, now: string): Condition[] | undefined {
  const cur = (conds ?? []).find((c) => c.type === 'ReplicaFailure');
  if (failure && !cur) {
    const reason = failure.diff < 0 ? 'FailedCreate' : failure.diff > 0 ? 'FailedDelete' : '';
    return [...(conds ?? []), { type: 'ReplicaFailure', status: 'True', lastTransitionTime: now, reason, message: failure.error.message }];
  }
  if (!failure && cur) {
    const rest = (conds ?? []).filter((c) => c !== cur);
    return rest.length > 0 ? rest : undefined;
  }
  return conds === undefined ? undefined : [...conds];
}

/** Zero counters are omitted, as `omitempty` marshals them. */
function compact(s: ReplicaSetStatus | undefined): ReplicaSetStatus {
  const out: ReplicaSetStatus = { replicas: s?.replicas ?? 0 };
  if (s?.fullyLabeledReplicas) out.fullyLabeledReplicas = s.fullyLabeledReplicas;
  if (s?.readyReplicas) out.readyReplicas = s.readyReplicas;
  if (s?.availableReplicas) out.availableReplicas = s.availableReplicas;
  if (s?.observedGeneration) out.observedGeneration = s.observedGeneration;
  if (s?.conditions) out.conditions = s.conditions;
  return out;
}
