// Layer tools (kubectl): `kubectl create namespace|deployment|configmap|serviceaccount NAME`, building the
// objects as kubectl/pkg/cmd/create does (a deployment labelled app=NAME with one container per --image,
// named after the image; configmap data from --from-literal=k=v) and creating them like `create -f`.

import { randomSuffix, type GenericObject } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, usageError } from '../cli/errors.js';
import { createObject, CREATE_FLAGS } from './create-object.js';

function oneName(ctx: Ctx, args: string[]): string {
  if (args.length !== 1) throw usageError(ctx.path, `exactly one NAME is required, got ${args.length}`);
  return args[0] ?? '';
}

/** A typed ObjectMeta as kubectl 1.33 serializes it: the zero creationTimestamp is `null` (omitempty keeps structs). */
function meta(ctx: Ctx, name: string, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { creationTimestamp: null, name, ...(ctx.explicitNamespace() ? { namespace: ctx.namespace() } : {}), ...extra };
}

function containerName(ctx: Ctx, image: string): string {
  let name = image.split('/').pop() ?? image;
  name = name.split(':')[0] ?? name;
  name = name.split('@')[0] ?? name;
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(ctx.lab.ctx.rng.fork(`kubectl/create/${name}`))}`;
  return name;
}

const namespace: Command = {
  name: 'namespace',
  aliases: ['ns'],
  short: 'Create a namespace with the specified name',
  flags: CREATE_FLAGS,
  run: async (ctx, args) => {
    const name = oneName(ctx, args);
    ctx.out(createObject(ctx, { apiVersion: 'v1', kind: 'Namespace', metadata: { creationTimestamp: null, name }, spec: {}, status: {} } as GenericObject, ''));
  },
};

const deployment: Command = {
  name: 'deployment',
  aliases: ['deploy'],
  short: 'Create a deployment with the specified name',
  flags: [...CREATE_FLAGS, { name: 'image', kind: 'stringSlice' }, { name: 'replicas', short: 'r', kind: 'int', def: '1' }, { name: 'port', kind: 'int', def: '-1' }],
  run: async (ctx, args) => {
    const images = ctx.flags.strings('image');
    if (images.length === 0) throw new KubectlError('required flag(s) "image" not set');
    const name = oneName(ctx, args);
    const labels = { app: name };
    const containers = images.map((image) => ({ name: containerName(ctx, image), image, resources: {} }));
    const port = ctx.flags.int('port');
    if (port >= 0 && containers[0]) Object.assign(containers[0], { ports: [{ containerPort: port }] });
    const obj = {
      apiVersion: 'apps/v1', kind: 'Deployment', metadata: meta(ctx, name, { labels }),
      spec: { replicas: ctx.flags.int('replicas'), selector: { matchLabels: labels }, strategy: {}, template: { metadata: { creationTimestamp: null, labels }, spec: { containers } } }, status: {},
    };
    ctx.out(createObject(ctx, obj as unknown as GenericObject, ''));
  },
};

const configmap: Command = {
  name: 'configmap',
  aliases: ['cm'],
  short: 'Create a config map from a local file, directory or literal value',
  flags: [...CREATE_FLAGS, { name: 'from-literal', kind: 'stringArray' }, { name: 'from-file', kind: 'stringSlice' }, { name: 'append-hash', kind: 'bool' }],
  run: async (ctx, args) => {
    const name = oneName(ctx, args);
    const data: Record<string, string> = {};
    for (const lit of ctx.flags.strings('from-literal')) {
      const i = lit.indexOf('=');
      if (i <= 0) throw new KubectlError(`invalid literal source ${lit}, expected key=value`);
      data[lit.slice(0, i)] = lit.slice(i + 1);
    }
    for (const spec of ctx.flags.strings('from-file')) {
      const [key, path] = spec.includes('=') ? [spec.slice(0, spec.indexOf('=')), spec.slice(spec.indexOf('=') + 1)] : [spec.split('/').pop() ?? spec, spec];
      const text = ctx.p.host.readFile(path);
      if (text === undefined) throw new KubectlError(`error reading ${path}: no such file or directory`);
      data[key] = text;
    }
    ctx.out(createObject(ctx, { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(ctx, name), ...(Object.keys(data).length > 0 ? { data } : {}) } as GenericObject, ''));
  },
};

const serviceaccount: Command = {
  name: 'serviceaccount',
  aliases: ['sa'],
  short: 'Create a service account with the specified name',
  flags: CREATE_FLAGS,
  run: async (ctx, args) => {
    const name = oneName(ctx, args);
    ctx.out(createObject(ctx, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: meta(ctx, name) } as GenericObject, ''));
  },
};

export const createGenerators: readonly Command[] = [configmap, deployment, namespace, serviceaccount];
