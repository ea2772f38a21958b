// Layer tools (kubectl): `kubectl scale --replicas=N (TYPE NAME | TYPE/NAME | -f FILE)` (kubectl/pkg/cmd/
// scale): sets spec.replicas through the scale subresource of deployments, replica sets and stateful sets
// ("deployment.apps/webpod scaled"); --current-replicas is a precondition.

import { K8sError, patchObject } from '../../../k8s/index.js';
import type { Command } from '../cli/command.js';
import { DRY_RUN_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import { AggregateError, KubectlError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

const SCALABLE = new Set(['Deployment', 'ReplicaSet', 'StatefulSet', 'ReplicationController']);

export const scaleCommand: Command = {
  name: 'scale',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  usage: 'kubectl scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME) [options]',
  flags: [
    ...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, DRY_RUN_FLAG, { name: 'all', kind: 'bool' }, { name: 'replicas', kind: 'int', def: '-1' },
    { name: 'current-replicas', kind: 'int', def: '-1' }, { name: 'resource-version', kind: 'string' }, { name: 'timeout', kind: 'duration', def: '0s' },
  ],
  run: async (ctx, args) => {
    const f = ctx.flags;
    const replicas = f.int('replicas');
    if (replicas < 0) throw new KubectlError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
    if (f.int('current-replicas') < -1) throw new KubectlError('The --current-replicas must specify an integer of -1 or greater');
    const fetched = fetchAll(ctx, parseResourceArgs(ctx, args), { labelSelector: f.string('selector') });
    const infos = infosOf(fetched);
    // RunScale keeps only the infos its Visit got without an error: a missing object is silently skipped.
    if (infos.length === 0) throw new KubectlError('no objects passed to scale');
    const printer = f.string('output') ? outputFormat(f.string('output'), false, f.bool('allow-missing-template-keys')).printer : namePrinter(`scaled${dryRunSuffix(ctx)}`);
    const errors: unknown[] = [...fetched.errors];
    for (const { rt, obj } of infos) {
      if (!SCALABLE.has(rt.kind)) throw new K8sError('NotFound', 'the server could not find the requested resource');
      const spec = (obj as unknown as { spec?: { replicas?: number } }).spec;
      const current = f.int('current-replicas');
      if (current >= 0 && (spec?.replicas ?? 0) !== current) {
        errors.push(new KubectlError(`Expected replicas to be ${current}, was ${spec?.replicas ?? 0}`));
        continue;
      }
      const mode = dryRunMode(ctx);
      const updated = mode === 'client' ? obj : patchObject(ctx.api(), rt.kind, obj.metadata.namespace, obj.metadata.name ?? '', { spec: { replicas } }, 'merge', { dryRun: mode === 'server' });
      ctx.out(printer ? printer(updated) : '');
    }
    if (errors.length > 0) throw new AggregateError(errors);
  },
};
