// Layer tools (kubectl): --dry-run=none|client|server (cmdutil.GetDryRunStrategy) and the " (dry run)" /
// " (server dry run)" the name printer adds to the operation.

import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';

export type DryRun = 'none' | 'client' | 'server';

export function dryRunMode(ctx: Ctx): DryRun {
  if (!ctx.flags.has('dry-run')) return 'none';
  const v = ctx.flags.string('dry-run');
  if (v === 'none' || v === '' || v === 'false') return 'none';
  if (v === 'client' || v === 'true') return 'client';
  if (v === 'server') return 'server';
  if (v === 'unchanged') throw new KubectlError(`--dry-run flag without a value was specified. A value must be set: "none", "server", or "client".`);
  throw new KubectlError(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
}

export function dryRunSuffix(ctx: Ctx): string {
  const m = dryRunMode(ctx);
  return m === 'client' ? ' (dry run)' : m === 'server' ? ' (server dry run)' : '';
}
