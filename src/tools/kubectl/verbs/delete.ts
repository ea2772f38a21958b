// Layer tools (kubectl): `kubectl delete` (kubectl/pkg/cmd/delete/delete.go) — by TYPE NAME, TYPE/NAME,
// -l/--field-selector/--all or -f; prints `pod "x" deleted` ("force deleted" with a zero grace period) as
// each delete is accepted, then waits until the objects are gone (--wait, default true).

import type { KubeObject, PropagationPolicy, ResourceType } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FILENAME_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError, interrupted } from '../cli/errors.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { kindPrefix } from '../server/discovery.js';
import { readManifests } from '../server/manifests.js';
import { addSourceToErr } from '../server/source-error.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

export const MISSING_RESOURCE = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

export const deleteCommand: Command = {
  name: 'delete',
  short: 'Delete resources by file names, stdin, resources and names, or by resources and label selector',
  usage: 'kubectl delete ([-f FILENAME] | [-k DIRECTORY] | TYPE [(NAME | -l label | --all)]) [options]',
  flags: [
    ...FILENAME_FLAGS, SELECTOR_FLAG, DRY_RUN_FLAG, { name: 'output', short: 'o', kind: 'string' },
    { name: 'all', kind: 'bool' }, { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'field-selector', kind: 'string' },
    { name: 'cascade', kind: 'string', def: 'background', noOptDefVal: 'background' }, { name: 'force', kind: 'bool' },
    { name: 'grace-period', kind: 'int', def: '-1' }, { name: 'ignore-not-found', kind: 'bool' }, { name: 'now', kind: 'bool' },
    { name: 'timeout', kind: 'duration', def: '0s' }, { name: 'wait', kind: 'bool', def: 'true' }, { name: 'interactive', short: 'i', kind: 'bool' },
    { name: 'raw', kind: 'string' },
  ],
  run: runDelete,
};

interface Target {
  readonly rt: ResourceType;
  readonly obj: KubeObject;
  readonly source: string;
}

function gracePeriod(ctx: Ctx): number {
  const f = ctx.flags;
  let grace = f.int('grace-period');
  if (f.bool('now')) {
    if (grace !== -1) throw new KubectlError('--now and --grace-period cannot be specified together');
    grace = 1;
  }
  if (grace === 0 && !f.bool('force')) grace = 1;
  if (f.bool('force') && grace < 0) grace = 0;
  if (grace > 0 && f.bool('force')) throw new KubectlError('--force and --grace-period greater than 0 cannot be specified together');
  if (grace === 0 && f.bool('force')) ctx.warn('Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.');
  return grace;
}

async function targets(ctx: Ctx, args: string[]): Promise<{ targets: Target[]; errors: unknown[] }> {
  const f = ctx.flags;
  if (f.strings('filename').length > 0) {
    const m = await readManifests(ctx, f.strings('filename'));
    const errors = [...m.errors];
    const found: Target[] = [];
    for (const i of m.infos) {
      try {
        found.push({ rt: i.rt, obj: ctx.api().get(i.rt.kind, i.namespace, i.name), source: i.source });
      } catch (e) {
        errors.push(addSourceToErr('deleting', i.source, e));
      }
    }
    return { targets: found, errors };
  }
  const requests = parseResourceArgs(ctx, args);
  if (requests.length === 0) throw new KubectlError(MISSING_RESOURCE);
  const selecting = f.bool('all') || f.string('selector') !== '' || f.string('field-selector') !== '';
  if (requests.some((r) => r.names.length === 0) && !selecting) throw new KubectlError('resource(s) were provided, but no name was specified');
  const fetched = fetchAll(ctx, requests, { allNamespaces: f.bool('all-namespaces'), labelSelector: f.string('selector'), fieldSelector: f.string('field-selector') });
  return { targets: infosOf(fetched).map((i) => ({ rt: i.rt, obj: i.obj, source: '' })), errors: fetched.errors };
}

async function runDelete(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  const output = f.string('output');
  if (output !== '' && output !== 'name') throw new KubectlError(`unexpected -o output mode: ${output}. We only support '-o name'`);
  if (f.bool('all') && f.string('selector')) throw new KubectlError('cannot set --all and --selector at the same time');
  if (f.bool('all') && f.string('field-selector')) throw new KubectlError('cannot set --all and --field-selector at the same time');
  const grace = gracePeriod(ctx);
  const mode = dryRunMode(ctx);
  const ignoreNotFound = f.changed.has('ignore-not-found') ? f.bool('ignore-not-found') : f.bool('all') || f.string('selector') !== '' || f.string('field-selector') !== '';
  const { targets: found, errors: fetchErrors } = await targets(ctx, args);
  const errors = ignoreNotFound ? fetchErrors.filter((e) => !(e instanceof Error && 'code' in e && e.code === 'NotFound')) : fetchErrors;
  const deleted: Target[] = [];
  for (const t of found) {
    const name = t.obj.metadata.name ?? '';
    const kind = kindPrefix(t.rt);
    if (mode !== 'client') {
      try {
        const policy = cascade(f.string('cascade'));
        ctx.api().delete(t.rt.kind, t.obj.metadata.namespace, name, { propagationPolicy: policy, ...(grace >= 0 ? { gracePeriodSeconds: grace } : {}), dryRun: mode === 'server' });
      } catch (e) {
        errors.push(addSourceToErr('deleting', t.source, e));
        continue;
      }
    }
    deleted.push(t);
    ctx.out(output === 'name' ? `${kind}/${name}\n` : `${kind} "${name}" ${grace === 0 ? 'force deleted' : 'deleted'}${dryRunSuffix(ctx)}\n`);
  }
  if (found.length === 0 && errors.length === 0) ctx.out('No resources found\n');
  if (deleted.length > 0 && f.bool('wait') && mode === 'none') await waitGone(ctx, deleted);
  if (errors.length > 0) throw new AggregateError(errors);
}

function cascade(value: string): PropagationPolicy {
  if (value === 'background' || value === 'true') return 'Background';
  if (value === 'foreground') return 'Foreground';
  if (value === 'orphan' || value === 'false') return 'Orphan';
  throw new KubectlError(`invalid cascade value (${value}). Must be "background", "foreground", or "orphan"`);
}

/** The wait after delete: until each object (this uid) is gone from the apiserver. */
async function waitGone(ctx: Ctx, deleted: readonly Target[]): Promise<void> {
  const api = ctx.api();
  const timeoutUs = ctx.flags.durationUs('timeout') || 7 * 24 * 3600 * 1_000_000;
  const gone = (): boolean => deleted.every((t) => api.tryGet(t.rt.kind, t.obj.metadata.namespace, t.obj.metadata.name ?? '')?.metadata.uid !== t.obj.metadata.uid);
  await ctx.p.until(() => gone() || ctx.p.isInterrupted, timeoutUs);
  if (ctx.p.isInterrupted) throw interrupted();
}
