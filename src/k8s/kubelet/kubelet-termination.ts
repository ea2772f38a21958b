// Layer k8s: the kubelet's stop paths (pkg/kubelet/kuberuntime killPod/killContainer, the pod
// worker's termination, container restarts with CrashLoopBackOff backoff): SIGTERM, wait up to the
// grace period, SIGKILL, sandbox teardown (CNI DEL), then the final delete that removes the pod.

import { isK8sError } from '../errors.js';
import type { Pod } from '../objects/pod.js';
import { goDuration } from './image-ref.js';
import type { Kubelet, KubeletWork } from './kubelet.js';

const DEFAULT_EXIT_US = 100_000;
const MAX_BACKOFF_US = 300_000_000;

export class KubeletTermination {
  private readonly sandboxes = new Set<string>();

  constructor(private readonly k: Kubelet) {}

  /** Graceful termination after the apiserver set deletionTimestamp. */
  start(w: KubeletWork, pod: Pod): void {
    w.terminating = true;
    for (const t of w.timers) this.k.scheduler.cancel(t);
    w.timers = [];
    const node = this.k.node();
    const graceUs = (pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30) * 1_000_000;
    let waitUs = 0;
    const codes = new Map<string, number>();
    const specs = [...(pod.spec.initContainers ?? []), ...pod.spec.containers];
    for (const crt of [...w.rt.initContainers, ...w.rt.containers]) {
      if (crt.state !== 'running') continue;
      const c = specs.find((x) => x.name === crt.name);
      const field = w.rt.initContainers.includes(crt) ? 'initContainers' : 'containers';
      this.k.record(pod, 'Normal', 'Killing', `Stopping container ${crt.name}`, crt.name, field);
      const r = c && node && this.k.runtime.stopContainer ? this.k.runtime.stopContainer(pod, c, node) : {};
      const exitUs = r.exitAfterUs ?? DEFAULT_EXIT_US;
      codes.set(crt.name, exitUs > graceUs ? 137 : (r.exitCode ?? 0));
      waitUs = Math.max(waitUs, Math.min(exitUs, graceUs));
    }
    this.k.after(w, waitUs, () => this.finish(w, codes));
  }

  private finish(w: KubeletWork, codes: ReadonlyMap<string, number>): void {
    const now = this.k.api.clock.time();
    for (const crt of [...w.rt.initContainers, ...w.rt.containers]) {
      if (crt.state !== 'running') continue;
      crt.state = 'terminated';
      crt.ready = false;
      crt.exitCode = codes.get(crt.name) ?? 0;
      crt.finishedAt = now;
    }
    const pod = this.k.flush(w) ?? this.k.api.tryGet('Pod', w.ns, w.name);
    this.teardown(w, pod);
    try {
      this.k.api.delete('Pod', w.ns, w.name, { gracePeriodSeconds: 0, preconditions: { uid: w.uid } });
    } catch (e) {
      if (!isK8sError(e)) throw e;
    }
    this.k.dropWork(w.uid);
  }

  private teardown(w: KubeletWork, pod: Pod | undefined): void {
    const node = this.k.node();
    if (!w.rt.sandboxReady || !pod || !node || this.sandboxes.has(w.uid)) return;
    this.sandboxes.add(w.uid);
    if (!pod.spec.hostNetwork) this.k.runtime.killSandbox(pod, node);
    w.rt.sandboxReady = false;
  }

  /** The pod object is gone (force delete, or our own final delete): stop everything now. */
  forget(uid: string, pod: Pod): void {
    const w = this.k.work(uid);
    if (w) {
      this.teardown(w, pod);
      this.k.dropWork(uid);
    }
    this.sandboxes.delete(uid);
  }

  /** Restarts `container` after `delayUs` with restartCount + 1 and lastState.terminated. */
  restart(w: KubeletWork | undefined, container: string, exitCode: number, delayUs: number): void {
    const crt = w?.rt.containers.find((c) => c.name === container);
    if (!w || !crt || w.terminating || crt.containerId === undefined) return;
    const now = this.k.api.clock.time();
    const term: NonNullable<typeof crt.lastState.terminated> = { exitCode, reason: exitCode === 0 ? 'Completed' : 'Error', finishedAt: now, containerID: crt.containerId };
    if (crt.startedAt !== undefined) term.startedAt = crt.startedAt;
    crt.lastState = { terminated: term };
    crt.restartCount++;
    crt.ready = false;
    crt.state = 'waiting';
    crt.waitingReason = delayUs > 0 ? 'CrashLoopBackOff' : 'ContainerCreating';
    this.k.flush(w);
    this.k.after(w, delayUs, () => {
      const pod = this.k.api.tryGet('Pod', w.ns, w.name);
      const c = pod?.spec.containers.find((x) => x.name === container);
      if (!pod || !c || w.terminating) return;
      delete crt.waitingMessage;
      this.k.record(pod, 'Normal', 'Pulled', `Container image ${JSON.stringify(c.image ?? '')} already present on machine`, c.name);
      this.k.run(w, pod, c, crt);
    });
  }

  /** A process exit reported by the runtime: restart (with backoff) or stay terminated per restartPolicy. */
  exited(w: KubeletWork | undefined, container: string, exitCode: number): void {
    const crt = w?.rt.containers.find((c) => c.name === container);
    const pod = w ? this.k.api.tryGet('Pod', w.ns, w.name) : undefined;
    if (!w || !crt || !pod || w.terminating || crt.state !== 'running') return;
    const policy = pod.spec.restartPolicy ?? 'Always';
    if (policy === 'Always' || (policy === 'OnFailure' && exitCode !== 0)) {
      const n = crt.restartCount;
      const delayUs = n === 0 ? 0 : Math.min(MAX_BACKOFF_US, 10_000_000 * 2 ** (n - 1));
      this.restart(w, container, exitCode, delayUs);
      if (delayUs > 0) {
        const who = `${pod.metadata.name ?? ''}_${pod.metadata.namespace ?? ''}(${pod.metadata.uid ?? ''})`;
        crt.waitingMessage = `back-off ${goDuration(delayUs)} restarting failed container=${container} pod=${who}`;
        this.k.record(pod, 'Warning', 'BackOff', `Back-off restarting failed container ${container} in pod ${who}`, container);
        this.k.flush(w);
      }
      return;
    }
    crt.state = 'terminated';
    crt.ready = false;
    crt.exitCode = exitCode;
    crt.finishedAt = this.k.api.clock.time();
    this.k.flush(w);
  }
}
