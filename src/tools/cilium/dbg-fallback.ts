// Layer tools (cilium): what cilium-dbg 1.18 does with a command path ciliumlab does not implement, by the
// real command tree (dbg-command-tree.ts): a group without a Run prints its help whatever follows (cobra's
// legacyArgs lets subcommands take any argument, and a non-runnable command answers with flag.ErrHelp); a
// real command says it is not modelled; a word the root does not know is cobra's "unknown command" with
// its suggestions (Levenshtein distance 2 or a prefix), which main prints again on stdout.

import { childrenOf, findPath, helpCommand, helpOf, nameOf, type CobraCommand, type CobraProgram } from '../cobra-help.js';
import type { Process } from '../process.js';
import { cobraFlags, GLOBAL_FLAGS } from './cobra.js';
import { CILIUM_DBG_TREE } from './dbg-command-tree.js';

export const CILIUM_DBG: CobraProgram = { root: { ...CILIUM_DBG_TREE, persistentFlags: cobraFlags(GLOBAL_FLAGS) }, template: 'cobra' };

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
function suggestions(typed: string): string {
  const kids = [...(CILIUM_DBG.root.commands ?? []), childrenOf(CILIUM_DBG.root, true).find((k) => nameOf(k) === 'help')];
  const names = kids.filter((k): k is CobraCommand => k !== undefined && isAvailable(k)).map(nameOf);
  const close = names.filter((n) => levenshtein(typed, n) <= 2 || n.toLowerCase().startsWith(typed.toLowerCase()));
  return close.length === 0 ? '' : `\n\nDid you mean this?\n${close.map((n) => `\t${n}\n`).join('')}`;
}

/** The not-implemented path `args` (cilium-dbg's arguments) as the real binary answers it. */
export function dbgFallback(p: Process, args: readonly string[]): number {
  const words = args.filter((a) => !a.startsWith('-'));
  let path: CobraCommand[] = [CILIUM_DBG.root];
  for (const w of words) {
    const next = findPath(CILIUM_DBG, [...path.slice(1).map(nameOf), w]);
    if (!next) break;
    path = next;
  }
  if (nameOf(path[1] ?? CILIUM_DBG.root) === 'help') {
    p.out(helpCommand(CILIUM_DBG, words.slice(1)).out);
    return 0;
  }
  const node = path[path.length - 1] as CobraCommand;
  const depth = path.length - 1;
  if (depth === 0 && words.length > 0) {
    const err = `unknown command ${JSON.stringify(words[0])} for "cilium-dbg"${suggestions(words[0] ?? '')}`;
    p.err(`Error: ${err}\nRun 'cilium-dbg --help' for usage.\n`);
    p.out(`${err}\n`);
    return 1;
  }
  if (!node.runnable) {
    p.out(helpOf(CILIUM_DBG, path));
    return 0;
  }
  p.err(`ciliumlab: cilium-dbg ${path.slice(1).map(nameOf).join(' ')} is not modelled\n`);
  return 2;
}
