// Layer tools (cilium): what every cilium-cli command shares (cli/cmd.go, cli/utils.go): the root's
// persistent flags (-n/--namespace, default kube-system; --helm-release-name, default cilium; ...), pflag
// parsing with install's normalisation of --helm-set & co., and how errors print: the root silences
// cobra, so main prints a returned error bare, while fatalf prints "\nError: ..." — both exit 1.

import { FlagError, flagValue, parseFlags, type FlagSpec, type ParsedFlags } from '../helm/flags.js';
import type { CobraFlag } from '../cobra-help.js';
import type { Process } from '../process.js';

export interface CliScope {
  readonly namespace: string;
  readonly release: string;
}

/** cli/cmd.go's persistent flags, with their usage and defaults (for the help) and pflag types. */
export const PERSISTENT_FLAGS: readonly CobraFlag[] = [
  { name: 'context', type: 'string', usage: 'Kubernetes configuration context' },
  { name: 'namespace', short: 'n', type: 'string', def: 'kube-system', usage: 'Namespace Cilium is running in' },
  { name: 'as', type: 'string', usage: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'as-group', type: 'stringArray', usage: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
  { name: 'helm-release-name', type: 'string', def: 'cilium', usage: 'Helm release name' },
  { name: 'kubeconfig', type: 'string', usage: 'Path to the kubeconfig file' },
];

const PERSISTENT: readonly FlagSpec[] = PERSISTENT_FLAGS.map((f) => ({ name: f.name, ...(f.short ? { short: f.short } : {}), kind: f.type === 'stringArray' ? 'strings' : 'string' }));

/** cli/install.go normalizeFlags. */
const NORMALIZED: Readonly<Record<string, string>> = { 'helm-set': 'set', 'helm-set-file': 'set-file', 'helm-set-string': 'set-string', 'helm-values': 'values' };

/** Parses a command's argv (after its words); on a flag error prints it as main does and returns undefined. */
export function parseCli(p: Process, argv: readonly string[], flags: readonly FlagSpec[]): { f: ParsedFlags; scope: CliScope } | undefined {
  const normalized = argv.map((a) => a.replace(/^--(helm-set-file|helm-set-string|helm-set|helm-values)(?==|$)/, (_, n: string) => `--${NORMALIZED[n] ?? n}`));
  try {
    const f = parseFlags(normalized, [...PERSISTENT, ...flags]);
    return { f, scope: { namespace: flagValue(f, 'namespace') ?? 'kube-system', release: flagValue(f, 'helm-release-name') ?? 'cilium' } };
  } catch (e) {
    if (!(e instanceof FlagError)) throw e;
    p.err(`${e.message}\n`);
    return undefined;
  }
}

/** cli/utils.go fatalf. */
export function cliFatal(p: Process, message: string): number {
  p.err(`\nError: ${message}\n`);
  return 1;
}

/** A returned error, as main prints it. */
export function cliError(p: Process, message: string): number {
  p.err(`${message}\n`);
  return 1;
}
