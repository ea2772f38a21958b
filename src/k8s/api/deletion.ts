// Layer k8s: the delete path of the generic registry (store.go Delete, BeforeDelete, graceful
// deletion in pkg/api/rest/delete.go and the pod strategy's CheckGracefulDelete): bound pods get a
// deletionTimestamp and wait for their kubelet; finalizers and the Foreground/Orphan policies keep
// the object until the garbage collector is done; everything else is removed at once. Works on a
// private draft of the stored (frozen) object.

import { badRequest, conflict } from '../errors.js';
import type { Namespace } from '../objects/core.js';
import type { KubeObject } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { deepClone } from '../objects/json.js';
import type { ApiClock } from '../objects/time.js';
import { groupResourceOf, type ResourceType } from '../resource-registry.js';

export type PropagationPolicy = 'Foreground' | 'Background' | 'Orphan';

export interface DeleteOptions {
  readonly propagationPolicy?: PropagationPolicy;
  /** Overrides the pod's terminationGracePeriodSeconds; 0 with `force` deletes at once. */
  readonly gracePeriodSeconds?: number;
  readonly dryRun?: boolean;
  readonly preconditions?: { readonly uid?: string; readonly resourceVersion?: string };
}

export const FOREGROUND_FINALIZER = 'foregroundDeletion';
export const ORPHAN_FINALIZER = 'orphan';

interface Hooks {
  readonly clock: ApiClock;
  commit(rt: ResourceType, obj: KubeObject, old: KubeObject): KubeObject;
  remove(rt: ResourceType, obj: KubeObject): void;
}

export class DeletionLogic {
  constructor(private readonly h: Hooks) {}

  /** Deletes the stored object `old`; returns its last state. */
  delete(rt: ResourceType, old: KubeObject, opts: DeleteOptions): KubeObject {
    this.checkPreconditions(rt, old, opts);
    if (opts.dryRun) return old;
    const obj = deepClone(old);
    if (rt.kind === 'Namespace') return this.deleteNamespace(rt, obj as Namespace, old);
    if (obj.metadata.deletionTimestamp !== undefined) return this.deleteAgain(rt, obj, old, opts);
    const grace = rt.kind === 'Pod' ? podGrace(obj as Pod, opts) : 0;
    const policy = opts.propagationPolicy ?? 'Background';
    const finalizers = [...(obj.metadata.finalizers ?? [])];
    if (policy === 'Foreground' && !finalizers.includes(FOREGROUND_FINALIZER)) finalizers.push(FOREGROUND_FINALIZER);
    if (policy === 'Orphan' && !finalizers.includes(ORPHAN_FINALIZER)) finalizers.push(ORPHAN_FINALIZER);
    if (grace === 0 && finalizers.length === 0) {
      this.h.remove(rt, obj);
      return obj;
    }
    obj.metadata.deletionTimestamp = this.h.clock.time(this.h.clock.nowUs + grace * 1_000_000);
    obj.metadata.deletionGracePeriodSeconds = grace;
    if (finalizers.length > 0) obj.metadata.finalizers = finalizers;
    return this.h.commit(rt, obj, old);
  }

  private checkPreconditions(rt: ResourceType, obj: KubeObject, opts: DeleteOptions): void {
    const p = opts.preconditions;
    const name = obj.metadata.name ?? '';
    if (p?.uid !== undefined && p.uid !== obj.metadata.uid)
      throw conflict(groupResourceOf(rt), name, `Precondition failed: UID in precondition: ${p.uid}, UID in object meta: ${obj.metadata.uid ?? ''}`);
    if (p?.resourceVersion !== undefined && p.resourceVersion !== obj.metadata.resourceVersion)
      throw conflict(groupResourceOf(rt), name, `Precondition failed: ResourceVersion in precondition: ${p.resourceVersion}, ResourceVersion in object meta: ${obj.metadata.resourceVersion ?? ''}`);
    if (opts.gracePeriodSeconds !== undefined && opts.gracePeriodSeconds < 0) throw badRequest('gracePeriodSeconds must be non-negative');
  }

  /** A second delete of a terminating object: pods may shorten their grace period (0 forces removal). */
  private deleteAgain(rt: ResourceType, obj: KubeObject, old: KubeObject, opts: DeleteOptions): KubeObject {
    if (rt.kind !== 'Pod' || opts.gracePeriodSeconds === undefined) return old;
    const remaining = obj.metadata.deletionGracePeriodSeconds ?? 0;
    if (opts.gracePeriodSeconds === 0 && (obj.metadata.finalizers ?? []).length === 0) {
      this.h.remove(rt, obj);
      return obj;
    }
    if (opts.gracePeriodSeconds >= remaining) return old;
    obj.metadata.deletionTimestamp = this.h.clock.time(this.h.clock.nowUs + opts.gracePeriodSeconds * 1_000_000);
    obj.metadata.deletionGracePeriodSeconds = opts.gracePeriodSeconds;
    return this.h.commit(rt, obj, old);
  }

  private deleteNamespace(rt: ResourceType, ns: Namespace, old: KubeObject): KubeObject {
    if (ns.metadata.deletionTimestamp !== undefined) return old;
    ns.metadata.deletionTimestamp = this.h.clock.time();
    ns.metadata.deletionGracePeriodSeconds = 0;
    ns.status = { ...(ns.status ?? {}), phase: 'Terminating' };
    return this.h.commit(rt, ns, old);
  }
}

/** The pod strategy's CheckGracefulDelete: unscheduled or finished pods go at once. */
function podGrace(pod: Pod, opts: DeleteOptions): number {
  const phase = pod.status?.phase;
  if (!pod.spec.nodeName || phase === 'Succeeded' || phase === 'Failed') return 0;
  return opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
}
