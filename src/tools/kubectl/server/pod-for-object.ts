// Layer tools (kubectl): the pod behind `kubectl exec|logs TYPE/NAME` (polymorphichelpers): a pod is itself;
// a workload's pods are listed by its selector and ranked — exec takes the most active pod
// (sort.Reverse(podutils.ActivePods)), logs the best to read (podutils.ByLogging, "Found N pods, using pod/x").

import { isPodReady, type KubeObject, type LabelSelector, type Pod } from '../../../k8s/index.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';
import { selectorString } from '../printers/format.js';
import { resolveTypes } from './discovery.js';

const phaseRank = (p: Pod, order: readonly string[]): number => {
  const i = order.indexOf(p.status?.phase ?? '');
  return i < 0 ? 0 : i;
};
const readyTimeMs = (p: Pod): number => {
  const c = (p.status?.conditions ?? []).find((x) => x.type === 'Ready' && x.status === 'True');
  return c?.lastTransitionTime ? Date.parse(c.lastTransitionTime) : 0;
};
const maxRestarts = (p: Pod): number => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount));
const created = (p: Pod): number => Date.parse(p.metadata.creationTimestamp ?? '') || 0;
/** afterOrZero: t1 after t2, a zero time counting as after. */
const afterOrZero = (t1: number, t2: number): boolean => (t1 === 0 || t2 === 0 ? t1 === 0 : t1 > t2);

/** podutils.ActivePods.Less. */
export function activePodsLess(a: Pod, b: Pod): boolean {
  if (a.spec.nodeName !== b.spec.nodeName && (!a.spec.nodeName || !b.spec.nodeName)) return !a.spec.nodeName;
  const order = ['Pending', 'Unknown', 'Running'];
  if (phaseRank(a, order) !== phaseRank(b, order)) return phaseRank(a, order) < phaseRank(b, order);
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a);
  const delA = a.metadata.deletionTimestamp !== undefined;
  if (delA !== (b.metadata.deletionTimestamp !== undefined)) return delA;
  if (isPodReady(a) && isPodReady(b) && readyTimeMs(a) !== readyTimeMs(b)) return afterOrZero(readyTimeMs(a), readyTimeMs(b));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (created(a) !== created(b)) return afterOrZero(created(a), created(b));
  return false;
}

/** podutils.ByLogging.Less. */
export function byLoggingLess(a: Pod, b: Pod): boolean {
  if (a.spec.nodeName !== b.spec.nodeName && (!a.spec.nodeName || !b.spec.nodeName)) return !!a.spec.nodeName;
  const order = ['Running', 'Unknown', 'Pending'];
  if (phaseRank(a, order) !== phaseRank(b, order)) return phaseRank(a, order) < phaseRank(b, order);
  if (isPodReady(a) !== isPodReady(b)) return isPodReady(a);
  if (isPodReady(a) && isPodReady(b) && readyTimeMs(a) !== readyTimeMs(b)) return afterOrZero(readyTimeMs(b), readyTimeMs(a));
  if (maxRestarts(a) !== maxRestarts(b)) return maxRestarts(a) > maxRestarts(b);
  if (created(a) !== created(b)) return afterOrZero(created(b), created(a));
  return false;
}

function stableSort(pods: Pod[], less: (a: Pod, b: Pod) => boolean): Pod[] {
  const out = [...pods];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0; j--) {
      const x = out[j];
      const y = out[j - 1];
      if (!x || !y || !less(x, y)) break;
      out[j - 1] = x;
      out[j] = y;
    }
  }
  return out;
}

/** The object an exec/logs argument names: NAME is a pod, TYPE/NAME anything (builder.ResourceNames("pods", arg)). */
export function objectForArg(ctx: Ctx, arg: string): KubeObject {
  const i = arg.indexOf('/');
  const typeWord = i < 0 ? 'pods' : arg.slice(0, i);
  const name = i < 0 ? arg : arg.slice(i + 1);
  const [rt] = resolveTypes(ctx, typeWord);
  if (!rt) throw new KubectlError(`the server doesn't have a resource type ${JSON.stringify(typeWord)}`);
  return ctx.api().get(rt.kind, rt.namespaced ? ctx.namespace() : undefined, name);
}

/** The pods of a workload (SelectorsForObject), ranked; throws for kinds without a pod selector. */
export function podsForObject(ctx: Ctx, obj: KubeObject, how: 'exec' | 'logs'): Pod[] {
  if (obj.kind === 'Pod') return [obj as Pod];
  const spec = (obj as { spec?: { selector?: LabelSelector | Record<string, string> } }).spec;
  let selector: string;
  if (obj.kind === 'Service') selector = Object.entries((spec?.selector ?? {}) as Record<string, string>).sort().map(([k, v]) => `${k}=${v}`).join(',');
  else if (['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'Job'].includes(obj.kind)) selector = selectorString((spec?.selector ?? {}) as LabelSelector);
  else throw new KubectlError(`cannot ${how === 'exec' ? 'attach to' : 'get the logs from'} *v1.${obj.kind}: selector for *v1.${obj.kind} not implemented`);
  const pods = ctx.api().list('Pod', { namespace: obj.metadata.namespace ?? ctx.namespace(), labelSelector: selector });
  return how === 'exec' ? stableSort(pods, (a, b) => activePodsLess(b, a)) : stableSort(pods, byLoggingLess);
}
