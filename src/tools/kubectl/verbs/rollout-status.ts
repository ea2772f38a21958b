// Layer tools (kubectl): `kubectl rollout status` (polymorphichelpers/rollout_status.go): prints the status
// viewer's line for the object and again on every change (Deployment: "N out of M new replicas have been
// updated...", DaemonSet: "N out of M new pods have been updated...") until it is rolled out, -w=false,
// --timeout, Ctrl-C or deletion.

import type { DaemonSet, Deployment, KubeObject } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { FILENAME_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, interrupted } from '../cli/errors.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';

interface Status {
  readonly text: string;
  readonly done: boolean;
}

export function deploymentStatus(d: Deployment, revision: number): Status {
  const name = JSON.stringify(d.metadata.name ?? '');
  const st = d.status ?? {};
  if (revision > 0) {
    const rev = Number(d.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? '0');
    if (rev !== revision) throw new KubectlError(`desired revision (${revision}) is different from the running revision (${rev})`);
  }
  if ((d.metadata.generation ?? 0) > (st.observedGeneration ?? 0)) return { text: 'Waiting for deployment spec update to be observed...\n', done: false };
  if ((st.conditions ?? []).find((c) => c.type === 'Progressing')?.reason === 'ProgressDeadlineExceeded') throw new KubectlError(`deployment ${name} exceeded its progress deadline`);
  const want = d.spec.replicas ?? 1;
  const updated = st.updatedReplicas ?? 0;
  if (updated < want) return { text: `Waiting for deployment ${name} rollout to finish: ${updated} out of ${want} new replicas have been updated...\n`, done: false };
  if ((st.replicas ?? 0) > updated) return { text: `Waiting for deployment ${name} rollout to finish: ${(st.replicas ?? 0) - updated} old replicas are pending termination...\n`, done: false };
  if ((st.availableReplicas ?? 0) < updated) return { text: `Waiting for deployment ${name} rollout to finish: ${st.availableReplicas ?? 0} of ${updated} updated replicas are available...\n`, done: false };
  return { text: `deployment ${name} successfully rolled out\n`, done: true };
}

export function daemonSetStatus(ds: DaemonSet): Status {
  const name = JSON.stringify(ds.metadata.name ?? '');
  if ((ds.spec.updateStrategy?.type ?? 'RollingUpdate') !== 'RollingUpdate') throw new KubectlError('rollout status is only available for RollingUpdate strategy type');
  const st = ds.status;
  if ((ds.metadata.generation ?? 0) > (st?.observedGeneration ?? 0)) return { text: 'Waiting for daemon set spec update to be observed...\n', done: false };
  const desired = st?.desiredNumberScheduled ?? 0;
  if ((st?.updatedNumberScheduled ?? 0) < desired) return { text: `Waiting for daemon set ${name} rollout to finish: ${st?.updatedNumberScheduled ?? 0} out of ${desired} new pods have been updated...\n`, done: false };
  if ((st?.numberAvailable ?? 0) < desired) return { text: `Waiting for daemon set ${name} rollout to finish: ${st?.numberAvailable ?? 0} of ${desired} updated pods are available...\n`, done: false };
  return { text: `daemon set ${name} successfully rolled out\n`, done: true };
}

function statusOf(obj: KubeObject, revision: number): Status {
  if (obj.kind === 'Deployment') return deploymentStatus(obj as Deployment, revision);
  if (obj.kind === 'DaemonSet') return daemonSetStatus(obj as DaemonSet);
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  throw new KubectlError(`no status viewer has been implemented for ${obj.kind}${group ? `.${group}` : ''}`);
}

export const rolloutStatusCommand: Command = {
  name: 'status',
  short: 'Show the status of the rollout',
  usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...FILENAME_FLAGS, SELECTOR_FLAG, { name: 'watch', short: 'w', kind: 'bool', def: 'true' }, { name: 'revision', kind: 'int', def: '0' }, { name: 'timeout', kind: 'duration', def: '0s' }],
  run: async (ctx, args) => {
    if (args.length === 0) throw new KubectlError('required resource not specified');
    const fetched = fetchAll(ctx, parseResourceArgs(ctx, args), { labelSelector: ctx.flags.string('selector') });
    if (fetched.errors.length > 0) throw fetched.errors[0];
    const infos = infosOf(fetched);
    if (infos.length === 0) ctx.err(`No resources found in ${ctx.namespace()} namespace.\n`);
    for (const info of infos) await watchStatus(ctx, info.rt.kind, info.obj);
  },
};

/** UntilWithSync: a status line for the current object, then one per ADDED/MODIFIED event. */
async function watchStatus(ctx: Ctx, kind: string, first: KubeObject): Promise<void> {
  const api = ctx.api();
  const ns = first.metadata.namespace;
  const name = first.metadata.name ?? '';
  const revision = ctx.flags.int('revision');
  const events: { type: string; obj: KubeObject }[] = [{ type: 'ADDED', obj: first }];
  const stop = api.on(kind, (e) => {
    if (e.object.metadata.name === name && e.object.metadata.namespace === ns) events.push({ type: e.type, obj: e.object });
  });
  const timeoutUs = ctx.flags.durationUs('timeout');
  const deadline = timeoutUs > 0 ? ctx.lab.nowUs + timeoutUs : Number.POSITIVE_INFINITY;
  try {
    for (;;) {
      for (const e of events.splice(0)) {
        if (e.type === 'DELETED') throw new KubectlError('object has been deleted');
        const s = statusOf(e.obj, revision);
        ctx.out(s.text);
        if (s.done || !ctx.flags.bool('watch')) return;
      }
      const left = deadline - ctx.lab.nowUs;
      if (left <= 0) throw new KubectlError('timed out waiting for the condition');
      await ctx.p.until(() => events.length > 0 || ctx.p.isInterrupted, Number.isFinite(left) ? left : undefined);
      if (ctx.p.isInterrupted) throw interrupted();
    }
  } finally {
    stop();
  }
}
