// Layer tools (kubectl): `kubectl create -f` (kubectl/pkg/cmd/create/create.go) — each object created as
// written ("kind/name created"; --save-config adds the last-applied annotation) — and the generators
// `create namespace`, `create deployment`, `create configmap`, `create serviceaccount`.

import type { Command } from '../cli/command.js';
import { FILENAME_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, usageError } from '../cli/errors.js';
import { readManifests, validationEnabled } from '../server/manifests.js';
import { createGenerators } from './create-generators.js';
import { createObject, CREATE_FLAGS } from './create-object.js';

export const createCommand: Command = {
  name: 'create',
  short: 'Create a resource from a file or from stdin',
  usage: 'kubectl create -f FILENAME [options]',
  flags: [...CREATE_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG, { name: 'edit', kind: 'bool' }, { name: 'raw', kind: 'string' }, { name: 'windows-line-endings', kind: 'bool' }],
  subcommands: createGenerators,
  run: runCreate,
};

async function runCreate(ctx: Ctx, args: string[]): Promise<void> {
  if (args.length > 0) throw usageError(ctx.path, `Unexpected args: [${args.join(' ')}]`);
  const filenames = ctx.flags.strings('filename');
  if (filenames.length === 0 && !ctx.flags.string('kustomize')) throw usageError(ctx.path, 'must specify one of -f and -k');
  const { infos, errors } = await readManifests(ctx, filenames, validationEnabled(ctx));
  for (const info of infos) {
    try {
      ctx.out(createObject(ctx, info.obj, info.source));
    } catch (e) {
      errors.push(e);
    }
  }
  if (errors.length > 0) throw new AggregateError(errors);
}

