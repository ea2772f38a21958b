// Layer tools (kubectl): `kubectl rollout restart` (polymorphichelpers/objectrestarter.go): stamps the pod
// template with kubectl.kubernetes.io/restartedAt = now in the client's local time (RFC 3339) by strategic
// merge patch, so the controller replaces every pod; "daemonset.apps/cilium restarted".

import { patchObject, type GenericObject } from '../../../k8s/index.js';
import { rfc3339Local } from '../../../lab/wall-clock.js';
import type { Command } from '../cli/command.js';
import { FIELD_MANAGER_FLAG, FILENAME_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import { AggregateError, KubectlError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { fetchAll, infosOf, parseResourceArgs } from '../server/builder.js';

const RESTARTABLE = new Set(['Deployment', 'DaemonSet', 'StatefulSet']);

export const rolloutRestartCommand: Command = {
  name: 'restart',
  short: 'Restart a resource',
  usage: 'kubectl rollout restart RESOURCE [options]',
  flags: [...PRINT_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, FIELD_MANAGER_FLAG('kubectl-rollout')],
  run: async (ctx, args) => {
    if (args.length === 0 && !ctx.flags.string('selector')) throw new KubectlError('required resource not specified');
    const fetched = fetchAll(ctx, parseResourceArgs(ctx, args), { labelSelector: ctx.flags.string('selector') });
    const errors: unknown[] = [...fetched.errors];
    const output = ctx.flags.string('output');
    const printer = output ? outputFormat(output, false, ctx.flags.bool('allow-missing-template-keys')).printer : namePrinter('restarted');
    const stamp = rfc3339Local(ctx.nowMs(), ctx.lab.spec.clock.timezone);
    for (const { rt, obj } of infosOf(fetched)) {
      const resource = rt.group ? `${rt.plural}.${rt.group}` : rt.plural;
      if (!RESTARTABLE.has(rt.kind)) {
        errors.push(new KubectlError(`error: ${resource} ${JSON.stringify(obj.metadata.name ?? '')} restarting is not supported`));
        continue;
      }
      const template = (obj as GenericObject & { spec: { template: { metadata?: { annotations?: Record<string, string> } } } }).spec.template;
      if (template.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'] === stamp) {
        errors.push(new KubectlError(`failed to create patch for ${obj.metadata.name ?? ''}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
        continue;
      }
      const patch = { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': stamp } } } } };
      const updated = patchObject(ctx.api(), rt.kind, obj.metadata.namespace, obj.metadata.name ?? '', patch, 'strategic');
      ctx.out(printer ? printer(updated) : '');
    }
    if (errors.length > 0) throw new AggregateError(errors);
  },
};
