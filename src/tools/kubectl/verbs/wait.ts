// Layer tools (kubectl): `kubectl wait --for=delete|create|condition=NAME[=VALUE]|jsonpath='{...}'[=VALUE]`
// (kubectl/pkg/cmd/wait): each named object is watched until the condition holds ("pod/x condition met"),
// or --timeout (default 30s) passes: "timed out waiting for the condition on pods/x".

import { isRecord, type KubeObject, type ResourceType } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError, interrupted } from '../cli/errors.js';
import { JsonPath } from '../jsonpath/evaluate.js';
import { relaxedJsonPath } from '../jsonpath/relaxed.js';
import { namePrinter } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';

type Check = (obj: KubeObject | undefined) => boolean;

function conditionCheck(spec: string): Check {
  const lower = spec.toLowerCase();
  if (lower === 'delete') return (o) => o === undefined;
  if (lower === 'create') return (o) => o !== undefined;
  if (spec.startsWith('condition=')) {
    const body = spec.slice('condition='.length);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const value = eq < 0 ? 'true' : body.slice(eq + 1);
    return (o) => {
      const conds = (o as { status?: { conditions?: unknown[] } } | undefined)?.status?.conditions ?? [];
      return conds.some((c) => isRecord(c) && String(c['type']).toLowerCase() === name.toLowerCase() && String(c['status']).toLowerCase() === value.toLowerCase() && !(typeof c['observedGeneration'] === 'number' && c['observedGeneration'] < (o?.metadata.generation ?? 0)));
    };
  }
  if (spec.startsWith('jsonpath=')) {
    const input = spec.slice('jsonpath='.length);
    const m = /^(\{.*\}|[^=]+)(?:=(.*))?$/s.exec(input);
    if (!m) throw new KubectlError("jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'");
    const path = relaxedJsonPath(m[1] ?? '');
    const want = m[2];
    return (o) => {
      if (!o) return false;
      const jp = new JsonPath(path);
      jp.allowMissingKeys = true;
      const values = jp.findResults(o).flat();
      if (values.length === 0) return false;
      if (want === undefined) return true;
      return values.length === 1 && jp.printResults(values) === want;
    };
  }
  throw new KubectlError(`unrecognized condition: ${JSON.stringify(spec)}`);
}

export const waitCommand: Command = {
  name: 'wait',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  usage: "kubectl wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath='{}'[=value]] [options]",
  flags: [...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, { name: 'for', kind: 'string' }, { name: 'timeout', kind: 'duration', def: '30s' }, { name: 'all', kind: 'bool' }, { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'field-selector', kind: 'string' }, { name: 'local', kind: 'bool' }],
  run: async (ctx, args) => {
    const forSpec = ctx.flags.string('for');
    if (!forSpec) throw new KubectlError('--for must be one of "create", "delete", "condition=...", or "jsonpath=..."');
    const check = conditionCheck(forSpec);
    const fetched = fetchAll(ctx, parseResourceArgs(ctx, args), { labelSelector: ctx.flags.string('selector'), fieldSelector: ctx.flags.string('field-selector'), allNamespaces: ctx.flags.bool('all-namespaces') });
    const isDelete = forSpec.toLowerCase() === 'delete';
    const errors = fetched.errors.filter((e) => !(isDelete && e instanceof Error && 'code' in e && e.code === 'NotFound'));
    if (errors.length > 0) throw new AggregateError(errors);
    const infos = infosOf(fetched);
    if (infos.length === 0 && !isDelete) throw new KubectlError('no matching resources found');
    for (const { rt, obj } of infos) await waitOne(ctx, rt, obj, check);
  },
};

async function waitOne(ctx: Ctx, rt: ResourceType, obj: KubeObject, check: Check): Promise<void> {
  const api = ctx.api();
  const name = obj.metadata.name ?? '';
  const live = (): KubeObject | undefined => {
    const o = api.tryGet(rt.kind, obj.metadata.namespace, name);
    return o && o.metadata.uid === obj.metadata.uid ? o : undefined;
  };
  const timeoutUs = ctx.flags.durationUs('timeout');
  const ok = timeoutUs === 0 ? check(live()) : await ctx.p.until(() => check(live()) || ctx.p.isInterrupted, timeoutUs);
  if (ctx.p.isInterrupted) throw interrupted();
  if (!ok) throw new KubectlError(timeoutUs === 0 ? `condition not met for ${rt.plural}/${name}` : `timed out waiting for the condition on ${rt.plural}/${name}`);
  ctx.out(namePrinter('condition met')(live() ?? obj));
}
