// Layer tools (kubectl): `kubectl auth can-i VERB (TYPE[/NAME] | NONRESOURCEURL)` (kubectl/pkg/cmd/auth/
// cani.go): the lab's kubeconfig is kubernetes-admin (system:masters, cluster-admin), so every review is
// allowed ("yes"); cani.go's warnings (unknown type, cluster-scoped type, unknown verb) come first.

import type { Command } from '../cli/command.js';
import type { Ctx } from '../cli/context.js';
import { KubectlError } from '../cli/errors.js';

const RESOURCE_VERBS = new Set(['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection', 'use', 'bind', 'impersonate', '*', 'approve', 'sign', 'escalate', 'attest']);
const NON_RESOURCE_VERBS = new Set(['get', 'put', 'post', 'head', 'options', 'delete', 'patch', '*']);

const canICommand: Command = {
  name: 'can-i',
  short: 'Check whether an action is allowed',
  usage: 'kubectl auth can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL] [options]',
  flags: [
    { name: 'all-namespaces', short: 'A', kind: 'bool' }, { name: 'quiet', short: 'q', kind: 'bool' }, { name: 'subresource', kind: 'string' },
    { name: 'list', kind: 'bool' }, { name: 'no-headers', kind: 'bool' },
  ],
  run: runCanI,
};

export const authCommand: Command = {
  name: 'auth',
  short: 'Inspect authorization',
  usage: 'kubectl auth [flags] [options]',
  subcommands: [canICommand],
};

async function runCanI(ctx: Ctx, args: string[]): Promise<void> {
  const f = ctx.flags;
  if (f.bool('list')) {
    if (args.length !== 0) throw new KubectlError('list option must be specified with no arguments');
    throw new KubectlError('kubectl auth can-i --list is not modelled');
  }
  if (args.length !== 2) throw new KubectlError("you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.");
  if (f.string('as') !== '' || f.strings('as-group').length > 0) throw new KubectlError('kubectl auth can-i with impersonation (--as) is not modelled: the lab has no RBAC evaluation');
  const [verb = '', target = ''] = args;
  const warnings: string[] = [];
  if (target.startsWith('/')) {
    if (f.string('subresource') !== '') throw new KubectlError('--subresource can not be used with NonResourceURL');
    if (!NON_RESOURCE_VERBS.has(verb)) warnings.push(`verb '${verb}' is not a known verb\n`);
  } else {
    const word = (target.split('/')[0] ?? '').toLowerCase();
    const rt = word === '*' ? undefined : ctx.discoveryApi().registry.resolve(word);
    const dot = word.indexOf('.');
    if (word !== '*' && !rt && !['users', 'groups'].includes(word)) {
      warnings.push(dot < 0 ? `the server doesn't have a resource type '${word}'\n` : `the server doesn't have a resource type '${word.slice(0, dot)}' in group '${word.slice(dot + 1)}'\n`);
    }
    if (rt && !rt.namespaced && !f.bool('all-namespaces')) warnings.push(rt.group === '' ? `resource '${rt.plural}' is not namespace scoped\n` : `resource '${rt.plural}' is not namespace scoped in group '${rt.group}'\n`);
    if (!f.bool('all-namespaces') && !RESOURCE_VERBS.has(verb)) warnings.push(`verb '${verb}' is not a known verb\n`);
  }
  if (f.bool('no-headers')) throw new KubectlError('--no-headers cannot be set without --list specified');
  for (const w of warnings) ctx.err(`Warning: ${w}\n`);
  ctx.api();
  if (!f.bool('quiet')) ctx.out('yes\n');
}
