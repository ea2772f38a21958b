// Layer k8s: the garbage collector (pkg/controller/garbagecollector): deletes dependents whose
// owners are gone (Background), deletes the dependents of an owner held by the `foregroundDeletion`
// finalizer and then releases it, and orphans dependents of an owner held by `orphan`.

import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../api/deletion.js';
import type { KubeObject } from '../objects/meta.js';
import { isK8sError } from '../errors.js';
import { WorkQueue } from './work-queue.js';

const GC_DELAY_US = 30_000;

export class GarbageCollector {
  private readonly queue: WorkQueue;

  constructor(
    private readonly api: ApiServer,
    scheduler: Scheduler,
  ) {
    this.queue = new WorkQueue(scheduler, (uid) => this.process(uid));
    api.onAny((e) => {
      const uid = e.object.metadata.uid ?? '';
      if (e.type === 'DELETED') this.queue.add(uid, GC_DELAY_US);
      else if (e.object.metadata.deletionTimestamp !== undefined && hasAny(e.object, [FOREGROUND_FINALIZER, ORPHAN_FINALIZER]))
        this.queue.add(uid, GC_DELAY_US);
      for (const ref of e.object.metadata.ownerReferences ?? []) if (e.type === 'DELETED') this.queue.add(ref.uid, GC_DELAY_US);
    });
  }

  private find(uid: string): KubeObject | undefined {
    return this.api.byUid(uid);
  }

  private dependents(uid: string): KubeObject[] {
    return this.api.allDependents(uid);
  }

  /** Handles one owner uid: gone, foreground-deleting, orphaning, or alive (nothing to do). */
  private process(uid: string): void {
    const owner = this.find(uid);
    if (owner === undefined) {
      for (const d of this.dependents(uid)) this.deleteOrDetach(d, uid);
      return;
    }
    if (owner.metadata.deletionTimestamp === undefined) return;
    if (hasAny(owner, [ORPHAN_FINALIZER])) {
      for (const d of this.dependents(uid)) this.detach(d, uid);
      this.removeFinalizer(owner, ORPHAN_FINALIZER);
    } else if (hasAny(owner, [FOREGROUND_FINALIZER])) {
      const blocking = this.dependents(uid);
      for (const d of blocking) if (d.metadata.deletionTimestamp === undefined) this.tryDelete(d, 'Foreground');
      const left = this.dependents(uid).filter((d) => (d.metadata.ownerReferences ?? []).some((r) => r.uid === uid && r.blockOwnerDeletion === true));
      if (left.length === 0) this.removeFinalizer(owner, FOREGROUND_FINALIZER);
    }
  }

  /** A dependent whose owner `uid` is gone: deleted if no live owner remains, else the reference is dropped. */
  private deleteOrDetach(d: KubeObject, uid: string): void {
    const live = (d.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid && this.find(r.uid) !== undefined);
    if (live.length === 0) {
      if (d.metadata.deletionTimestamp === undefined) this.tryDelete(d, 'Background');
    } else this.detach(d, uid);
  }

  private tryDelete(d: KubeObject, policy: 'Background' | 'Foreground'): void {
    try {
      this.api.delete(d.kind, d.metadata.namespace, d.metadata.name ?? '', { propagationPolicy: policy, preconditions: { uid: d.metadata.uid ?? '' } });
    } catch (e) {
      if (!isK8sError(e)) throw e;
    }
  }

  private detach(d: KubeObject, uid: string): void {
    this.api.mutate(d.kind, d.metadata.namespace, d.metadata.name ?? '', (o) => {
      const refs = (o.metadata.ownerReferences ?? []).filter((r) => r.uid !== uid);
      if (refs.length > 0) o.metadata.ownerReferences = refs;
      else delete o.metadata.ownerReferences;
    }, { shallow: true });
  }

  private removeFinalizer(owner: KubeObject, finalizer: string): void {
    this.api.mutate(owner.kind, owner.metadata.namespace, owner.metadata.name ?? '', (o) => {
      const rest = (o.metadata.finalizers ?? []).filter((f) => f !== finalizer);
      if (rest.length > 0) o.metadata.finalizers = rest;
      else delete o.metadata.finalizers;
    }, { shallow: true });
  }
}

function hasAny(o: KubeObject, finalizers: readonly string[]): boolean {
  return (o.metadata.finalizers ?? []).some((f) => finalizers.includes(f));
}
