// Layer k8s: the kubelet of one node (pkg/kubelet: pod workers, kuberuntime_manager SyncPod,
// killPod, status manager). For each pod bound to its node it asks the PodRuntime for a sandbox,
// runs the init containers to completion (kubelet-init.ts), pulls and starts containers with the
// real events (Pulling, Pulled, Created, Started, Killing), reports status, honours
// terminationGracePeriodSeconds on deletion and restarts containers.

import type { Rng } from '../../sim/rng.js';
import type { Scheduler, Timer } from '../../sim/scheduler.js';
import type { ApiServer } from '../api/api-server.js';
import { EventRecorder, type EventSourceInfo } from '../controllers/event-recorder.js';
import { isK8sError } from '../errors.js';
import { adoptShared, deepFreeze } from '../objects/json.js';
import type { Node } from '../objects/core.js';
import type { Container, Pod } from '../objects/pod.js';
import { goDuration, imageSizeBytes } from './image-ref.js';
import type { PodRuntime } from './pod-runtime.js';
import { renderPodStatus, type ContainerRt, type PodRt } from './pod-status.js';
import { KubeletTermination } from './kubelet-termination.js';
import { runInitContainers } from './kubelet-init.js';

/** Which list of the pod spec a container is in: event fieldPaths name it (`spec.initContainers{config}`). */
export type ContainerField = 'containers' | 'initContainers';

interface Work {
  readonly uid: string;
  readonly ns: string;
  readonly name: string;
  readonly rt: PodRt;
  terminating: boolean;
  timers: Timer[];
  sandboxAttempts: number;
}

export class Kubelet {
  readonly nodeName: string;
  private readonly pods = new Map<string, Work>();
  private readonly images = new Set<string>();
  private readonly source: EventSourceInfo;
  private readonly termination: KubeletTermination;

  constructor(
    readonly api: ApiServer,
    readonly scheduler: Scheduler,
    readonly runtime: PodRuntime,
    private readonly events: EventRecorder,
    private readonly rng: Rng,
    nodeName: string,
  ) {
    this.nodeName = nodeName;
    this.source = { component: 'kubelet', host: nodeName };
    this.termination = new KubeletTermination(this);
    api.on('Pod', (e) => {
      if (e.object.spec.nodeName !== this.nodeName) return;
      const uid = e.object.metadata.uid ?? '';
      if (e.type === 'DELETED') return this.termination.forget(uid, e.object);
      const w = this.pods.get(uid);
      if (!w && e.object.metadata.deletionTimestamp === undefined && e.object.status?.phase !== 'Succeeded' && e.object.status?.phase !== 'Failed') this.admit(e.object);
      else if (w && e.object.metadata.deletionTimestamp !== undefined && !w.terminating) this.termination.start(w, e.object);
    });
  }

  /** Pods this kubelet is running (uid → namespace/name). */
  runningPods(): { uid: string; namespace: string; name: string }[] {
    return [...this.pods.values()].map((w) => ({ uid: w.uid, namespace: w.ns, name: w.name }));
  }

  node(): Node | undefined {
    return this.api.tryGet('Node', undefined, this.nodeName);
  }

  internalIP(): string {
    return this.node()?.status?.addresses?.find((a) => a.type === 'InternalIP')?.address ?? '';
  }

  work(uid: string): Work | undefined {
    return this.pods.get(uid);
  }

  dropWork(uid: string): void {
    const w = this.pods.get(uid);
    if (!w) return;
    for (const t of w.timers) this.scheduler.cancel(t);
    this.pods.delete(uid);
  }

  /** A uniform integer from this kubelet's seeded stream (start-up and run times). */
  rngInt(lo: number, hi: number): number {
    return this.rng.int(lo, hi);
  }

  after(w: Work, delayUs: number, fn: () => void): void {
    w.timers.push(this.scheduler.after(delayUs, fn));
  }

  record(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, container?: string, field: ContainerField = 'containers'): void {
    this.events.record(pod, type, reason, message, this.source, container === undefined ? {} : { fieldPath: `spec.${field}{${container}}` });
  }

  /** Writes the rendered status if it changed. */
  flush(w: Work): Pod | undefined {
    const pod = this.api.tryGet('Pod', w.ns, w.name);
    if (!pod || pod.metadata.uid !== w.uid) return undefined;
    // Shares the unchanged parts with the stored status and freezes the rest, so the write path takes
    // the status as it is and walks only what changed.
    const st = adoptShared(renderPodStatus(pod, w.rt, this.api.clock.time()), pod.status);
    if (st === pod.status) return pod;
    deepFreeze(st);
    try {
      return this.api.update({ ...pod, status: st }, { subresource: 'status', typed: true });
    } catch (e) {
      if (!isK8sError(e)) throw e;
      return undefined;
    }
  }

  private admit(pod: Pod): void {
    const now = this.api.clock.time();
    const rt: PodRt = {
      hostIP: this.internalIP(),
      startTime: now,
      sandboxReady: false,
      initContainers: (pod.spec.initContainers ?? []).map((c) => newContainerRt(c, 'ContainerCreating')),
      containers: pod.spec.containers.map((c) => newContainerRt(c, (pod.spec.initContainers ?? []).length > 0 ? 'PodInitializing' : 'ContainerCreating')),
      conditionTimes: new Map(),
    };
    for (const c of pod.status?.conditions ?? []) if (c.lastTransitionTime !== undefined) rt.conditionTimes.set(c.type, [c.status, c.lastTransitionTime]);
    const w: Work = { uid: pod.metadata.uid ?? '', ns: pod.metadata.namespace ?? 'default', name: pod.metadata.name ?? '', rt, terminating: false, timers: [], sandboxAttempts: 0 };
    this.pods.set(w.uid, w);
    this.after(w, this.rng.int(10_000, 40_000), () => {
      this.flush(w);
      this.after(w, this.rng.int(80_000, 250_000), () => this.createSandbox(w));
    });
  }

  private createSandbox(w: Work): void {
    const pod = this.api.tryGet('Pod', w.ns, w.name);
    const node = this.node();
    if (!pod || !node || w.terminating) return;
    w.sandboxAttempts++;
    const r = pod.spec.hostNetwork ? { podIP: this.internalIP() } : this.runtime.createSandbox(pod, node);
    if ('error' in r) {
      this.record(pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${r.error}`);
      this.after(w, Math.min(30_000_000, 2_000_000 * w.sandboxAttempts), () => this.createSandbox(w));
      return;
    }
    w.rt.sandboxReady = true;
    w.rt.podIP = r.podIP;
    this.flush(w);
    runInitContainers(this, w, 0, () => this.startNext(w, 0));
  }

  /** Pull (or not), create and start container `i`, then the next one. */
  private startNext(w: Work, i: number): void {
    const pod = this.api.tryGet('Pod', w.ns, w.name);
    const c = pod?.spec.containers[i];
    const crt = w.rt.containers[i];
    if (!pod || !c || !crt || w.terminating) return;
    const pullUs = this.pull(pod, c);
    this.after(w, pullUs + this.rng.int(20_000, 80_000), () => {
      if (w.terminating) return;
      this.run(w, pod, c, crt);
      this.startNext(w, i + 1);
    });
  }

  /** Records the image events and returns how long the pull takes (0 when the image is present). */
  pull(pod: Pod, c: Container, field: ContainerField = 'containers'): number {
    const image = c.image ?? '';
    const node = this.node();
    const present = node !== undefined && this.runtime.hasImage ? this.runtime.hasImage(node, image) : this.images.has(image);
    if (c.imagePullPolicy !== 'Always' && present) {
      this.record(pod, 'Normal', 'Pulled', `Container image ${JSON.stringify(image)} already present on machine`, c.name, field);
      return 0;
    }
    this.record(pod, 'Normal', 'Pulling', `Pulling image ${JSON.stringify(image)}`, c.name, field);
    const us = present ? this.rng.int(400_000, 1_200_000) : this.rng.int(1_200_000, 2_800_000);
    this.scheduler.after(us, () => {
      this.images.add(image);
      const d = goDuration(us);
      this.record(pod, 'Normal', 'Pulled', `Successfully pulled image ${JSON.stringify(image)} in ${d} (${d} including waiting). Image size: ${imageSizeBytes(image)} bytes.`, c.name, field);
    });
    return us;
  }

  /**
   * Creates and starts one container; readiness follows the runtime's delay (init containers are never
   * ready while they run). Returns whether it started.
   */
  run(w: Work, pod: Pod, c: Container, crt: ContainerRt, field: ContainerField = 'containers'): boolean {
    const node = this.node();
    if (!node) return false;
    crt.image = c.image ?? '';
    crt.containerId = `containerd://${this.rng.hex(64)}`;
    this.record(pod, 'Normal', 'Created', `Created container: ${c.name}`, c.name, field);
    const r = this.runtime.startContainer ? this.runtime.startContainer(pod, c, node) : { ok: true as const };
    if (!r.ok) {
      crt.state = 'waiting';
      crt.waitingReason = 'RunContainerError';
      this.record(pod, 'Warning', 'Failed', `Error: ${r.error}`, c.name, field);
      this.flush(w);
      return false;
    }
    this.record(pod, 'Normal', 'Started', `Started container ${c.name}`, c.name, field);
    crt.state = 'running';
    crt.startedAt = this.api.clock.time();
    if (field === 'initContainers') {
      this.flush(w);
      return true;
    }
    if (r.exitAfterUs !== undefined) {
      const exitCode = r.exitCode ?? 1;
      const id = crt.containerId;
      this.after(w, r.exitAfterUs, () => {
        if (crt.containerId === id) this.termination.exited(w, c.name, exitCode);
      });
      this.flush(w);
      return true;
    }
    const readyUs = r.readyAfterUs ?? readinessDelayUs(c);
    if (readyUs <= 0) crt.ready = true;
    else
      this.after(w, readyUs, () => {
        if (crt.state !== 'running' || w.terminating) return;
        crt.ready = true;
        this.flush(w);
      });
    this.flush(w);
    return true;
  }

  /** Marks a container (not) ready, for runtimes that run their own readiness checks. */
  setContainerReady(namespace: string, name: string, container: string, ready: boolean): void {
    const w = this.find(namespace, name);
    const crt = w?.rt.containers.find((c) => c.name === container);
    if (!w || !crt || crt.state !== 'running' || crt.ready === ready) return;
    crt.ready = ready;
    this.flush(w);
  }

  /** Restarts a container at once (`kill 1` in the container, a liveness failure): restartCount + 1. */
  restartContainer(namespace: string, name: string, container: string, exitCode = 137): void {
    this.termination.restart(this.find(namespace, name), container, exitCode, 0);
  }

  /** The runtime reports a container's process exited; restartPolicy decides what follows. */
  containerExited(namespace: string, name: string, container: string, exitCode: number): void {
    this.termination.exited(this.find(namespace, name), container, exitCode);
  }

  find(namespace: string, name: string): Work | undefined {
    return [...this.pods.values()].find((w) => w.ns === namespace && w.name === name);
  }
}

export type { Work as KubeletWork };

function newContainerRt(c: Container, waitingReason: string): ContainerRt {
  return { name: c.name, image: c.image ?? '', state: 'waiting', waitingReason, ready: false, restartCount: 0, lastState: {} };
}

/** Without a runtime readiness signal: a readinessProbe makes the container ready after its first success. */
function readinessDelayUs(c: Container): number {
  const p = c.readinessProbe;
  if (p === undefined) return 0;
  const initial = typeof p['initialDelaySeconds'] === 'number' ? p['initialDelaySeconds'] : 0;
  return Math.max(initial, 1) * 1_000_000;
}
