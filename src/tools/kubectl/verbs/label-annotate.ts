// Layer tools (kubectl): `kubectl label` and `kubectl annotate` (kubectl/pkg/cmd/label, annotate): resources
// first, then KEY=VALUE and KEY- changes; existing values kept unless --overwrite; prints
// "pod/x labeled" ("not labeled" when nothing changed, "unlabeled" when only removals shrank them).

import { deepEqual, isValidLabelValue, patchObject, type KubeObject } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError } from '../cli/errors.js';
import { namePrinter } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

type Field = 'labels' | 'annotations';

/** GetResourcesAndPairs. */
function splitArgs(args: readonly string[], what: string): [string[], string[]] {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of args) {
    const isPair = (s.includes('=') && s[0] !== '=') || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before ${what} changes: ${s}`);
    else resources.push(s);
  }
  return [resources, pairs];
}

function parsePairs(pairs: readonly string[], field: Field): [Record<string, string>, string[]] {
  const set: Record<string, string> = {};
  const remove: string[] = [];
  for (const p of pairs) {
    if (p.includes('=')) {
      const parts = p.split('=');
      if (field === 'labels' && parts.length !== 2) throw new KubectlError(`invalid label spec: ${p}`);
      const [k = '', ...rest] = parts;
      const v = rest.join('=');
      const errs = field === 'labels' ? isValidLabelValue(v) : [];
      if (errs.length > 0) throw new KubectlError(`invalid label value: ${JSON.stringify(p)}: ${errs.join(';')}`);
      set[k] = v;
    } else remove.push(p.slice(0, -1));
  }
  if (remove.some((k) => k in set)) throw new KubectlError(field === 'labels' ? 'can not both modify and remove a label in the same command' : `can not both modify and remove the following annotation(s) in the same command: ${remove.filter((k) => k in set).join(', ')}`);
  return [set, remove];
}

function relabel(ctx: Ctx, obj: KubeObject, field: Field, set: Record<string, string>, remove: readonly string[]): [KubeObject, string] {
  const current = obj.metadata[field] ?? {};
  if (!ctx.flags.bool('overwrite')) {
    const clash = Object.keys(set).filter((k) => current[k] !== undefined && current[k] !== set[k]);
    if (clash.length > 0) {
      if (field === 'labels') throw new AggregateError(clash.map((k) => new KubectlError(`'${k}' already has a value (${current[k] ?? ''}), and --overwrite is false`)));
      throw new KubectlError(`--overwrite is false but found the following declared annotation(s): ${clash.map((k) => `'${k}' already has a value (${current[k] ?? ''})`).join('; ')}`);
    }
  }
  const next: Record<string, string> = { ...current, ...set };
  for (const k of remove) delete next[k];
  const verb = field === 'labels' ? 'labeled' : 'annotated';
  if (deepEqual(next, current)) return [obj, `not ${verb}`];
  const shrank = !ctx.flags.bool('overwrite') && Object.keys(next).length < Object.keys(current).length;
  const patch = { metadata: { [field]: Object.fromEntries([...Object.entries(set), ...remove.filter((k) => k in current).map((k) => [k, null])]) } };
  const mode = dryRunMode(ctx);
  const updated = mode === 'client' ? obj : patchObject(ctx.api(), obj.kind, obj.metadata.namespace, obj.metadata.name ?? '', patch, 'merge', { dryRun: mode === 'server' });
  return [updated, shrank ? `un${verb}` : verb];
}

function command(field: Field): Command {
  const what = field === 'labels' ? 'label' : 'annotation';
  return {
    name: field === 'labels' ? 'label' : 'annotate',
    short: field === 'labels' ? 'Update the labels on a resource' : 'Update the annotations on a resource',
    flags: [
      ...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, DRY_RUN_FLAG, FIELD_MANAGER_FLAG(field === 'labels' ? 'kubectl-label' : 'kubectl-annotate'), { name: 'overwrite', kind: 'bool' },
      { name: 'all', kind: 'bool' }, { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'field-selector', kind: 'string' }, { name: 'list', kind: 'bool' },
      { name: 'local', kind: 'bool' }, { name: 'resource-version', kind: 'string' },
    ],
    run: async (ctx, args) => {
      const [resources, pairs] = splitArgs(args, field === 'labels' ? 'label' : 'annotate');
      if (resources.length === 0) throw new KubectlError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
      if (pairs.length === 0 && !ctx.flags.bool('list')) throw new KubectlError(`at least one ${what} update is required`);
      const [set, remove] = parsePairs(pairs, field);
      const selecting = ctx.flags.bool('all') || ctx.flags.string('selector') !== '' || ctx.flags.string('field-selector') !== '';
      const requests = parseResourceArgs(ctx, resources);
      if (requests.some((r) => r.names.length === 0) && !selecting) throw new KubectlError('resource(s) were provided, but no name was specified');
      const fetched = fetchAll(ctx, requests, { allNamespaces: ctx.flags.bool('all-namespaces'), labelSelector: ctx.flags.string('selector'), fieldSelector: ctx.flags.string('field-selector') });
      const errors: unknown[] = [...fetched.errors];
      for (const { obj } of infosOf(fetched)) {
        if (ctx.flags.bool('list')) {
          const m = obj.metadata[field] ?? {};
          ctx.out(Object.keys(m).sort().map((k) => `${k}=${m[k] ?? ''}\n`).join(''));
          continue;
        }
        try {
          const [updated, op] = relabel(ctx, obj, field, set, remove);
          ctx.out(namePrinter(`${op}${dryRunSuffix(ctx)}`)(updated));
        } catch (e) {
          errors.push(e);
        }
      }
      if (errors.length > 0) throw new AggregateError(errors);
    },
  };
}

export const labelCommand = command('labels');
export const annotateCommand = command('annotations');
