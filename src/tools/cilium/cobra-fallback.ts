// Layer tools (cilium): what cilium-dbg 1.18 and cilium-cli v0.18.6 do with a command path ciliumlab does
// not implement, by their real command trees (dbg-command-tree.ts, cli-command-tree.ts): the root and any
// group without a Run print their help whatever follows (cobra's legacyArgs lets subcommands take any
// argument, and a non-runnable command answers with flag.ErrHelp); a real command says it is not modelled;
// a word the root does not know is cobra's "unknown command" with its suggestions (Levenshtein distance 2
// or a prefix), printed as each CLI prints errors.

import { childrenOf, findPath, helpCommand, helpOf, nameOf, type CobraCommand, type CobraProgram } from '../cobra-help.js';
import type { Process } from '../process.js';
import { CILIUM_CLI_TREE } from './cli-command-tree.js';
import { PERSISTENT_FLAGS } from './cli-scope.js';
import { cobraFlags, GLOBAL_FLAGS } from './cobra.js';
import { CILIUM_DBG_TREE } from './dbg-command-tree.js';

export const CILIUM_DBG: CobraProgram = { root: { ...CILIUM_DBG_TREE, persistentFlags: cobraFlags(GLOBAL_FLAGS) }, template: 'cobra' };

/** cobra's own `completion` command, which cilium-cli does not replace (its shells are not modelled). */
const COMPLETION: CobraCommand = { use: 'completion', short: 'Generate the autocompletion script for the specified shell', runnable: true };

export const CILIUM_CLI: CobraProgram = {
  root: { ...CILIUM_CLI_TREE, commands: [...(CILIUM_CLI_TREE.commands ?? []), COMPLETION], persistentFlags: PERSISTENT_FLAGS },
  template: 'cobra',
};

/** cobra's ld: Levenshtein distance, here always case-insensitive. */
function levenshtein(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
    }
    prev = cur;
  }
  return prev[t.length] ?? 0;
}

/** IsAvailableCommand: not hidden, and runnable or with an available subcommand. */
function isAvailable(c: CobraCommand): boolean {
  return !c.hidden && (c.runnable === true || (c.commands ?? []).some(isAvailable));
}

/** findSuggestions: the root's commands (registration order, then cobra's help) close to `typed`. */
function suggestions(prog: CobraProgram, typed: string): string {
  const kids = [...(prog.root.commands ?? []), childrenOf(prog.root, true).find((k) => nameOf(k) === 'help')];
  const names = kids.filter((k): k is CobraCommand => k !== undefined && isAvailable(k)).map(nameOf);
  const close = names.filter((n) => levenshtein(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
  return close.length === 0 ? '' : `\n\nDid you mean this?\n${close.map((n) => `\t${n}\n`).join('')}`;
}

/**
 * The not-implemented path `args` (the CLI's arguments) as the real binary answers it; `printError` prints
 * a root "unknown command" error as that CLI does.
 */
export function cobraFallback(p: Process, prog: CobraProgram, args: readonly string[], printError: (err: string) => void): number {
  const words = args.filter((a) => !a.startsWith('-'));
  let path: CobraCommand[] = [prog.root];
  for (const w of words) {
    const next = findPath(prog, [...path.slice(1).map(nameOf), w]);
    if (!next) break;
    path = next;
  }
  if (nameOf(path[1] ?? prog.root) === 'help') {
    p.out(helpCommand(prog, words.slice(1)).out);
    return 0;
  }
  const node = path[path.length - 1] as CobraCommand;
  if (path.length === 1 && words.length > 0) {
    printError(`unknown command ${JSON.stringify(words[0])} for ${JSON.stringify(nameOf(prog.root))}${suggestions(prog, words[0] ?? '')}`);
    return 1;
  }
  if (path.length === 1 || !node.runnable) {
    p.out(helpOf(prog, path));
    return 0;
  }
  p.err(`ciliumlab: ${path.map(nameOf).join(' ')} is not modelled\n`);
  return 2;
}

/** cilium-dbg: cobra prints the error and its hint on stderr, then main prints the error on stdout. */
export function dbgFallback(p: Process, args: readonly string[]): number {
  return cobraFallback(p, CILIUM_DBG, args, (err) => {
    p.err(`Error: ${err}\nRun 'cilium-dbg --help' for usage.\n`);
    p.out(`${err}\n`);
  });
}

/** cilium-cli: its root silences cobra, and main prints the bare error on stderr. */
export function cliFallback(p: Process, args: readonly string[]): number {
  return cobraFallback(p, CILIUM_CLI, args, (err) => p.err(`${err}\n`));
}
