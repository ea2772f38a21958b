// Layer tools (kubectl): `kubectl top node|pod` (kubectl/pkg/cmd/top): usage needs the metrics.k8s.io API
// (metrics-server); the apiserver's discovery is asked first, and without that group the command fails with
// "Metrics API not available", as it does on a kubeadm cluster without metrics-server.

import type { Command } from '../cli/command.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError, usageError } from '../cli/errors.js';

const METRICS_GROUP = 'metrics.k8s.io';

const SORT_BY_FLAG = { name: 'sort-by', kind: 'string' as const };
const COMMON_FLAGS = [
  { name: 'selector', short: 'l', kind: 'string' as const }, SORT_BY_FLAG, { name: 'no-headers', kind: 'bool' as const },
  { name: 'use-protocol-buffers', kind: 'bool' as const, def: 'true' },
];

/** SupportedMetricsAPIVersionAvailable over the server's groups. */
function requireMetricsApi(ctx: Ctx): void {
  if (!ctx.api().registry.list().some((rt) => rt.group === METRICS_GROUP)) throw new KubectlError('Metrics API not available');
}

function validateSortBy(ctx: Ctx): void {
  const s = ctx.flags.string('sort-by');
  if (s !== '' && s !== 'cpu' && s !== 'memory') throw new KubectlError('--sort-by accepts only cpu or memory');
}

const topNodeCommand: Command = {
  name: 'node',
  aliases: ['nodes', 'no'],
  short: 'Display resource (CPU/memory) usage of nodes',
  usage: 'kubectl top node [NAME | -l label]',
  flags: [...COMMON_FLAGS, { name: 'show-capacity', kind: 'bool' }],
  run: async (ctx, args) => {
    if (args.length > 1) throw usageError(ctx.path, 'node [NAME | -l label]');
    validateSortBy(ctx);
    if (args.length === 1 && ctx.flags.string('selector')) throw new KubectlError('only one of NAME or --selector can be provided');
    requireMetricsApi(ctx);
  },
};

const topPodCommand: Command = {
  name: 'pod',
  aliases: ['pods', 'po'],
  short: 'Display resource (CPU/memory) usage of pods',
  usage: 'kubectl top pod [NAME | -l label]',
  flags: [...COMMON_FLAGS, { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'field-selector', kind: 'string' }, { name: 'containers', kind: 'bool' }, { name: 'sum', kind: 'bool' }],
  run: async (ctx, args) => {
    if (args.length > 1) throw usageError(ctx.path, 'pod [NAME | -l label]');
    validateSortBy(ctx);
    if (args.length === 1 && (ctx.flags.string('selector') || ctx.flags.string('field-selector'))) throw new KubectlError('only one of NAME or selector can be provided');
    requireMetricsApi(ctx);
  },
};

export const topCommand: Command = {
  name: 'top',
  short: 'Display resource (CPU/memory) usage',
  usage: 'kubectl top [flags] [options]',
  subcommands: [topNodeCommand, topPodCommand],
};
