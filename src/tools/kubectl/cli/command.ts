// Layer tools (kubectl): the command tree in spf13/cobra v1.8's shape — a command has a name, aliases,
// flags and either a run function or subcommands — and cobra's lookup: skip flags (knowing which ones take
// a value) to find the subcommand path; an unknown first word on the root is `unknown command` with
// suggestions by Levenshtein distance <= 2, by prefix, or by SuggestFor.

import type { FlagDef } from './flag-set.js';
import type { Ctx } from './context.js';

export interface Command {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Words that suggest this command when mistyped (cobra's SuggestFor). */
  readonly suggestFor?: readonly string[];
  readonly short: string;
  readonly usage?: string;
  readonly flags?: readonly FlagDef[];
  readonly run?: (ctx: Ctx, args: string[]) => Promise<void>;
  readonly subcommands?: readonly Command[];
  readonly hidden?: boolean;
  /** The root's help sections (templates.CommandGroups); the rest list under "Other Commands:". */
  readonly groups?: readonly CommandGroup[];
  /** The help text's first paragraph when longer than `short`. */
  readonly long?: string;
}

export interface CommandGroup {
  readonly title: string;
  readonly names: readonly string[];
}

export interface Found {
  readonly path: readonly Command[];
  readonly args: string[];
}

/** Command.Find: the deepest command named by the leading non-flag words, and the words left for it. */
export function findCommand(root: Command, argv: readonly string[], takesValue: (cmd: readonly Command[], flag: string, isShort: boolean) => boolean): Found {
  const path: Command[] = [root];
  let args = [...argv];
  for (;;) {
    const cur = path[path.length - 1] ?? root;
    const words = stripFlags(args, (f, s) => takesValue(path, f, s));
    const nextName = words[0];
    const next = nextName === undefined ? undefined : (cur.subcommands ?? []).find((c) => c.name === nextName || (c.aliases ?? []).includes(nextName));
    if (!next || nextName === undefined) return { path, args };
    path.push(next);
    args = removeFirst(args, nextName, (f, s) => takesValue(path, f, s));
  }
}

/** cobra's stripFlags: the positional words, skipping flags and the values of flags that take one. */
function stripFlags(args: readonly string[], takesValue: (flag: string, isShort: boolean) => boolean): string[] {
  const words: string[] = [];
  const rest = [...args];
  while (rest.length > 0) {
    const s = rest.shift() ?? '';
    if (s === '--') break;
    const longWithValue = s.startsWith('--') && !s.includes('=') && takesValue(s.slice(2), false);
    const shortWithValue = !s.startsWith('--') && s.startsWith('-') && !s.includes('=') && s.length === 2 && takesValue(s.slice(1), true);
    if (longWithValue || shortWithValue) {
      if (rest.length <= 1) break;
      rest.shift();
    } else if (s !== '' && !s.startsWith('-')) words.push(s);
  }
  return words;
}

/** argsMinusFirstX: the arguments without the first occurrence of the subcommand's name. */
function removeFirst(args: readonly string[], name: string, takesValue: (flag: string, isShort: boolean) => boolean): string[] {
  for (let i = 0; i < args.length; i++) {
    const s = args[i] ?? '';
    if (s === '--') break;
    if ((s.startsWith('--') && !s.includes('=') && takesValue(s.slice(2), false)) || (!s.startsWith('--') && s.startsWith('-') && !s.includes('=') && s.length === 2 && takesValue(s.slice(1), true))) {
      i++;
      continue;
    }
    if (s === name) return [...args.slice(0, i), ...args.slice(i + 1)];
  }
  return [...args];
}

/** Command.SuggestionsFor, in the tree's (alphabetical) order. */
export function suggestionsFor(cmd: Command, typed: string): string[] {
  const out: string[] = [];
  for (const c of [...(cmd.subcommands ?? [])].sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (c.hidden) continue;
    if (levenshtein(typed.toLowerCase(), c.name.toLowerCase()) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())) out.push(c.name);
    for (const s of c.suggestFor ?? []) if (s.toLowerCase() === typed.toLowerCase()) out.push(c.name);
  }
  return out;
}

/** cobra's `unknown command "x" for "kubectl"` with its "Did you mean this?" block. */
export function unknownCommandMessage(cmd: Command, cmdPath: string, typed: string): string {
  const suggestions = suggestionsFor(cmd, typed);
  const tail = suggestions.length === 0 ? '' : `\n\nDid you mean this?\n${suggestions.map((s) => `\t${s}\n`).join('')}`;
  return `unknown command ${JSON.stringify(typed)} for ${JSON.stringify(cmdPath)}${tail}`;
}

function levenshtein(s: string, t: string): number {
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array<number>(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) (d[0] ?? [])[j] = j;
  for (let j = 1; j <= t.length; j++) {
    for (let i = 1; i <= s.length; i++) {
      const row = d[i] ?? [];
      const prev = d[i - 1] ?? [];
      row[j] = s[i - 1] === t[j - 1] ? (prev[j - 1] ?? 0) : Math.min(prev[j] ?? 0, row[j - 1] ?? 0, prev[j - 1] ?? 0) + 1;
    }
  }
  return d[s.length]?.[t.length] ?? 0;
}

/** The command path as cobra prints it ("kubectl rollout status"). */
export function commandPath(path: readonly Command[]): string {
  return path.map((c) => c.name).join(' ');
}

/** A short help in kubectl's template layout (description, subcommands, usage). */
export function helpText(path: readonly Command[]): string {
  const cmd = path[path.length - 1];
  if (!cmd) return '';
  const p = commandPath(path);
  const subs = (cmd.subcommands ?? []).filter((c) => !c.hidden);
  let s = `${cmd.long ?? cmd.short}\n\n`;
  if (subs.length > 0) s += `${commandSections(cmd, subs)}\n\n`;
  s += `Usage:\n  ${cmd.usage ?? (subs.length > 0 ? `${p} [flags] [options]` : `${p} [options]`)}\n\n`;
  if (subs.length > 0) s += `Use "${p} <command> --help" for more information about a given command.\n`;
  return `${s}Use "kubectl options" for a list of global command-line options (applies to all commands).\n`;
}

/**
 * cmdGroupsString: each group's title, then "  NAME  Short" lines; names padded to the longest name (at
 * least 11) plus two, then a space, as kubectl's help prints them.
 */
function commandSections(cmd: Command, subs: readonly Command[]): string {
  const pad = Math.max(11, ...subs.map((c) => c.name.length)) + 2;
  const line = (c: Command) => `  ${c.name.padEnd(pad)} ${c.short}`;
  const groups = cmd.groups ?? [];
  const grouped = new Set(groups.flatMap((g) => g.names));
  const sections = groups
    .map((g) => ({ title: g.title, cmds: g.names.flatMap((n) => subs.filter((c) => c.name === n)) }))
    .filter((g) => g.cmds.length > 0);
  const rest = subs.filter((c) => !grouped.has(c.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
  if (rest.length > 0) sections.push({ title: groups.length > 0 ? 'Other Commands:' : 'Available Commands:', cmds: rest });
  return sections.map((g) => [g.title, ...g.cmds.map(line)].join('\n')).join('\n\n');
}
