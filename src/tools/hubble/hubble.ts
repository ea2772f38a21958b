// Layer tools (hubble): the `hubble` CLI 1.18 (hubble/cmd/root.go): cobra finds the command named by the
// leading words (flags may come first), `--help`/`-h` and `help [command]` print its help, a command
// without a Run prints its help; `observe` (and `observe flows`), `status` and `list nodes` run. Cobra's
// errors are silenced and main prints the error alone on stderr, exit status 1.

import { findPath, helpCommand, helpOf, nameOf, wantsHelp, type CobraCommand } from '../cobra-help.js';
import type { Process, Tool } from '../process.js';
import { GLOBAL_FLAGS } from './global-flags.js';
import { hubbleProgram } from './help.js';
import { listNodes } from './list-nodes.js';
import { observe } from './observe.js';
import { status } from './status.js';

const RUNS: Readonly<Record<string, (p: Process, argv: readonly string[]) => Promise<number>>> = {
  observe,
  'observe flows': observe,
  status,
  'list nodes': listNodes,
};

/** The commands whose help is modelled; the others (config, version, ...) are not emulated at all. */
const HELPED = new Set(['', 'list', 'list namespaces', 'list nodes', 'observe', 'observe flows', 'status']);

/** cobra's Find: the command words among argv, skipping persistent flags and the values they take. */
function split(argv: readonly string[], root: CobraCommand): { words: string[]; rest: string[] } {
  const words: string[] = [];
  const rest: string[] = [];
  let cur: CobraCommand | undefined = root;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('-')) {
      rest.push(a);
      const spec = GLOBAL_FLAGS.find((f) => a === `--${f.name}` || a === `-${f.short}`);
      if (spec && spec.kind !== 'bool' && spec.noOptDefault === undefined && i + 1 < argv.length) rest.push(argv[++i] ?? '');
      continue;
    }
    const next: CobraCommand | undefined = cur?.commands?.find((k) => nameOf(k) === a || (k.aliases ?? []).includes(a));
    if (next) words.push(nameOf(next));
    else rest.push(a);
    cur = next;
  }
  return { words, rest };
}

export const hubble: Tool = async (p) => {
  const argv = p.argv.slice(1);
  const prog = hubbleProgram(p.env);
  if (argv[0] === 'help') {
    p.out(helpCommand(prog, argv.slice(1)).out);
    return 0;
  }
  const { words, rest } = split(argv, prog.root);
  const key = words.join(' ');
  if (words.length === 0 && rest.some((a) => !a.startsWith('-'))) {
    p.err(`unknown command ${JSON.stringify(rest.find((a) => !a.startsWith('-')))} for "hubble"\n`);
    return 1;
  }
  const path = findPath(prog, words) ?? [prog.root];
  const run = RUNS[key];
  if (!HELPED.has(key)) {
    p.err(`hubble ${key}: not emulated by ciliumlab\n`);
    return 1;
  }
  if (wantsHelp(rest) || !(path[path.length - 1] as CobraCommand).runnable) {
    p.out(helpOf(prog, path));
    return 0;
  }
  if (!run) {
    p.err(`hubble ${key}: not emulated by ciliumlab\n`);
    return 1;
  }
  return run(p, rest);
};
