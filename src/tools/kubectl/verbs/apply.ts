// Layer tools (kubectl): client-side `kubectl apply -f` (kubectl/pkg/cmd/apply/apply.go applyOneObject):
// a new object is created with the last-applied-configuration annotation; an existing one gets the three-way
// patch (last applied, new configuration, live), or nothing when the patch is empty; each result prints as
// "kind/name created|configured|unchanged", errors are collected and printed after.

import { deepClone, isRecord, patchObject, type GenericObject } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError, usageError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { readManifests, validationEnabled, type ManifestInfo } from '../server/manifests.js';
import { addSourceToErr } from '../server/source-error.js';
import { threeWayPatch } from '../server/three-way-patch.js';
import { goJson } from '../text/go-json.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

const WARN_NO_ANNOTATION = (name: string): string =>
  `Warning: resource ${name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`;

export const applyCommand: Command = {
  name: 'apply',
  short: 'Apply a configuration to a resource by file name or stdin',
  usage: 'kubectl apply (-f FILENAME | -k DIRECTORY) [options]',
  flags: [
    ...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-client-side-apply'),
    { name: 'force', kind: 'bool' }, { name: 'grace-period', kind: 'int', def: '-1' }, { name: 'overwrite', kind: 'bool', def: 'true' },
    { name: 'prune', kind: 'bool' }, { name: 'server-side', kind: 'bool' }, { name: 'force-conflicts', kind: 'bool' },
    { name: 'validate', kind: 'string', def: 'strict', noOptDefVal: 'strict' }, { name: 'wait', kind: 'bool' }, { name: 'timeout', kind: 'duration', def: '0s' },
    { name: 'cascade', kind: 'string', def: 'background', noOptDefVal: 'background' }, { name: 'all', kind: 'bool' }, { name: 'record', kind: 'bool' },
    { name: 'openapi-patch', kind: 'bool', def: 'true' }, { name: 'prune-allowlist', kind: 'stringArray' }, { name: 'applyset', kind: 'string' },
  ],
  run: runApply,
};

async function runApply(ctx: Ctx, args: string[]): Promise<void> {
  if (args.length > 0) throw usageError(ctx.path, `Unexpected args: [${args.join(' ')}]`);
  const output = ctx.flags.string('output');
  const printer = output === '' ? undefined : outputFormat(output, false, ctx.flags.bool('allow-missing-template-keys')).printer;
  const filenames = ctx.flags.strings('filename');
  if (filenames.length === 0 && !ctx.flags.string('kustomize')) throw new KubectlError('must specify one of -f and -k');
  const { infos, errors } = await readManifests(ctx, filenames, validationEnabled(ctx));
  if (infos.length === 0 && errors.length === 0) throw new KubectlError('no objects passed to apply');
  for (const info of infos) {
    try {
      const [result, operation] = applyOne(ctx, info);
      ctx.out(printer ? printer(result) : namePrinter(`${operation}${dryRunSuffix(ctx)}`)(result));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

/** The new configuration as JSON with the annotation removed (GetModifiedConfiguration, annotate=false). */
function configJson(obj: GenericObject): string {
  const c = deepClone(obj);
  const annotations = { ...(c.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  c.metadata = { ...c.metadata, annotations };
  return `${goJson(c)}\n`;
}

function withLastApplied(obj: GenericObject, config: string): GenericObject {
  const c = deepClone(obj);
  c.metadata = { ...c.metadata, annotations: { ...(c.metadata.annotations ?? {}), [LAST_APPLIED]: config } };
  return c;
}

function applyOne(ctx: Ctx, info: ManifestInfo): [GenericObject, string] {
  const api = ctx.api();
  const mode = dryRunMode(ctx);
  const config = configJson(info.obj);
  const modified = withLastApplied(info.obj, config);
  const current = api.tryGet(info.rt.kind, info.namespace, info.name) as GenericObject | undefined;
  if (!current) {
    const toCreate = pruneNulls(modified) as GenericObject;
    if (mode === 'client') return [toCreate, 'created'];
    try {
      return [api.create(toCreate, { fieldValidation: 'Strict', dryRun: mode === 'server' }), 'created'];
    } catch (e) {
      throw addSourceToErr('creating', info.source, e);
    }
  }
  if (mode === 'client') return [current, 'configured'];
  if (current.metadata.annotations?.[LAST_APPLIED] === undefined) ctx.err(WARN_NO_ANNOTATION(`${info.rt.plural}/${info.name}`));
  const lastText = current.metadata.annotations?.[LAST_APPLIED];
  const original = lastText ? (JSON.parse(lastText) as unknown) : undefined;
  const patch = threeWayPatch(isRecord(original) ? original : undefined, modified as Record<string, unknown>, current as Record<string, unknown>, { strategic: !info.rt.isCrd });
  if (Object.keys(patch).length === 0) return [current, 'unchanged'];
  try {
    return [patchObject(api, info.rt.kind, info.namespace, info.name, patch, info.rt.isCrd ? 'merge' : 'strategic', { dryRun: mode === 'server' }) as GenericObject, 'configured'];
  } catch (e) {
    const gv = info.rt.group === '' ? `/${info.rt.version}` : `${info.rt.group}/${info.rt.version}`;
    const where = `Resource: "${gv}, Resource=${info.rt.plural}", GroupVersionKind: "${gv}, Kind=${info.rt.kind}"\nName: ${JSON.stringify(info.name)}, Namespace: ${JSON.stringify(info.namespace ?? '')}`;
    throw addSourceToErr(`applying patch:\n${goJson(patch)}\nto:\n${where}\nfor:`, info.source, addSourceToErr('patching', info.source, e));
  }
}

/** pruneNullsFromMap: members set to null are dropped before a create. */
function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(pruneNulls);
  if (!isRecord(v)) return v;
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
  return out;
}
