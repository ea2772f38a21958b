// Layer k8s: the DaemonSet controller (pkg/controller/daemon/daemon_controller.go manage/syncNodes,
// update.go rollingUpdate, status): one pod `<ds>-<5 chars>` per eligible node, replaced on
// template change at most maxUnavailable nodes at a time (waiting for readiness), with
// ControllerRevisions and the desired/current/ready/upToDate/available/misscheduled status.

import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import type { K8sError } from '../errors.js';
import type { DaemonSet, DaemonSetStatus } from '../objects/apps.js';
import type { Node } from '../objects/core.js';
import { deepEqual } from '../objects/json.js';
import { controllerOf, objectKey } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { EventRecorder } from './event-recorder.js';
import { REVISION_HASH_LABEL, daemonPod, daemonSetHash, maxUnavailableOf, nodeShouldRun } from './daemonset-util.js';
import { ensureControllerRevision } from './controller-revision.js';
import { PodControl } from './pod-control.js';
import { isControlledBy, isPodAvailable, isPodReady } from './pod-util.js';
import { WorkQueue } from './work-queue.js';

const SOURCE = { component: 'daemonset-controller' } as const;
const SYNC_DELAY_US = 4_000;

interface NodePods {
  readonly node: Node;
  readonly shouldRun: boolean;
  readonly shouldContinue: boolean;
  /** Pods not being deleted, oldest first. */
  readonly live: Pod[];
  readonly terminating: Pod[];
}

/** What a manage or rolling-update pass did: whether it wrote pods, and its first failed pod write. */
interface Outcome {
  readonly acted: boolean;
  readonly error: K8sError | undefined;
}

/** The node a daemon pod is for: where it runs, or the node its matchFields affinity pins it to. */
function targetNode(p: Pod): string | undefined {
  return p.spec.nodeName ?? p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]?.values?.[0];
}

function oldestFirst(a: Pod, b: Pod): number {
  return (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? '');
}

export class DaemonSetController {
  private readonly queue: WorkQueue;
  private readonly pods: PodControl;

  constructor(
    private readonly api: ApiServer,
    scheduler: Scheduler,
    events: EventRecorder,
  ) {
    this.pods = new PodControl(api, events, SOURCE);
    this.queue = new WorkQueue(scheduler, (k) => this.sync(k));
    api.on('DaemonSet', (e) => this.queue.add(objectKey(e.object.metadata.namespace, e.object.metadata.name ?? ''), SYNC_DELAY_US));
    api.on('Pod', (e) => {
      const ref = controllerOf(e.object);
      if (ref?.kind === 'DaemonSet') this.queue.add(objectKey(e.object.metadata.namespace, ref.name), SYNC_DELAY_US);
    });
    api.on('Node', () => {
      for (const ds of api.list('DaemonSet')) this.queue.add(objectKey(ds.metadata.namespace, ds.metadata.name ?? ''), SYNC_DELAY_US);
    });
  }

  private sync(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const ds = this.api.tryGet('DaemonSet', ns, name);
    if (!ds) return;
    const hash = daemonSetHash(ds.spec.template, ds.status?.collisionCount);
    let nodes = this.nodePods(ds);
    let error: K8sError | undefined;
    if (ds.metadata.deletionTimestamp === undefined) {
      ensureControllerRevision(this.api, ds, hash);
      let r = this.manage(ds, nodes, hash);
      if (!r.acted && r.error === undefined && ds.spec.updateStrategy?.type !== 'OnDelete') r = this.rollingUpdate(ds, nodes, hash);
      error = r.error;
      if (r.acted) nodes = this.nodePods(ds);
    }
    this.updateStatus(ds, nodes, hash);
    // syncDaemonSet returns manage's error after the status write, so the queue retries with backoff.
    if (error) throw error;
  }

  /** Each node with the daemon pods meant for it (every sync asks: built without intermediate lists). */
  private nodePods(ds: DaemonSet): NodePods[] {
    const pods = this.api.dependents('Pod', ds.metadata.uid ?? '');
    const targets = pods.map((p) => (isControlledBy(p, ds) ? targetNode(p) : undefined));
    return this.api.list('Node').map((node) => {
      const live: Pod[] = [];
      const terminating: Pod[] = [];
      for (let i = 0; i < pods.length; i++) {
        const p = pods[i] as Pod;
        if (targets[i] === node.metadata.name) (p.metadata.deletionTimestamp === undefined ? live : terminating).push(p);
      }
      if (live.length > 1) live.sort(oldestFirst);
      if (terminating.length > 1) terminating.sort(oldestFirst);
      const run = nodeShouldRun(ds, node);
      return { node, shouldRun: run.shouldRun, shouldContinue: run.shouldContinue, live, terminating };
    });
  }

  /**
   * manage: create missing daemon pods, delete misscheduled, failed and duplicate ones. Returns whether it
   * acted and the first failed pod write (creations stop there, as syncNodes' slow-start batch does).
   */
  private manage(ds: DaemonSet, nodes: NodePods[], hash: string): Outcome {
    let acted = false;
    let error: K8sError | undefined;
    for (const n of nodes) {
      // The usual node has one healthy pod: nothing to sort out.
      const settled = n.shouldContinue && n.live.length === 1 && n.live[0]?.status?.phase !== 'Failed';
      const failed = settled ? [] : n.live.filter((p) => p.status?.phase === 'Failed');
      const healthy = settled ? n.live : n.live.filter((p) => p.status?.phase !== 'Failed');
      const doomed = settled ? [] : !n.shouldContinue ? n.live : [...failed, ...healthy.slice(1)];
      for (const p of doomed) {
        error ??= this.pods.delete(ds, p);
        acted = true;
      }
      if (error === undefined && n.shouldRun && healthy.length === 0 && n.terminating.length === 0 && failed.length === 0) {
        const r = this.pods.create(ds, daemonPod(ds, n.node.metadata.name ?? '', hash));
        if (r.ok) acted = true;
        else error = r.error;
      }
    }
    return { acted, error };
  }

  /** rollingUpdate with maxSurge 0: replace old pods while at most maxUnavailable nodes are unavailable. */
  private rollingUpdate(ds: DaemonSet, nodes: NodePods[], hash: string): Outcome {
    const eligible = nodes.filter((n) => n.shouldRun);
    const maxUnavailable = maxUnavailableOf(ds.spec.updateStrategy?.rollingUpdate?.maxUnavailable, eligible.length);
    const nowMs = this.api.clock.wallMs();
    const minReady = ds.spec.minReadySeconds ?? 0;
    let unavailable = 0;
    const replace: Pod[] = [];
    const candidates: Pod[] = [];
    for (const n of eligible) {
      const pod = n.live[0];
      if (pod === undefined || n.live.length > 1) unavailable++;
      else if (pod.metadata.labels?.[REVISION_HASH_LABEL] === hash) {
        if (!isPodAvailable(pod, minReady, nowMs)) unavailable++;
      } else if (!isPodAvailable(pod, minReady, nowMs)) replace.push(pod);
      else candidates.push(pod);
    }
    const budget = Math.max(0, Math.min(maxUnavailable - unavailable, candidates.length));
    const victims = [...replace, ...candidates.slice(0, budget)];
    const error = victims.map((p) => this.pods.delete(ds, p)).find((e) => e !== undefined);
    return { acted: victims.length > 0, error };
  }

  private updateStatus(ds: DaemonSet, nodes: NodePods[], hash: string): void {
    const nowMs = this.api.clock.wallMs();
    const minReady = ds.spec.minReadySeconds ?? 0;
    // Counted in one pass over the nodes (every sync computes the status; most find it unchanged).
    let desired = 0;
    let scheduled = 0;
    let misscheduled = 0;
    let ready = 0;
    let available = 0;
    let updated = 0;
    for (const n of nodes) {
      if (!n.shouldRun) {
        if (n.live.length > 0) misscheduled++;
        continue;
      }
      desired++;
      const p = n.live[0];
      if (p === undefined) continue;
      scheduled++;
      if (isPodReady(p)) ready++;
      if (isPodAvailable(p, minReady, nowMs)) available++;
      if (p.metadata.labels?.[REVISION_HASH_LABEL] === hash) updated++;
    }
    const st: DaemonSetStatus = {
      currentNumberScheduled: scheduled,
      numberMisscheduled: misscheduled,
      desiredNumberScheduled: desired,
      numberReady: ready,
      observedGeneration: ds.metadata.generation ?? 1,
    };
    if (updated > 0) st.updatedNumberScheduled = updated;
    if (available > 0) st.numberAvailable = available;
    if (desired - available > 0) st.numberUnavailable = desired - available;
    if (ds.status?.collisionCount !== undefined) st.collisionCount = ds.status.collisionCount;
    if (deepEqual(st, ds.status)) return;
    this.api.mutate('DaemonSet', ds.metadata.namespace, ds.metadata.name ?? '', (o) => {
      o.status = st;
    }, { subresource: 'status', shallow: true });
  }
}
