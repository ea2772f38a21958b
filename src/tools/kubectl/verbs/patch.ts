// Layer tools (kubectl): `kubectl patch (TYPE NAME | TYPE/NAME | -f FILE) -p PATCH [--type strategic|merge|
// json]` (kubectl/pkg/cmd/patch): the patch is JSON or YAML; custom resources take no strategic merge patch
// (415 from the apiserver); "service/webpod patched", or "patched (no change)".

import YAML from 'yaml';
import { deepEqual, K8sError, patchObject, type PatchType } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAGS, PRINT_FLAGS } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { readManifests } from '../server/manifests.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

const TYPES: Readonly<Record<string, PatchType>> = { json: 'json', merge: 'merge', strategic: 'strategic' };

export const patchCommand: Command = {
  name: 'patch',
  short: 'Update fields of a resource',
  usage: "kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [options]",
  flags: [
    ...PRINT_FLAGS, ...FILENAME_FLAGS, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-patch'), { name: 'patch', short: 'p', kind: 'string' },
    { name: 'patch-file', kind: 'string' }, { name: 'type', kind: 'string', def: 'strategic' }, { name: 'local', kind: 'bool' }, { name: 'subresource', kind: 'string' },
  ],
  run: runPatch,
};

function readPatch(ctx: Ctx): unknown {
  const f = ctx.flags;
  if (f.string('patch') && f.string('patch-file')) throw new KubectlError('cannot specify --patch and --patch-file together');
  let text = f.string('patch');
  if (f.string('patch-file')) {
    const t = ctx.p.host.readFile(f.string('patch-file'));
    if (t === undefined) throw new KubectlError(`unable to read patch file: open ${f.string('patch-file')}: no such file or directory`);
    text = t;
  }
  if (!text) throw new KubectlError('must specify --patch or --patch-file containing the contents of the patch');
  try {
    return YAML.parse(text, { version: '1.1' }) as unknown;
  } catch (e) {
    throw new KubectlError(`unable to parse ${JSON.stringify(text)}: error converting YAML to JSON: yaml: ${e instanceof Error ? e.message.split('\n')[0] ?? '' : ''}`);
  }
}

async function runPatch(ctx: Ctx, args: string[]): Promise<void> {
  const type = TYPES[ctx.flags.string('type')];
  if (!type) throw new KubectlError(`--type must be one of [json merge strategic], not ${JSON.stringify(ctx.flags.string('type'))}`);
  const patch = readPatch(ctx);
  const filenames = ctx.flags.strings('filename');
  const targets = filenames.length > 0 ? (await readManifests(ctx, filenames)).infos.map((i) => ({ rt: i.rt, obj: ctx.api().get(i.rt.kind, i.namespace, i.name) })) : infosOf(requireNoErrors(fetchAll(ctx, parseResourceArgs(ctx, args))));
  if (targets.length === 0) throw new KubectlError('no objects passed to patch');
  const errors: unknown[] = [];
  for (const { rt, obj } of targets) {
    if (rt.isCrd && type === 'strategic') {
      errors.push(new K8sError('BadRequest', 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml'));
      continue;
    }
    const mode = dryRunMode(ctx);
    const patched = patchObject(ctx.api(), rt.kind, obj.metadata.namespace, obj.metadata.name ?? '', patch, type, { dryRun: mode !== 'none' });
    const changed = !deepEqual(patched, obj);
    const out = ctx.flags.string('output');
    ctx.out(out ? (outputFormat(out, false, ctx.flags.bool('allow-missing-template-keys')).printer?.(patched) ?? '') : namePrinter(`${changed ? 'patched' : 'patched (no change)'}${dryRunSuffix(ctx)}`)(patched));
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

function requireNoErrors<T extends { errors: unknown[] }>(f: T): T {
  if (f.errors.length > 0) throw new AggregateError(f.errors);
  return f;
}
