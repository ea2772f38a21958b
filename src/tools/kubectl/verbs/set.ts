// Layer tools (kubectl): `kubectl set image (TYPE NAME | TYPE/NAME) CONTAINER=IMAGE...` (kubectl/pkg/cmd/set/
// set_image.go): the container images of a pod template (or a pod) changed by a strategic merge patch, so a
// deployment rolls out a new replica set ("deployment.apps/webpod image updated"). `kubectl set` alone
// prints its help on stderr and fails.

import { patchObject, type Container, type KubeObject, type PodSpec } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { MISSING_RESOURCE } from './delete.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

const TEMPLATED = new Set(['Deployment', 'ReplicaSet', 'DaemonSet', 'StatefulSet', 'ReplicationController', 'Job']);

const imageCommand: Command = {
  name: 'image',
  short: 'Update the image of a pod template',
  usage: 'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N [options]',
  flags: [...PRINT_FLAGS, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-set'), SELECTOR_FLAG, { name: 'all', kind: 'bool' }, { name: 'local', kind: 'bool' }, { name: 'record', kind: 'bool' }],
  run: runSetImage,
};

export const setCommand: Command = {
  name: 'set',
  short: 'Set specific features on objects',
  long: 'Configure application resources.\n\n These commands help you make changes to existing application resources.',
  usage: 'kubectl set SUBCOMMAND [options]',
  subcommands: [imageCommand],
};

/** cmdutil.GetResourcesAndPairs: resource words first, then NAME=VALUE pairs. */
function resourcesAndPairs(args: readonly string[]): { resources: string[]; pairs: string[] } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const a of args) {
    const isPair = (a.includes('=') && !a.startsWith('=')) || (a.endsWith('-') && a !== '-');
    if (isPair) pairs.push(a);
    else if (pairs.length > 0) throw new KubectlError(`all resources must be specified before image changes: ${a}`);
    else resources.push(a);
  }
  return { resources, pairs };
}

async function runSetImage(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  const mode = dryRunMode(ctx);
  if (f.bool('local')) throw new KubectlError('kubectl set image --local is not modelled');
  const { resources, pairs } = resourcesAndPairs(args);
  const invalid = pairs.filter((p) => !(p.includes('=') && !p.startsWith('=')));
  if (invalid.length > 0) throw new KubectlError(`invalid image format: ${invalid.join(', ')}`);
  const images = new Map(pairs.map((p) => [p.slice(0, p.indexOf('=')), p.slice(p.indexOf('=') + 1)] as const));
  if (resources.length === 0) throw new KubectlError(MISSING_RESOURCE);
  const fetched = fetchAll(ctx, parseResourceArgs(ctx, resources), { labelSelector: f.string('selector') });
  if (fetched.errors.length > 0) throw new AggregateError(fetched.errors);
  const invalidArgs: unknown[] = [];
  if (f.bool('all') && f.string('selector')) invalidArgs.push(new KubectlError('cannot set --all and --selector at the same time'));
  if (images.size === 0) invalidArgs.push(new KubectlError('at least one image update is required'));
  else if (images.size > 1 && images.has('*')) invalidArgs.push(new KubectlError('all containers are already specified by *, but saw more than one container_name=container_image pairs'));
  if (invalidArgs.length > 0) throw new AggregateError(invalidArgs);
  const output = f.string('output');
  const printer = output ? outputFormat(output, false, f.bool('allow-missing-template-keys')).printer : namePrinter(`image updated${dryRunSuffix(ctx)}`);
  const errors: unknown[] = [];
  for (const { rt, obj } of infosOf(fetched)) {
    const spec = podSpecOf(obj);
    const resource = rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
    if (!spec) {
      errors.push(new KubectlError(`error: ${resource}/${obj.metadata.name ?? ''} the object is not a pod or does not have a pod template: *v1.${obj.kind}\n`));
      continue;
    }
    const changes: Record<'containers' | 'initContainers', Container[]> = { containers: [], initContainers: [] };
    for (const [name, image] of images) {
      let found = false;
      for (const list of ['initContainers', 'containers'] as const) {
        for (const c of spec[list] ?? []) {
          if (c.name !== name && name !== '*') continue;
          found = true;
          if (c.image !== image) changes[list].push({ ...c, image });
        }
      }
      if (!found) errors.push(new KubectlError(`error: unable to find container named ${JSON.stringify(name)}`));
    }
    const patchSpec = Object.fromEntries(Object.entries(changes).filter(([, l]) => l.length > 0).map(([k, l]) => [k, l.map((c) => ({ image: c.image, name: c.name }))]));
    if (Object.keys(patchSpec).length === 0) continue;
    const patch = obj.kind === 'Pod' ? { spec: patchSpec } : { spec: { template: { spec: patchSpec } } };
    if (mode === 'client') {
      ctx.out(printer ? printer(withImages(obj, changes)) : '');
      continue;
    }
    const updated = patchObject(ctx.api(), rt.kind, obj.metadata.namespace, obj.metadata.name ?? '', patch, 'strategic', { dryRun: mode === 'server' });
    ctx.out(printer ? printer(updated) : '');
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

function podSpecOf(obj: KubeObject): PodSpec | undefined {
  if (obj.kind === 'Pod') return (obj as unknown as { spec: PodSpec }).spec;
  if (TEMPLATED.has(obj.kind)) return (obj as unknown as { spec: { template: { spec: PodSpec } } }).spec.template.spec;
  if (obj.kind === 'CronJob') return (obj as unknown as { spec: { jobTemplate: { spec: { template: { spec: PodSpec } } } } }).spec.jobTemplate.spec.template.spec;
  return undefined;
}

/** The object as --dry-run=client prints it: the new images in place. */
function withImages(obj: KubeObject, changes: Record<'containers' | 'initContainers', Container[]>): KubeObject {
  const copy = JSON.parse(JSON.stringify(obj)) as KubeObject;
  const spec = podSpecOf(copy);
  for (const list of ['initContainers', 'containers'] as const) {
    for (const c of spec?.[list] ?? []) {
      const changed = changes[list].find((x) => x.name === c.name);
      if (changed?.image !== undefined) c.image = changed.image;
    }
  }
  return copy;
}
