// Layer k8s: init containers (pkg/kubelet/kuberuntime computeInitContainerActions): after the sandbox,
// each init container is pulled, created and started in spec order and must run to completion (exit 0)
// before the next one starts; the app containers start only after the last one. A container the runtime
// refuses stays waiting (RunContainerError) and the pod stays in Init.

import type { Kubelet, KubeletWork } from './kubelet.js';

/** How long an init container runs before it exits 0 (the runtime reports no exit of its own for them). */
const INIT_RUN_US = { min: 150_000, max: 900_000 } as const;

/** Runs init container `i` and the ones after it, then calls `done`. */
export function runInitContainers(k: Kubelet, w: KubeletWork, i: number, done: () => void): void {
  const pod = k.api.tryGet('Pod', w.ns, w.name);
  if (!pod || pod.metadata.uid !== w.uid || w.terminating) return;
  const c = pod.spec.initContainers?.[i];
  const crt = w.rt.initContainers[i];
  if (!c || !crt) return done();
  const pullUs = k.pull(pod, c, 'initContainers');
  k.after(w, pullUs + k.rngInt(20_000, 80_000), () => {
    if (w.terminating || !k.run(w, pod, c, crt, 'initContainers')) return;
    k.after(w, k.rngInt(INIT_RUN_US.min, INIT_RUN_US.max), () => {
      if (w.terminating || crt.state !== 'running') return;
      crt.state = 'terminated';
      crt.exitCode = 0;
      crt.ready = true;
      crt.finishedAt = k.api.clock.time();
      k.flush(w);
      runInitContainers(k, w, i + 1, done);
    });
  });
}
