// Layer tools (kubectl): `kubectl run NAME --image=IMAGE [-- ARGS...]` (kubectl/pkg/cmd/run/run.go and
// generate/versioned/run.go): the checks in run.go's order, the Pod the BasicPod generator builds (labels
// run=NAME, one container named NAME, dnsPolicy ClusterFirst), --overrides as a JSON merge patch, --expose,
// and `-i/--attach` with --rm, which runs the container's command on the terminal (see run-attach.ts).

import { mergePatch, type GenericObject } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, usageError } from '../cli/errors.js';
import { dryRunMode } from './dry-run.js';
import { createObject } from './create-object.js';
import { buildService, parseLabelSpec, type ServiceParams } from './expose-service.js';
import { attachRun } from './run-attach.js';

const b = (name: string, short?: string) => ({ name, kind: 'bool' as const, ...(short ? { short } : {}) });
const s = (name: string, def?: string, short?: string) => ({ name, kind: 'string' as const, ...(def !== undefined ? { def } : {}), ...(short ? { short } : {}) });

export const runCommand: Command = {
  name: 'run',
  short: 'Run a particular image on the cluster',
  usage: 'kubectl run NAME --image=image [--env="key=value"] [--port=port] [--dry-run=server|client] [--overrides=inline-json] [--command] -- [COMMAND] [args...] [options]',
  flags: [
    ...PRINT_FLAGS, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-run'), { name: 'annotations', kind: 'stringArray' }, { name: 'env', kind: 'stringArray' },
    s('image'), s('image-pull-policy'), s('port'), s('labels', undefined, 'l'), s('restart', 'Always'), s('overrides'), s('override-type', 'merge'),
    b('rm'), b('stdin', 'i'), b('tty', 't'), b('attach'), b('leave-stdin-open'), b('command'), b('expose'), b('quiet', 'q'), b('privileged'), b('save-config'), b('record'),
    b('force'), { name: 'grace-period', kind: 'int', def: '-1' }, s('cascade', 'background'), { name: 'timeout', kind: 'duration', def: '0s' }, b('wait'),
    { name: 'pod-running-timeout', kind: 'duration', def: '1m0s' },
  ],
  run: runRun,
};

/** distribution/reference's ReferenceRegexp (anchored): [domain/]path[:tag][@digest]. */
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

async function runRun(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  if (!f.changed.has('image')) throw new KubectlError('required flag(s) "image" not set');
  const mode = dryRunMode(ctx);
  const stdin = f.bool('stdin');
  const attach = f.changed.has('attach') ? f.bool('attach') : stdin;
  if (args.length === 0 || ctx.argsLenAtDash === 0) throw usageError(ctx.path, 'NAME is required for run');
  if (f.durationUs('pod-running-timeout') <= 0) throw usageError(ctx.path, '--pod-running-timeout must be higher than zero');
  const image = f.string('image');
  if (image === '') throw new KubectlError('--image is required');
  if (!REFERENCE.test(image)) throw new KubectlError(`Invalid image name ${JSON.stringify(image)}: invalid reference format`);
  if (f.bool('tty') && !stdin) throw usageError(ctx.path, '-i/--stdin is required for containers with -t/--tty=true');
  if (f.bool('expose') && f.string('port') === '') throw usageError(ctx.path, '--port must be set when exposing a service');
  const restart = f.string('restart') || (stdin ? 'OnFailure' : 'Always');
  if (!['Always', 'OnFailure', 'Never'].includes(restart)) throw usageError(ctx.path, `invalid restart policy: ${restart}`);
  if (!attach && f.bool('rm')) throw usageError(ctx.path, '--rm should only be used for attached containers');
  if (attach && mode !== 'none') throw usageError(ctx.path, "--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)");
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(f.string('image-pull-policy'))) throw usageError(ctx.path, `invalid image pull policy: ${f.string('image-pull-policy')}`);
  const name = args[0] ?? '';
  const pod = applyOverrides(ctx, basicPod(ctx, name, args.slice(1), f.string('restart') || 'Always'));
  const printed = createObject(ctx, pod, '');
  if (f.bool('expose')) exposeRun(ctx, name);
  if (attach) return attachRun(ctx, name, restart);
  ctx.out(printed);
}

/** BasicPod.Generate: the pod as kubectl builds it before sending it. */
function basicPod(ctx: Ctx, name: string, args: readonly string[], restart: string): GenericObject {
  const f = ctx.flags;
  const labels = f.string('labels') === '' ? { run: name } : parseLabelSpec(f.string('labels'));
  const annotations = parsePairs(f.strings('annotations'), 'annotations');
  const container: Record<string, unknown> = { name, image: f.string('image'), resources: {} };
  if (f.bool('stdin')) Object.assign(container, { stdin: true, ...(f.bool('leave-stdin-open') ? {} : { stdinOnce: true }) });
  if (f.bool('tty')) container['tty'] = true;
  if (f.bool('privileged')) container['securityContext'] = { privileged: true };
  if (args.length > 0) container[f.bool('command') ? 'command' : 'args'] = [...args];
  const env = f.strings('env').map(parseEnv);
  if (env.length > 0) container['env'] = env;
  if (f.string('image-pull-policy') !== '') container['imagePullPolicy'] = f.string('image-pull-policy');
  const port = f.string('port');
  if (port !== '') container['ports'] = [{ containerPort: atoi(port) }];
  const metadata = { creationTimestamp: null, labels, name, ...(Object.keys(annotations).length > 0 ? { annotations } : {}) };
  return { apiVersion: 'v1', kind: 'Pod', metadata, spec: { containers: [container], dnsPolicy: 'ClusterFirst', restartPolicy: restart }, status: {} } as unknown as GenericObject;
}

/** run.go's generateService: a ClusterIP service named after the pod, selecting its labels. */
function exposeRun(ctx: Ctx, name: string): void {
  const f = ctx.flags;
  const params: ServiceParams = { name, selector: f.string('labels') || `run=${name}`, port: f.string('port'), protocol: '', protocols: '', targetPort: '', labels: '', type: '' };
  ctx.out(createObject(ctx, buildService(params), ''));
  if (f.string('output') === 'yaml') ctx.out('---\n');
}

/** cmdutil.Overrider with the default override type (a JSON merge patch). */
function applyOverrides(ctx: Ctx, obj: GenericObject): GenericObject {
  const overrides = ctx.flags.string('overrides');
  if (overrides === '') return obj;
  const type = ctx.flags.string('override-type');
  if (type !== 'merge') throw new KubectlError(type === 'json' || type === 'strategic' ? `--override-type=${type} is not modelled; use merge` : `invalid override type: ${type}`);
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    throw new KubectlError('Invalid JSON Patch');
  }
  return mergePatch(obj, patch) as GenericObject;
}

/** strconv.Atoi's error text. */
export function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new KubectlError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  return Number(s);
}

/** run.go's parseEnvs: NAME=VALUE with a C identifier-like name. */
function parseEnv(env: string): { name: string; value: string } {
  const i = env.indexOf('=');
  const name = i < 0 ? '' : env.slice(0, i);
  if (!/^[-._a-zA-Z][-._a-zA-Z0-9]*$/.test(name)) throw new KubectlError(`invalid env: ${env}`);
  return { name, value: env.slice(i + 1) };
}

/** cmdutil.ParsePairs without removals: "invalid annotations format: a, b" for pairs without "=". */
function parsePairs(pairs: readonly string[], pairType: string): Record<string, string> {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    if (p.includes('=') && !p.startsWith('=')) out[p.slice(0, p.indexOf('='))] = p.slice(p.indexOf('=') + 1);
    else invalid.push(p);
  }
  if (invalid.length > 0) throw new KubectlError(`invalid ${pairType} format: ${invalid.join(', ')}`);
  return out;
}
