// Layer tools (kubectl): `kubectl rollout history` and `rollout undo` (polymorphichelpers/history.go and
// rollback.go). A deployment's revisions are its replica sets' deployment.kubernetes.io/revision, a daemon
// set's its ControllerRevisions; undo patches the chosen revision's template back ("rolled back", or
// "skipped rollback (current template already matches revision N)").

import { deepClone, deepEqual, patchObject, type ControllerRevision, type DaemonSet, type Deployment, type KubeObject, type PodTemplateSpec } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';
import { describePodTemplate } from '../describe/pod-template.js';
import { PrefixWriter } from '../describe/prefix-writer.js';
import { namePrinter } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { Tabwriter } from '../text/tabwriter.js';

const CHANGE_CAUSE = 'kubernetes.io/change-cause';

interface Revision {
  readonly revision: number;
  readonly template: PodTemplateSpec;
  readonly changeCause: string;
  readonly cr?: ControllerRevision;
}

function ownedBy<T extends KubeObject>(objs: readonly T[], owner: KubeObject): T[] {
  return objs.filter((o) => (o.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === owner.metadata.uid));
}

function revisionsOf(ctx: Ctx, obj: KubeObject): Revision[] {
  const ns = obj.metadata.namespace ?? '';
  if (obj.kind === 'Deployment') {
    return ownedBy(ctx.api().list('ReplicaSet', { namespace: ns }), obj)
      .filter((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision'] !== undefined)
      .map((rs) => ({ revision: Number(rs.metadata.annotations?.['deployment.kubernetes.io/revision']), template: rs.spec.template, changeCause: rs.metadata.annotations?.[CHANGE_CAUSE] ?? '' }));
  }
  if (obj.kind === 'DaemonSet') {
    return ownedBy(ctx.api().list('ControllerRevision', { namespace: ns }), obj).map((cr) => {
      const data = cr.data as { spec?: { template?: PodTemplateSpec & { $patch?: string } } };
      const { $patch: _p, ...template } = data.spec?.template ?? ({ spec: { containers: [] } } as PodTemplateSpec & { $patch?: string });
      return { revision: cr.revision, template: template as PodTemplateSpec, changeCause: cr.metadata.annotations?.[CHANGE_CAUSE] ?? '', cr };
    });
  }
  const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
  throw new KubectlError(`no history viewer has been implemented for ${JSON.stringify(group ? `${obj.kind}.${group}` : obj.kind)}`);
}

function historyText(ctx: Ctx, obj: KubeObject, revision: number): string {
  const revs = revisionsOf(ctx, obj).sort((a, b) => a.revision - b.revision);
  if (revs.length === 0) return 'No rollout history found.';
  if (revision > 0) {
    const r = revs.find((x) => x.revision === revision);
    if (!r) throw new KubectlError('unable to find the specified revision');
    const w = new PrefixWriter();
    describePodTemplate(w, r.template, ctx.lab.spec.clock.timezone);
    return w.text();
  }
  let out = '';
  const tw = new Tabwriter((s) => (out += s), { minwidth: 0, tabwidth: 8, padding: 2, rememberWidths: false });
  tw.write('REVISION\tCHANGE-CAUSE\n');
  for (const r of revs) tw.write(`${r.revision}\t${r.changeCause || '<none>'}\n`);
  tw.flush();
  return out;
}

const withTargets = async (ctx: Ctx, args: string[], fn: (obj: KubeObject) => void): Promise<void> => {
  if (args.length === 0 && ctx.flags.strings('filename').length === 0) throw new KubectlError('required resource not specified');
  const fetched = fetchAll(ctx, parseResourceArgs(ctx, args), { labelSelector: ctx.flags.string('selector') });
  if (fetched.errors.length > 0) throw fetched.errors[0];
  for (const info of infosOf(fetched)) fn(info.obj);
};

export const rolloutHistoryCommand: Command = {
  name: 'history',
  short: 'View rollout history',
  usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, { name: 'revision', kind: 'int', def: '0' }],
  run: (ctx, args) =>
    withTargets(ctx, args, (obj) => {
      const revision = ctx.flags.int('revision');
      if (revision < 0) throw new KubectlError(`revision must be a positive integer: ${revision}`);
      const prefix = revision > 0 ? `with revision #${revision}` : '';
      ctx.out(namePrinter(`${prefix}\n${historyText(ctx, obj, revision)}`)(obj));
    }),
};

function rollback(ctx: Ctx, obj: KubeObject, toRevision: number): string {
  const revs = revisionsOf(ctx, obj).sort((a, b) => b.revision - a.revision);
  let target: Revision | undefined;
  if (toRevision > 0) target = revs.find((r) => r.revision === toRevision);
  else if (revs.length <= 1) throw new KubectlError('no last revision to roll back to');
  else target = revs[1];
  if (!target) throw new KubectlError(`unable to find specified revision ${toRevision} in history`);
  const template = deepClone(target.template);
  const labels = { ...(template.metadata?.labels ?? {}) };
  delete labels['pod-template-hash'];
  delete labels['controller-revision-hash'];
  template.metadata = { ...(template.metadata ?? {}), labels };
  const current = (obj as Deployment | DaemonSet).spec.template;
  if (deepEqual(template, current)) return `skipped rollback (current template already matches revision ${target.revision})`;
  if (obj.kind === 'Deployment' && (obj as Deployment).spec.paused) throw new KubectlError("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume' and try again");
  patchObject(ctx.api(), obj.kind, obj.metadata.namespace, obj.metadata.name ?? '', { spec: { template: { ...template, $patch: 'replace' } } }, 'strategic');
  return 'rolled back';
}

export const rolloutUndoCommand: Command = {
  name: 'undo',
  short: 'Undo a previous rollout',
  usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags] [options]',
  flags: [...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, DRY_RUN_FLAG, { name: 'to-revision', kind: 'int', def: '0' }],
  run: (ctx, args) => withTargets(ctx, args, (obj) => ctx.out(namePrinter(rollback(ctx, obj, ctx.flags.int('to-revision')))(obj))),
};

function setPaused(ctx: Ctx, obj: KubeObject, paused: boolean): void {
  const verb = paused ? 'pausing' : 'resuming';
  if (obj.kind !== 'Deployment') {
    const group = obj.apiVersion.includes('/') ? obj.apiVersion.split('/')[0] : '';
    const resource = `${obj.kind.toLowerCase()}s${group ? `.${group}` : ''}`;
    throw new KubectlError(`error: ${resource} ${JSON.stringify(obj.metadata.name ?? '')} ${verb} is not supported`);
  }
  if (((obj as Deployment).spec.paused === true) === paused) return ctx.out(namePrinter(paused ? 'already paused' : 'already resumed')(obj));
  patchObject(ctx.api(), 'Deployment', obj.metadata.namespace, obj.metadata.name ?? '', { spec: { paused: paused ? true : null } }, 'strategic');
  ctx.out(namePrinter(paused ? 'paused' : 'resumed')(obj));
}

export const rolloutPauseCommand: Command = {
  name: 'pause',
  short: 'Mark the provided resource as paused',
  flags: [...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG],
  run: (ctx, args) => withTargets(ctx, args, (obj) => setPaused(ctx, obj, true)),
};

export const rolloutResumeCommand: Command = {
  name: 'resume',
  short: 'Resume a paused resource',
  flags: [...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG],
  run: (ctx, args) => withTargets(ctx, args, (obj) => setPaused(ctx, obj, false)),
};
