// Layer tools (kubectl): choosing a pod's container (podcmd.FindOrDefaultContainerByName): -c names one (an
// init or ephemeral container too); otherwise the kubectl.kubernetes.io/default-container annotation, else
// the first container, announced on stderr when the pod has others.

import type { Container, Pod } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';

const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

function ephemeral(pod: Pod): Container[] {
  return (pod.spec['ephemeralContainers'] as Container[] | undefined) ?? [];
}

/** podcmd.FindContainerByName. */
export function findContainer(pod: Pod, name: string): Container | undefined {
  return pod.spec.containers.find((c) => c.name === name) ?? (pod.spec.initContainers ?? []).find((c) => c.name === name) ?? ephemeral(pod).find((c) => c.name === name);
}

/** podcmd.AllContainerNames: "a, b (ephem), c (init)". */
export function allContainerNames(pod: Pod): string {
  return [...pod.spec.containers.map((c) => c.name), ...ephemeral(pod).map((c) => `${c.name} (ephem)`), ...(pod.spec.initContainers ?? []).map((c) => `${c.name} (init)`)].join(', ');
}

export function hasOtherContainers(pod: Pod): boolean {
  return pod.spec.containers.length > 1 || (pod.spec.initContainers ?? []).length > 0 || ephemeral(pod).length > 0;
}

/** FindOrDefaultContainerByName; returns the container's name. */
export function defaultContainer(ctx: Ctx, pod: Pod, name: string, quiet: boolean): string {
  if (name) {
    if (!findContainer(pod, name)) throw new KubectlError(`container ${name} not found in pod ${pod.metadata.name ?? ''}`);
    return name;
  }
  const first = pod.spec.containers[0];
  if (!first) throw new KubectlError(`pod ${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''} does not have any containers`);
  const annotated = pod.metadata.annotations?.[DEFAULT_CONTAINER_ANNOTATION];
  if (annotated && findContainer(pod, annotated)) return annotated;
  if (!quiet && hasOtherContainers(pod)) ctx.err(`Defaulted container ${JSON.stringify(first.name)} out of: ${allContainerNames(pod)}\n`);
  return first.name;
}
