// Layer tools (kubectl): `kubectl get` (kubectl/pkg/cmd/get/get.go) — tables per resource type with a blank
// line between types and "kind/" names when several types print, -o formats, -A, -l, --field-selector,
// --show-labels, -L, --sort-by, --no-headers, -w; "No resources found in <ns> namespace." on stderr.

import type { Command } from '../cli/command.js';
import { FILENAME_FLAGS, HUMAN_FLAGS, PRINT_FLAGS, SELECTOR_FLAG } from '../cli/common-flags.js';
import type { Ctx } from '../cli/context.js';
import { AggregateError, KubectlError, usageError } from '../cli/errors.js';
import { fetchAll, infosOf, parseResourceArgs, type Group } from '../server/builder.js';
import { genericOutput } from '../printers/generic.js';
import { outputFormat } from '../printers/output.js';
import { humanOutput } from '../printers/human-output.js';
import { Tabwriter } from '../text/tabwriter.js';
import { watchGet } from './get-watch.js';
import { rawGet } from './get-raw.js';

export const SUGGEST_API_RESOURCES = 'Use "kubectl api-resources" for a complete list of supported resources.';

export const getCommand: Command = {
  name: 'get',
  suggestFor: ['list', 'ps'],
  short: 'Display one or many resources',
  usage: 'kubectl get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags] [options]',
  flags: [
    ...PRINT_FLAGS, ...HUMAN_FLAGS, ...FILENAME_FLAGS, SELECTOR_FLAG,
    { name: 'raw', kind: 'string' }, { name: 'watch', short: 'w', kind: 'bool' }, { name: 'watch-only', kind: 'bool' },
    { name: 'output-watch-events', kind: 'bool' }, { name: 'ignore-not-found', kind: 'bool' }, { name: 'field-selector', kind: 'string' },
    { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'server-print', kind: 'bool', def: 'true' },
    { name: 'chunk-size', kind: 'int', def: '500' }, { name: 'subresource', kind: 'string' },
  ],
  run: runGet,
};

async function runGet(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  if (f.string('raw') !== '') return rawGet(ctx, args);
  const format = outputFormat(f.string('output'), f.bool('no-headers'), f.bool('allow-missing-template-keys'));
  const watch = f.bool('watch') || f.bool('watch-only');
  if (args.length === 0 && f.strings('filename').length === 0) {
    if (!watch) {
      ctx.err(`You must specify the type of resource to get. ${SUGGEST_API_RESOURCES}\n\n`);
      throw usageError(ctx.path, 'Required resource not specified.\nUse "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).');
    }
  }
  const out = f.string('output');
  if (f.bool('show-labels') && out !== '' && out !== 'wide') throw new KubectlError(`--show-labels option cannot be used with ${out} printer`);
  if (f.bool('output-watch-events') && !watch) throw new KubectlError('--output-watch-events option can only be used with --watch or --watch-only');
  const requests = parseResourceArgs(ctx, args);
  const labelSelector = f.string('selector');
  if (labelSelector && requests.some((r) => r.names.length > 0)) throw new KubectlError('name cannot be provided when a selector is specified');
  const opts = { allNamespaces: f.bool('all-namespaces'), labelSelector, fieldSelector: f.string('field-selector') };
  if (watch) return watchGet(ctx, requests, opts, format);
  const fetched = fetchAll(ctx, requests, opts);
  const errors = f.bool('ignore-not-found') ? fetched.errors.filter((e) => !(e instanceof Error && 'code' in e && e.code === 'NotFound')) : fetched.errors;
  if (format.printer) {
    const singleItemImplied = requests.length === 1 && (requests[0]?.names.length ?? 0) === 1;
    const items = infosOf(fetched).map((i) => i.obj);
    if (!(items.length === 0 && f.bool('ignore-not-found'))) writeGeneric(ctx, genericOutput(items, singleItemImplied, format.printer, f.string('sort-by')), f.string('output'));
  } else printHuman(ctx, fetched.groups, format.wide, errors.length === 0);
  if (errors.length > 0) throw new AggregateError(errors);
}

function writeGeneric(ctx: Ctx, text: string, output: string): void {
  if (!output.startsWith('custom-columns')) return ctx.out(text);
  const tw = new Tabwriter((s) => ctx.out(s));
  tw.write(text);
  tw.flush();
}

function printHuman(ctx: Ctx, groups: readonly Group[], wide: boolean, noErrors: boolean): void {
  const f = ctx.flags;
  const r = humanOutput(groups, {
    wide, noHeaders: f.bool('no-headers'), allNamespaces: f.bool('all-namespaces'), showLabels: f.bool('show-labels'), showKind: f.bool('show-kind'),
    labelColumns: f.strings('label-columns'), sortBy: f.string('sort-by'), nowMs: ctx.nowMs(),
  });
  ctx.out(r.text);
  if (r.text === '' && !f.bool('ignore-not-found') && noErrors) ctx.err(r.allNamespaced ? `No resources found in ${ctx.namespace()} namespace.\n` : 'No resources found\n');
}
