// Layer k8s: how the workload controllers write pods (pkg/controller/controller_utils.go RealPodControl):
// each create and delete records its event on the owner — SuccessfulCreate / SuccessfulDelete, or the
// FailedCreate / FailedDelete warning with the apiserver's message (`Error creating: pods "x-" is
// forbidden: ...`) — and a failure comes back to the controller, which requeues with backoff.

import type { ApiServer } from '../api/api-server.js';
import { NAMESPACE_TERMINATING_CAUSE } from '../api/admission.js';
import { K8sError, isK8sError } from '../errors.js';
import type { KubeObject } from '../objects/meta.js';
import type { Pod } from '../objects/pod.js';
import type { EventRecorder, EventSourceInfo } from './event-recorder.js';

export type CreateResult = { readonly ok: true; readonly pod: Pod } | { readonly ok: false; readonly error: K8sError };

export class PodControl {
  constructor(
    private readonly api: ApiServer,
    private readonly events: EventRecorder,
    private readonly source: EventSourceInfo,
  ) {}

  /** CreatePods for `owner`. */
  create(owner: KubeObject, pod: Pod): CreateResult {
    try {
      const created = this.api.create(pod, { handOver: true, typed: true });
      this.events.record(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name ?? ''}`, this.source);
      return { ok: true, pod: created };
    } catch (e) {
      if (!isK8sError(e)) throw e;
      // Not while the namespace is terminating (HasStatusCause(err, NamespaceTerminatingCause)).
      if (!(e.details?.causes ?? []).some((c) => c.reason === NAMESPACE_TERMINATING_CAUSE))
        this.events.record(owner, 'Warning', 'FailedCreate', `Error creating: ${e.message}`, this.source);
      return { ok: false, error: e };
    }
  }

  /** DeletePod for `owner`: undefined when deleted or already gone (NotFound is no failure), else the error. */
  delete(owner: KubeObject, pod: Pod): K8sError | undefined {
    const name = pod.metadata.name ?? '';
    try {
      this.api.delete('Pod', pod.metadata.namespace, name);
      this.events.record(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`, this.source);
      return undefined;
    } catch (e) {
      if (!isK8sError(e)) throw e;
      if (e.code === 'NotFound') return undefined;
      this.events.record(owner, 'Warning', 'FailedDelete', `Error deleting: ${e.message}`, this.source);
      return new K8sError(e.code, `unable to delete pods: ${e.message}`, e.details);
    }
  }
}
