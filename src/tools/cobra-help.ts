// Layer tools: the help text of a spf13/cobra (v1.9) command tree as Go CLIs print it: the Long (or Short)
// text, cobra's default usage (Usage:, Aliases:, Examples:, Available Commands:, Flags:, Global Flags:)
// or hubble's flag-set usage (one "<Title> Flags:" block per registered set, then "Get help:"), with
// spf13/pflag's FlagUsages columns (`--name type`, `[=noopt]`, `(default ...)`, continuation indents).

export interface CobraFlag {
  readonly name: string;
  readonly short?: string;
  /** pflag's Value.Type(): bool, string, int, uint16, duration, stringArray, stringSlice, float32, ... */
  readonly type: string;
  /** DefValue when it is not the type's zero value (pflag prints it as "(default ...)"). */
  readonly def?: string;
  readonly usage: string;
  readonly noOptDefVal?: string;
}

export interface FlagSet {
  /** pflag.NewFlagSet's name; hubble's template prints strings.Title(name) + " Flags:". */
  readonly name: string;
  readonly flags: readonly CobraFlag[];
}

export interface CobraCommand {
  /** The first word is the name. */
  readonly use: string;
  readonly short?: string;
  readonly long?: string;
  readonly example?: string;
  readonly aliases?: readonly string[];
  readonly hidden?: boolean;
  /** Whether it has a Run/RunE (only then the usage shows its use line). */
  readonly runnable?: boolean;
  readonly flags?: readonly CobraFlag[];
  readonly persistentFlags?: readonly CobraFlag[];
  readonly commands?: readonly CobraCommand[];
  /** hubble's template: the flag sets registered for this command (the global set is appended). */
  readonly flagSets?: readonly FlagSet[];
}

/** How a tool's root prints usage: cobra's default template, or hubble's flag-set template. */
export interface CobraProgram {
  readonly root: CobraCommand;
  readonly template: 'cobra' | 'flag-sets';
  /** For 'flag-sets': the set shown last on every command ("global"). */
  readonly globalSet?: FlagSet;
}

const HELP_CMD: CobraCommand = { use: 'help [command]', short: 'Help about any command', runnable: true };

export const nameOf = (c: CobraCommand): string => c.use.split(' ')[0] ?? '';

/** The children as cobra lists them: sorted by name, with the `help` command on a root that has any. */
export function childrenOf(c: CobraCommand, isRoot: boolean): CobraCommand[] {
  const kids = [...(c.commands ?? [])];
  if (isRoot && kids.length > 0 && !kids.some((k) => nameOf(k) === 'help')) kids.push(HELP_CMD);
  return kids.sort((a, b) => (nameOf(a) < nameOf(b) ? -1 : nameOf(a) > nameOf(b) ? 1 : 0));
}

/** The path of commands named by words (names or aliases), from the root; undefined past an unknown word. */
export function findPath(prog: CobraProgram, words: readonly string[]): CobraCommand[] | undefined {
  const path = [prog.root];
  for (const w of words) {
    const cur = path[path.length - 1] as CobraCommand;
    const next = childrenOf(cur, path.length === 1).find((k) => nameOf(k) === w || (k.aliases ?? []).includes(w));
    if (!next) return undefined;
    path.push(next);
  }
  return path;
}

/** pflag's UnquoteUsage: a `backquoted` word names the value, else the type does (bool has none). */
function unquoteUsage(f: CobraFlag): [string, string] {
  const i = f.usage.indexOf('`');
  const j = i >= 0 ? f.usage.indexOf('`', i + 1) : -1;
  if (j > i) return [f.usage.slice(i + 1, j), f.usage.slice(0, i) + f.usage.slice(i + 1, j) + f.usage.slice(j + 1)];
  const names: Record<string, string> = { bool: '', float64: 'float', int64: 'int', uint64: 'uint', stringSlice: 'strings', intSlice: 'ints', uintSlice: 'uints', boolSlice: 'bools' };
  return [names[f.type] ?? f.type, f.usage];
}

/** pflag's FlagSet.FlagUsages (unwrapped): flags sorted by name, usage column aligned, newlines indented. */
export function flagUsages(flags: readonly CobraFlag[]): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const rows = sorted.map((f) => {
    let line = f.short ? `  -${f.short}, --${f.name}` : `      --${f.name}`;
    const [varname, usage] = unquoteUsage(f);
    if (varname !== '') line += ` ${varname}`;
    if (f.noOptDefVal !== undefined && f.noOptDefVal !== '') {
      if (f.type === 'string') line += `[="${f.noOptDefVal}"]`;
      else if (f.type !== 'bool' || f.noOptDefVal !== 'true') line += `[=${f.noOptDefVal}]`;
    }
    const def = f.def === undefined ? '' : f.type === 'string' ? ` (default ${JSON.stringify(f.def)})` : ` (default ${f.def})`;
    return [line, usage + def] as const;
  });
  const maxlen = Math.max(0, ...rows.map(([l]) => l.length + 1));
  const indent = ' '.repeat(maxlen + 2);
  return rows.map(([l, u]) => `${l} ${' '.repeat(maxlen - l.length)} ${u.replaceAll('\n', `\n${indent}`)}\n`).join('');
}

const helpFlag = (c: CobraCommand): CobraFlag => ({ name: 'help', short: 'h', type: 'bool', usage: `help for ${nameOf(c)}` });

/** cobra's UsageString for the last command of `path`. */
export function usageOf(prog: CobraProgram, path: readonly CobraCommand[]): string {
  const c = path[path.length - 1] as CobraCommand;
  const cmdPath = path.map(nameOf).join(' ');
  const kids = childrenOf(c, path.length === 1);
  const shown = kids.filter((k) => !k.hidden);
  const local = [...(c.flags ?? []), ...(c.persistentFlags ?? []), helpFlag(c)];
  const inherited = path.slice(0, -1).flatMap((p) => p.persistentFlags ?? []);
  let out = 'Usage:';
  if (c.runnable) out += `\n  ${[...path.slice(0, -1).map(nameOf), c.use].join(' ')}${c.use.includes('[flags]') ? '' : ' [flags]'}`;
  if (shown.length > 0) out += `\n  ${cmdPath} [command]`;
  if (c.aliases && c.aliases.length > 0) out += `\n\nAliases:\n  ${[nameOf(c), ...c.aliases].join(', ')}`;
  if (c.example) out += `\n\nExamples:\n${c.example}`;
  if (shown.length > 0) {
    const pad = Math.max(11, ...kids.map((k) => nameOf(k).length));
    out += '\n\nAvailable Commands:';
    for (const k of shown) out += `\n  ${nameOf(k).padEnd(pad)} ${k.short ?? ''}`;
  }
  if (prog.template === 'flag-sets') {
    out += '\n\n';
    for (const set of [...(c.flagSets ?? []), ...(prog.globalSet ? [prog.globalSet] : [])]) {
      const title = set.name.replace(/(^|[^A-Za-z0-9_'])([a-z])/g, (_, sep: string, ch: string) => sep + ch.toUpperCase());
      out += `${title} Flags:\n${flagUsages(set.flags)}\n`;
    }
    out += 'Get help:\n  -h, --help\tHelp for any command or subcommand';
  } else {
    out += `\n\nFlags:\n${flagUsages(local).trimEnd()}`;
    if (inherited.length > 0) out += `\n\nGlobal Flags:\n${flagUsages(inherited).trimEnd()}`;
  }
  if (shown.length > 0) out += `\n\nUse "${cmdPath} [command] --help" for more information about a command.`;
  return `${out}\n`;
}

/** cobra's default help: Long (else Short) with trailing space trimmed, a blank line, then the usage. */
export function helpOf(prog: CobraProgram, path: readonly CobraCommand[]): string {
  const c = path[path.length - 1] as CobraCommand;
  const text = (c.long || c.short || '').trimEnd();
  return `${text === '' ? '' : `${text}\n\n`}${c.runnable || (c.commands ?? []).length > 0 ? usageOf(prog, path) : ''}`;
}

/** `<tool> help [command...]`: that command's help, or cobra's "Unknown help topic" and the root usage. */
export function helpCommand(prog: CobraProgram, words: readonly string[]): { readonly out: string } {
  const path = findPath(prog, words);
  if (path) return { out: helpOf(prog, path) };
  return { out: `Unknown help topic [${words.map((w) => `\`${w}\``).join(' ')}]\n${usageOf(prog, [prog.root])}` };
}

/** Whether cobra would see its help flag among args (before `--`). */
export function wantsHelp(args: readonly string[]): boolean {
  const end = args.indexOf('--');
  return (end < 0 ? args : args.slice(0, end)).some((a) => a === '--help' || a === '-h' || a === '--help=true');
}
