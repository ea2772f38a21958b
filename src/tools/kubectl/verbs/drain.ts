// Layer tools (kubectl): `kubectl cordon|uncordon|drain NODE` (kubectl/pkg/cmd/drain and k8s.io/kubectl/pkg/
// drain): spec.unschedulable set by patch ("node/k8s-w0 cordoned", "already cordoned"); drain cordons, then
// filters the node's pods as drain.Helper does (DaemonSet-managed, mirror, emptyDir, unmanaged pods), warns,
// evicts the rest ("evicting pod NS/NAME", then "pod/NAME evicted" as each is gone) and prints "drained".

import { patchObject, type KubeObject, type Node, type Pod } from '../../../k8s/index.js';
import { MIRROR_ANNOTATION } from '../../../k8s/api/pod-admission.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { RawMessageError, interrupted, usageError } from '../cli/errors.js';
import { namePrinter } from '../printers/output.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

const b = (name: string) => ({ name, kind: 'bool' as const });

export const cordonCommand: Command = { name: 'cordon', short: 'Mark node as unschedulable', usage: 'kubectl cordon NODE [options]', flags: [SELECTOR_FLAG, DRY_RUN_FLAG], run: (ctx, args) => cordonAll(ctx, nodesFor(ctx, args, 'cordon NODE'), true) };
export const uncordonCommand: Command = { name: 'uncordon', short: 'Mark node as schedulable', usage: 'kubectl uncordon NODE [options]', flags: [SELECTOR_FLAG, DRY_RUN_FLAG], run: (ctx, args) => cordonAll(ctx, nodesFor(ctx, args, 'uncordon NODE'), false) };

export const drainCommand: Command = {
  name: 'drain',
  short: 'Drain node in preparation for maintenance',
  usage: 'kubectl drain NODE [options]',
  flags: [
    b('force'), b('ignore-daemonsets'), b('delete-emptydir-data'), { name: 'grace-period', kind: 'int', def: '-1' }, { name: 'timeout', kind: 'duration', def: '0s' },
    { name: 'pod-selector', kind: 'string' }, b('disable-eviction'), { name: 'skip-wait-for-delete-timeout', kind: 'int', def: '0' }, { name: 'chunk-size', kind: 'int', def: '500' },
    DRY_RUN_FLAG, SELECTOR_FLAG,
  ],
  run: runDrain,
};

/** DrainCmdOptions.Complete: the nodes named (or selected with -l). */
function nodesFor(ctx: Ctx, args: readonly string[], use: string): Node[] {
  const selector = ctx.flags.string('selector');
  if (args.length === 0 && !ctx.flags.changed.has('selector')) throw usageError(ctx.path, `USAGE: ${use} [flags]`);
  if (args.length > 0 && selector !== '') throw usageError(ctx.path, 'error: cannot specify both a node name and a --selector option');
  dryRunMode(ctx);
  if (args.length === 0) return ctx.api().list('Node', { labelSelector: selector });
  return args.map((a) => ctx.api().get('Node', undefined, a.startsWith('node/') || a.startsWith('nodes/') ? a.slice(a.indexOf('/') + 1) : a));
}

/** RunCordonOrUncordon. */
async function cordonAll(ctx: Ctx, nodes: readonly Node[], desired: boolean): Promise<void> {
  const verb = desired ? 'cordon' : 'uncordon';
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    if ((node.spec.unschedulable === true) === desired) {
      ctx.out(namePrinter(`already ${verb}ed${dryRunSuffix(ctx)}`)(node));
      continue;
    }
    const mode = dryRunMode(ctx);
    if (mode !== 'client') {
      try {
        patchObject(ctx.api(), 'Node', undefined, name, { spec: { unschedulable: desired ? true : null } }, 'strategic', { dryRun: mode === 'server' });
      } catch (e) {
        ctx.err(`error: unable to ${verb} node ${JSON.stringify(name)}: ${e instanceof Error ? e.message : String(e)}\n`);
        continue;
      }
    }
    ctx.out(namePrinter(`${verb}ed${dryRunSuffix(ctx)}`)(node));
  }
}

interface Verdict {
  readonly pod: Pod;
  readonly del: boolean;
  readonly kind: 'ok' | 'skip' | 'warning' | 'error';
  readonly message: string;
}

/** drain.Helper's filters, in makeFilters' order; the first that refuses deletion decides. */
function verdictFor(ctx: Ctx, pod: Pod): Verdict {
  const f = ctx.flags;
  const done = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const owner = (pod.metadata.ownerReferences ?? []).find((r) => r.controller === true);
  let v: Verdict = { pod, del: true, kind: 'ok', message: '' };
  const refuse = (kind: Verdict['kind'], message: string, del = false): Verdict => ({ pod, del, kind, message });
  if (owner?.kind === 'DaemonSet' && !done) {
    if (!ctx.api().tryGet('DaemonSet', pod.metadata.namespace, owner.name)) {
      const msg = `daemonsets.apps ${JSON.stringify(owner.name)} not found`;
      v = f.bool('force') ? refuse('warning', msg, true) : refuse('error', msg);
    } else v = f.bool('ignore-daemonsets') ? refuse('warning', 'ignoring DaemonSet-managed Pods') : refuse('error', 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)');
    if (!v.del) return v;
  }
  if (pod.metadata.annotations?.[MIRROR_ANNOTATION] !== undefined) return refuse('skip', '');
  if ((pod.spec.volumes ?? []).some((vol) => vol.emptyDir !== undefined) && !done) {
    v = f.bool('delete-emptydir-data') ? refuse('warning', 'deleting Pods with local storage', true) : refuse('error', 'Pods with local storage (use --delete-emptydir-data to override)');
    if (!v.del) return v;
  }
  if (!done && owner === undefined) v = f.bool('force') ? refuse('warning', 'deleting Pods that declare no controller', true) : refuse('error', 'cannot delete Pods that declare no controller (use --force to override)');
  return v;
}

/** PodDeleteList.Warnings / errors: "message: ns/a, ns/b" per message, in first-seen order. */
function byMessage(verdicts: readonly Verdict[], kind: Verdict['kind']): string[] {
  const m = new Map<string, string[]>();
  for (const v of verdicts.filter((x) => x.kind === kind)) m.set(v.message, [...(m.get(v.message) ?? []), `${v.pod.metadata.namespace ?? ''}/${v.pod.metadata.name ?? ''}`]);
  return [...m].map(([msg, pods]) => `${kind === 'error' ? `cannot delete ${msg}` : msg}: ${pods.join(', ')}`);
}

async function runDrain(ctx: Ctx, args: string[]): Promise<void> {
  const nodes = nodesFor(ctx, args, 'drain NODE');
  await cordonAll(ctx, nodes, true);
  const fatal: string[][] = [];
  const remaining: string[] = [];
  for (const node of nodes) {
    const name = node.metadata.name ?? '';
    const pods = ctx.api().list('Pod', { fieldSelector: `spec.nodeName=${name}`, labelSelector: ctx.flags.string('pod-selector') });
    const verdicts = pods.map((p) => verdictFor(ctx, p));
    const errors = byMessage(verdicts, 'error');
    if (errors.length > 0) {
      const text = errors.length === 1 ? errors[0] : `[${errors.join(', ')}]`;
      ctx.err(`error: unable to drain node ${JSON.stringify(name)} due to error: ${text ?? ''}, continuing command...\n`);
      fatal.push(errors);
      remaining.push(name);
      continue;
    }
    const warnings = byMessage(verdicts, 'warning');
    if (warnings.length > 0) ctx.warn(warnings.join('; '));
    await evict(ctx, verdicts.filter((v) => v.del).map((v) => v.pod));
    ctx.out(namePrinter(`drained${dryRunSuffix(ctx)}`)(node as KubeObject));
  }
  if (remaining.length > 0) {
    ctx.err(`There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`);
    throw new RawMessageError(fatal.length === 1 ? (fatal[0] ?? []).join('\n') : fatal.map((e) => (e.length === 1 ? e[0] : `[${e.join(', ')}]`)).join('\n'));
  }
}

/**
 * evictPods (an eviction: with no PodDisruptionBudgets in the lab, a graceful delete) or, with
 * --disable-eviction, deletePods; then 1 s polls until each pod is gone.
 */
async function evict(ctx: Ctx, pods: readonly Pod[]): Promise<void> {
  const mode = dryRunMode(ctx);
  const api = ctx.api();
  const eviction = !ctx.flags.bool('disable-eviction');
  const grace = ctx.flags.int('grace-period');
  for (const pod of pods) {
    const id = `${pod.metadata.namespace ?? ''}/${pod.metadata.name ?? ''}`;
    if (eviction || mode === 'client') ctx.out(`evicting pod ${id}${mode === 'none' ? '' : mode === 'client' ? ' (dry run)' : ' (server dry run)'}\n`);
    if (mode !== 'client') api.delete('Pod', pod.metadata.namespace, pod.metadata.name ?? '', { dryRun: mode === 'server', ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}) });
  }
  if (mode !== 'none') return;
  const timeoutUs = ctx.flags.durationUs('timeout');
  const start = ctx.lab.scheduler.nowUs;
  let pending = [...pods];
  for (;;) {
    for (const pod of pending.filter((p) => api.tryGet('Pod', p.metadata.namespace, p.metadata.name ?? '')?.metadata.uid !== p.metadata.uid)) ctx.out(namePrinter(eviction ? 'evicted' : 'deleted')({ ...pod, kind: 'Pod' }));
    pending = pending.filter((p) => api.tryGet('Pod', p.metadata.namespace, p.metadata.name ?? '')?.metadata.uid === p.metadata.uid);
    if (pending.length === 0) return;
    if (timeoutUs > 0 && ctx.lab.scheduler.nowUs - start >= timeoutUs) {
      throw new RawMessageError(pending.map((p) => `error when waiting for pod ${JSON.stringify(p.metadata.name ?? '')} in namespace ${JSON.stringify(p.metadata.namespace ?? '')} to terminate: global timeout reached: ${ctx.flags.string('timeout')}`).join('\n'));
    }
    await ctx.p.sleep(1_000_000);
    if (ctx.p.isInterrupted) throw interrupted();
  }
}
