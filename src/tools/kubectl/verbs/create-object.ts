// Layer tools (kubectl): creating one object as `kubectl create` does — --save-config adds the last-applied
// annotation, --dry-run=client|server, -o printers, else "kind/name created" — and the flags create shares.

import { deepClone, type GenericObject } from '../../../k8s/index.js';
import { DRY_RUN_FLAG, FIELD_MANAGER_FLAG, PRINT_FLAGS } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';
import { namePrinter, outputFormat } from '../printers/output.js';
import { addSourceToErr } from '../server/source-error.js';
import { goJson } from '../text/go-json.js';
import { LAST_APPLIED } from './apply.js';
import { dryRunMode, dryRunSuffix } from './dry-run.js';

export const CREATE_FLAGS = [...PRINT_FLAGS, DRY_RUN_FLAG, FIELD_MANAGER_FLAG('kubectl-create'), { name: 'save-config', kind: 'bool' as const }, { name: 'validate', kind: 'string' as const, def: 'strict', noOptDefVal: 'strict' }];

/** Creates one object (honouring --dry-run and --save-config) and returns what the printer prints. */
export function createObject(ctx: Ctx, input: GenericObject, source: string): string {
  let obj = deepClone(input);
  if (ctx.flags.bool('save-config')) obj = { ...obj, metadata: { ...obj.metadata, annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: `${goJson(input)}\n` } } };
  const mode = dryRunMode(ctx);
  let created: GenericObject = obj;
  if (mode !== 'client') {
    try {
      created = ctx.api().create(obj, { fieldValidation: 'Strict', dryRun: mode === 'server', namespace: ctx.namespace() });
    } catch (e) {
      throw addSourceToErr('creating', source, e);
    }
  }
  const output = ctx.flags.string('output');
  if (output !== '') {
    const p = outputFormat(output, false, ctx.flags.bool('allow-missing-template-keys')).printer;
    if (!p) throw new KubectlError(`unable to match a printer suitable for the output format ${JSON.stringify(output)}`);
    return p(created);
  }
  return namePrinter(`created${dryRunSuffix(ctx)}`)(created);
}
