// Layer tools (cilium): what every cilium-cli command shares (cli/cmd.go, cli/utils.go): the root's
// persistent flags (-n/--namespace, default kube-system; --helm-release-name, default cilium; ...), pflag
// parsing with install's normalisation of --helm-set & co., and how errors print: the root silences
// cobra, so main prints a returned error bare, while fatalf prints "\nError: ..." — both exit 1.

import { FlagError, flagValue, parseFlags, type FlagSpec, type ParsedFlags } from '../helm/flags.js';
import type { Process } from '../process.js';

export interface CliScope {
  readonly namespace: string;
  readonly release: string;
}

const PERSISTENT: readonly FlagSpec[] = [
  { name: 'context', kind: 'string' },
  { name: 'namespace', short: 'n', kind: 'string' },
  { name: 'as', kind: 'string' },
  { name: 'as-group', kind: 'strings' },
  { name: 'helm-release-name', kind: 'string' },
  { name: 'kubeconfig', kind: 'string' },
];

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
