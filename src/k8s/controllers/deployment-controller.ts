// Layer k8s: the Deployment controller (pkg/controller/deployment: sync.go getNewReplicaSet,
// rolling.go rolloutRolling, recreate.go, sync.go cleanupDeployment/scaleReplicaSet). Owns
// ReplicaSets named `<deployment>-<pod-template-hash>`, rolls them on template changes (including
// `kubectl rollout restart`), records ScalingReplicaSet events and writes status and conditions.

import type { Scheduler, Timer } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import type { Deployment, DeploymentStatus, ReplicaSet } from '../objects/apps.js';
import { deepClone, deepEqual } from '../objects/json.js';
import { controllerOf, objectKey } from '../objects/meta.js';
import { formatTime } from '../objects/time.js';
import {
  DESIRED_ANNOTATION, HASH_LABEL, MAX_ANNOTATION, MSG, REVISION_ANNOTATION, condition, equalIgnoreHash, fenceposts, podTemplateHash,
  revisionOf, setCondition,
} from './deployment-util.js';
import {
  calculateStatus, isComplete, moveReplicaFailure, newRsReplicas, progressCondition, reconcileNewRs, reconcileOldRss, specReplicas,
} from './deployment-rollout.js';
import { EventRecorder } from './event-recorder.js';
import { controllerRef, isControlledBy } from './pod-util.js';
import { WorkQueue } from './work-queue.js';

const SOURCE = { component: 'deployment-controller' } as const;
const SYNC_DELAY_US = 4_000;
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration', REVISION_ANNOTATION, DESIRED_ANNOTATION, MAX_ANNOTATION]);

export class DeploymentController {
  private readonly queue: WorkQueue;
  /** progressDeadlineSeconds checks, armed only while a rollout is unfinished (so an idle lab stays idle). */
  private readonly deadlines = new Map<string, Timer>();

  constructor(
    private readonly api: ApiServer,
    private readonly scheduler: Scheduler,
    private readonly events: EventRecorder,
  ) {
    this.queue = new WorkQueue(scheduler, (k) => this.sync(k));
    api.on('Deployment', (e) => this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name ?? ''), SYNC_DELAY_US));
    api.on('ReplicaSet', (e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'Deployment') this.queue.add(objectKey(e.object.metadata.namespace, ref.name), SYNC_DELAY_US);
    });
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const stored = this.api.tryGet('Deployment', ns, name);
    if (!stored) return;
    // A shallow copy: the revision and Progressing writes below refresh its metadata and status.
    const d = { ...stored };
    const all = this.owned(d);
    if (d.metadata.deletionTimestamp !== undefined || d.spec.paused) return this.writeStatus(d, all, all.find((rs) => equalIgnoreHash(rs.spec.template, d.spec.template)));
    const newRs = this.getNewRs(d, all);
    const allRss = all.some((rs) => rs.metadata.uid === newRs.metadata.uid) ? all.map((rs) => (rs.metadata.uid === newRs.metadata.uid ? newRs : rs)) : [...all, newRs];
    const old = allRss.filter((rs) => rs.metadata.uid !== newRs.metadata.uid);
    const scale = (rs: ReplicaSet, to: number): void => this.scaleRs(d, rs, to);
    if (d.spec.strategy?.type === 'Recreate') this.recreate(d, old, newRs, scale);
    else if (!reconcileNewRs(d, allRss, newRs, scale) && !reconcileOldRss(d, allRss, old, newRs, scale)) {
      const st = calculateStatus(d, allRss, newRs, this.api.clock.time());
      if (isComplete(d, st)) this.cleanup(d, old);
    }
    this.writeStatus(d, this.owned(d), newRs);
  }

  /** The ReplicaSets this Deployment controls, in key order. */
  private owned(d: Deployment): ReplicaSet[] {
    return this.api.dependents('ReplicaSet', d.metadata.uid ?? '').filter((rs) => isControlledBy(rs, d));
  }

  /** rolloutRecreate: old pods all go before the new ReplicaSet scales up. */
  private recreate(d: Deployment, old: ReplicaSet[], newRs: ReplicaSet, scale: (rs: ReplicaSet, to: number) => void): void {
    const active = old.filter((rs) => specReplicas(rs) > 0);
    for (const rs of active) scale(rs, 0);
    if (active.length > 0 || old.some((rs) => (rs.status?.replicas ?? 0) > 0)) return;
    if (specReplicas(newRs) !== (d.spec.replicas ?? 1)) scale(newRs, d.spec.replicas ?? 1);
  }

  /** getNewReplicaSet: find the ReplicaSet matching the template (bumping its revision) or create it. */
  private getNewRs(d: Deployment, all: ReplicaSet[]): ReplicaSet {
    const current = all.map((rs) => equalIgnoreHash(rs.spec.template, d.spec.template));
    const maxOld = Math.max(0, ...all.filter((_, i) => !current[i]).map(revisionOf));
    const existing = all.filter((_, i) => current[i]).sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''))[0];
    if (existing) {
      const revision = revisionOf(existing) > maxOld ? revisionOf(existing) : maxOld + 1;
      const updated = this.syncRsAnnotations(d, existing, revision);
      this.setDeploymentRevision(d, revision);
      if (!(d.status?.conditions ?? []).some((c) => c.type === 'Progressing'))
        this.setProgressing(d, 'FoundNewReplicaSet', MSG.foundNewRs(existing.metadata.name ?? ''));
      return updated;
    }
    return this.createRs(d, all, maxOld + 1);
  }

  private createRs(d: Deployment, all: ReplicaSet[], revision: number): ReplicaSet {
    const hash = podTemplateHash(d.spec.template, d.status?.collisionCount);
    // The stored template's spec is shared, not copied: the ReplicaSet's template is the same data.
    const t = d.spec.template;
    const template = { ...t, metadata: { ...(t.metadata ?? {}), labels: { ...(t.metadata?.labels ?? {}), [HASH_LABEL]: hash } } };
    const selector = deepClone(d.spec.selector);
    selector.matchLabels = { ...(selector.matchLabels ?? {}), [HASH_LABEL]: hash };
    const name = `${d.metadata.name ?? ''}-${hash}`;
    const draft: ReplicaSet = {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: { name, namespace: d.metadata.namespace ?? 'default', labels: { ...(template.metadata.labels ?? {}) }, annotations: this.rsAnnotations(d, revision), ownerReferences: [controllerRef(d)] },
      spec: { replicas: 0, selector, template },
    };
    if (d.spec.minReadySeconds) draft.spec.minReadySeconds = d.spec.minReadySeconds;
    const replicas = newRsReplicas(d, all, draft);
    draft.spec.replicas = replicas;
    const rs = this.api.create(draft, { typed: true });
    if (replicas > 0) this.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} from 0 to ${replicas}`, SOURCE);
    this.setDeploymentRevision(d, revision);
    this.setProgressing(d, 'NewReplicaSetCreated', MSG.newRsCreated(name));
    return rs;
  }

  private rsAnnotations(d: Deployment, revision: number): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!SKIP_ANNOTATIONS.has(k)) out[k] = v;
    const { maxSurge } = fenceposts(d);
    out[DESIRED_ANNOTATION] = String(d.spec.replicas ?? 1);
    out[MAX_ANNOTATION] = String((d.spec.replicas ?? 1) + (d.spec.strategy?.type === 'Recreate' ? 0 : maxSurge));
    out[REVISION_ANNOTATION] = String(revision);
    return out;
  }

  private syncRsAnnotations(d: Deployment, rs: ReplicaSet, revision: number): ReplicaSet {
    const want = { ...(rs.metadata.annotations ?? {}), ...this.rsAnnotations(d, revision) };
    if (deepEqual(want, rs.metadata.annotations)) return rs;
    return this.api.mutate('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '', (o) => {
      o.metadata.annotations = want;
    }, { shallow: true }) ?? rs;
  }

  private setDeploymentRevision(d: Deployment, revision: number): void {
    if (d.metadata.annotations?.[REVISION_ANNOTATION] === String(revision)) return;
    const out = this.api.mutate('Deployment', d.metadata.namespace, d.metadata.name ?? '', (o) => {
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), [REVISION_ANNOTATION]: String(revision) };
    }, { shallow: true });
    if (out) d.metadata = out.metadata;
  }

  private setProgressing(d: Deployment, reason: string, message: string): void {
    const out = this.api.mutate('Deployment', d.metadata.namespace, d.metadata.name ?? '', (o) => {
      o.status ??= {};
      setCondition(o.status, condition('Progressing', 'True', reason, message, this.api.clock.time()));
    }, { subresource: 'status', shallow: true });
    if (out) d.status = out.status ?? {};
  }

  /** scaleReplicaSet: new size plus desired/max annotations, and the ScalingReplicaSet event. */
  private scaleRs(d: Deployment, rs: ReplicaSet, to: number): void {
    const from = specReplicas(this.api.tryGet('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '') ?? rs);
    this.api.mutate('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '', (o) => {
      o.spec.replicas = to;
      o.metadata.annotations = { ...(o.metadata.annotations ?? {}), ...this.rsAnnotations(d, revisionOf(o)) };
    }, { shallow: true });
    if (from !== to) this.events.record(d, 'Normal', 'ScalingReplicaSet', `Scaled ${to > from ? 'up' : 'down'} replica set ${rs.metadata.name ?? ''} from ${from} to ${to}`, SOURCE);
  }

  /** cleanupDeployment: old, empty ReplicaSets beyond revisionHistoryLimit are deleted, oldest first. */
  private cleanup(d: Deployment, old: ReplicaSet[]): void {
    const limit = d.spec.revisionHistoryLimit ?? 10;
    const empty = old.filter((rs) => specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && rs.metadata.deletionTimestamp === undefined);
    const excess = empty.length - limit;
    if (excess <= 0) return;
    for (const rs of empty.sort((a, b) => revisionOf(a) - revisionOf(b)).slice(0, excess)) this.api.delete('ReplicaSet', rs.metadata.namespace, rs.metadata.name ?? '');
  }

  private writeStatus(d: Deployment, all: ReplicaSet[], newRs: ReplicaSet | undefined): void {
    const st = compactStatus(calculateStatus(d, all, newRs, this.api.clock.time()));
    const recheckUs = progressCondition(d, st, newRs, this.api.clock.wallMs(), formatTime);
    moveReplicaFailure(st, all, newRs);
    this.armDeadline(objectKey(d.metadata.namespace, d.metadata.name ?? ''), recheckUs);
    if (deepEqual(st, d.status)) return;
    this.api.mutate('Deployment', d.metadata.namespace, d.metadata.name ?? '', (o) => {
      o.status = st;
    }, { subresource: 'status', shallow: true });
  }

  private armDeadline(key: string, inUs: number | undefined): void {
    const cur = this.deadlines.get(key);
    if (inUs === undefined) {
      this.scheduler.cancel(cur);
      this.deadlines.delete(key);
      return;
    }
    // The deadline comes from wall-clock milliseconds with a fraction; the virtual clock counts whole µs.
    const at = this.scheduler.nowUs + Math.ceil(inUs);
    if (cur && !cur.cancelled && cur.atUs === at) return;
    this.scheduler.cancel(cur);
    this.deadlines.set(key, this.scheduler.at(at, () => {
      this.deadlines.delete(key);
      this.queue.add(key);
    }));
  }
}

const OMITTED_WHEN_ZERO = new Set(['replicas', 'updatedReplicas', 'readyReplicas', 'availableReplicas', 'unavailableReplicas']);

/** Zero counters are omitted from the stored status (`omitempty`); copied without them (not deleted, which slows the object). */
function compactStatus(st: DeploymentStatus): DeploymentStatus {
  const src = st as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const k in src) if (!(src[k] === 0 && OMITTED_WHEN_ZERO.has(k))) out[k] = src[k];
  return out as DeploymentStatus;
}
