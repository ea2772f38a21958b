// Layer k8s: kube-scheduler (pkg/scheduler/schedule_one.go): takes unassigned pods of
// `default-scheduler`, filters nodes (filters.ts), scores the feasible ones and binds through the
// pods/binding subresource, recording Scheduled / FailedScheduling events with the real texts.
// Unschedulable pods are retried when a node changes, a pod goes away or a pod is bound.
// Scoring here spreads replicas of one controller across nodes: fewest sibling pods, then fewest
// pods, ties broken by the seeded rng (the lab's stand-in for the default score plugins).

import type { Rng } from '../../sim/rng.js';
import type { Scheduler } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import { isK8sError } from '../errors.js';
import type { Node } from '../objects/core.js';
import { controllerOf, objectKey } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import { EventRecorder } from '../controllers/event-recorder.js';
import { WorkQueue } from '../controllers/work-queue.js';
import { filterNode, fitErrorMessage, type ClusterView, type FilterFailure } from './filters.js';

export interface KubeSchedulerOptions {
  /** Host the scheduler runs on, for reportingInstance ("default-scheduler-k8s-ctr"). */
  readonly hostname: string;
  readonly schedulerName?: string;
}

const SOURCE = { component: 'default-scheduler' } as const;

export class KubeScheduler {
  private readonly queue: WorkQueue;
  private readonly unschedulable = new Set<string>();
  private readonly name: string;
  private readonly instance: string;

  constructor(
    private readonly api: ApiServer,
    scheduler: Scheduler,
    private readonly events: EventRecorder,
    private readonly rng: Rng,
    opts: KubeSchedulerOptions,
  ) {
    this.name = opts.schedulerName ?? 'default-scheduler';
    this.instance = `${this.name}-${opts.hostname}`;
    this.queue = new WorkQueue(scheduler, (k) => this.scheduleOne(k));
    api.on('Pod', (e) => {
      const key = objectKey(e.object.metadata.namespace, e.object.metadata.name ?? '');
      if (e.type === 'DELETED') {
        this.unschedulable.delete(key);
        this.retryUnschedulable();
      } else if (this.wants(e.object) && !this.unschedulable.has(key)) this.queue.add(key, this.rng.int(2_000, 8_000));
      // AssignedPodAdd: a newly bound pod may satisfy another's pod affinity (InterPodAffinity's queueing hint).
      else if (e.object.spec.nodeName && !e.oldObject?.spec.nodeName && this.unschedulable.size > 0) this.retryUnschedulable();
    });
    api.on('Node', () => this.retryUnschedulable());
  }

  private wants(pod: Pod): boolean {
    return !pod.spec.nodeName && (pod.spec.schedulerName ?? 'default-scheduler') === this.name && pod.metadata.deletionTimestamp === undefined;
  }

  private retryUnschedulable(): void {
    for (const k of this.unschedulable) this.queue.add(k, 10_000);
    this.unschedulable.clear();
  }

  private view(): ClusterView {
    const assigned = this.api.list('Pod').filter((p) => p.spec.nodeName && p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
    return { nodes: this.api.list('Node'), assigned };
  }

  private scheduleOne(key: string): void {
    const [ns, name] = key.split('/') as [string, string];
    const pod = this.api.tryGet('Pod', ns, name);
    if (!pod || !this.wants(pod)) return;
    const view = this.view();
    const failures: FilterFailure[] = [];
    const feasible: Node[] = [];
    for (const node of view.nodes) {
      const f = filterNode(pod, node, view);
      if (f) failures.push(f);
      else feasible.push(node);
    }
    const chosen = this.pick(pod, feasible, view);
    if (chosen === undefined) return this.fail(pod, key, fitErrorMessage(pod, view.nodes.length, failures));
    try {
      const bound = this.api.bind(ns, name, chosen);
      this.events.record(bound, 'Normal', 'Scheduled', `Successfully assigned ${ns}/${name} to ${chosen}`, SOURCE, {
        action: 'Binding',
        reportingInstance: this.instance,
      });
    } catch (e) {
      if (!isK8sError(e)) throw e;
    }
  }

  /** Fewest pods of the same controller, then fewest pods, then the rng. */
  private pick(pod: Pod, feasible: readonly Node[], view: ClusterView): string | undefined {
    if (feasible.length === 0) return undefined;
    const owner = controllerOf(pod)?.uid;
    const score = (n: Node): [number, number] => {
      const here = view.assigned.filter((p) => p.spec.nodeName === n.metadata.name);
      const siblings = owner === undefined ? 0 : here.filter((p) => controllerOf(p)?.uid === owner).length;
      return [siblings, here.length];
    };
    const scored = feasible.map((n) => ({ n, s: score(n) }));
    const best = scored.reduce((m, x) => (x.s[0] < m[0] || (x.s[0] === m[0] && x.s[1] < m[1]) ? x.s : m), [Infinity, Infinity] as [number, number]);
    const ties = scored.filter((x) => x.s[0] === best[0] && x.s[1] === best[1]).map((x) => x.n.metadata.name ?? '');
    return this.rng.pick(ties.sort());
  }

  /** FailedScheduling: PodScheduled=False/Unschedulable on the pod, a Warning event, and a retry on change. */
  private fail(pod: Pod, key: string, message: string): void {
    this.unschedulable.add(key);
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === 'PodScheduled');
    if (cond?.message !== message || cond.status !== 'False') {
      this.api.mutate('Pod', pod.metadata.namespace, pod.metadata.name ?? '', (p) => {
        p.status ??= {};
        const others = (p.status.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
        others.push({ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: this.api.clock.time(), reason: 'Unschedulable', message });
        p.status.conditions = others;
      }, { subresource: 'status', shallow: true });
    }
    this.events.record(pod, 'Warning', 'FailedScheduling', message, SOURCE, { action: 'Scheduling', reportingInstance: this.instance });
  }
}
