// Layer tools (cilium): how cilium-dbg's cobra commands take their flags (spf13/pflag) and print their
// help: a command's own flags plus -h and the root's persistent ones; long and shorthand forms, "=value",
// values glued to a shorthand; pflag's error texts. A flag error prints "Error: ..." on stderr, the usage
// on stdout (cilium-dbg sets the root's output to stdout), then main's fmt.Println(err), and exits 1.
// A lab limit says "ciliumlab: ... is not modelled" and exits 2.

import { flagUsages as pflagUsages, type CobraFlag } from '../cobra-help.js';
import type { Process } from '../process.js';
import { parseGoBool } from '../go-strconv.js';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'bool' | 'string' | 'int' | 'strings' | 'map';
  readonly usage: string;
  /** Shown as "(default ...)" unless it is the type's zero value. */
  readonly def?: string;
}

export interface CommandSpec {
  /** The command path as cobra builds it from the root's Use ("cilium-dbg bpf ct list"). */
  readonly path: string;
  readonly use: string;
  readonly aliases?: readonly string[];
  readonly short: string;
  /** cobra's Example, printed under "Examples:". */
  readonly example?: string;
  readonly flags: readonly FlagSpec[];
}

/** cilium-dbg/cmd/root.go's persistent flags. */
export const GLOBAL_FLAGS: readonly FlagSpec[] = [
  { name: 'config', kind: 'string', usage: 'Config file (default is $HOME/.cilium.yaml)' },
  { name: 'debug', short: 'D', kind: 'bool', usage: 'Enable debug messages' },
  { name: 'host', short: 'H', kind: 'string', usage: 'URI to server-side API' },
  { name: 'log-driver', kind: 'strings', usage: 'Logging endpoints to use (example: syslog)' },
  { name: 'log-opt', kind: 'map', usage: 'Log driver options (example: format=json)' },
];

export type Parsed = { readonly ok: true; readonly args: readonly string[]; readonly values: ReadonlyMap<string, string>; readonly isHelp: boolean } | { readonly ok: false; readonly error: string };

/** pflag's Parse over the command's flags, -h/--help and the persistent flags. */
export function parseFlags(spec: CommandSpec, argv: readonly string[]): Parsed {
  const flags = allFlags(spec);
  const args: string[] = [];
  const values = new Map<string, string>();
  const set = (f: FlagSpec, v: string): string | undefined => {
    if (f.kind === 'bool' && parseGoBool(v) === undefined) return invalid(f, v, 'strconv.ParseBool');
    if (f.kind === 'int' && !/^[+-]?\d+$/.test(v)) return invalid(f, v, 'strconv.ParseInt');
    // A string slice flag appends on every further use (pflag stringSliceValue.Set).
    const prev = values.get(f.name);
    values.set(f.name, f.kind === 'strings' && prev !== undefined ? `${prev},${v}` : v);
    return undefined;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name = '', inline] = splitOnce(a.slice(2), '=');
      const f = flags.find((x) => x.name === name);
      if (!f) return { ok: false, error: `unknown flag: --${name}` };
      const v = inline ?? (f.kind === 'bool' ? 'true' : argv[++i]);
      if (v === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
      const err = set(f, v);
      if (err) return { ok: false, error: err };
    } else if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] ?? '';
        const f = flags.find((x) => x.short === c);
        if (!f) return { ok: false, error: `unknown shorthand flag: '${c}' in -${a.slice(j)}` };
        const rest = a.slice(j + 1);
        let v: string | undefined;
        if (rest.startsWith('=')) v = rest.slice(1);
        else if (f.kind === 'bool') v = 'true';
        else v = rest !== '' ? rest : argv[++i];
        if (v === undefined) return { ok: false, error: `flag needs an argument: '${c}' in -${a.slice(j)}` };
        const err = set(f, v);
        if (err) return { ok: false, error: err };
        if (f.kind !== 'bool' || rest.startsWith('=')) break;
      }
    } else args.push(a);
  }
  return { ok: true, args, values, isHelp: values.get('help') === 'true' };
}

/** cobra's usage template (Usage, Aliases, Examples, Flags, Global Flags). */
export function usage(spec: CommandSpec): string {
  const useLine = spec.use.includes('[flags]') ? spec.use : `${spec.use} [flags]`;
  const path = spec.path.split(' ').slice(0, -1).concat(useLine).join(' ');
  const name = spec.path.split(' ').pop() ?? '';
  let t = `Usage:\n  ${path}\n`;
  if (spec.aliases?.length) t += `\nAliases:\n  ${[name, ...spec.aliases].join(', ')}\n`;
  if (spec.example) t += `\nExamples:\n${spec.example}\n`;
  t += `\nFlags:\n${flagUsages([helpFlag(spec), ...spec.flags])}\nGlobal Flags:\n${flagUsages(GLOBAL_FLAGS)}`;
  return t;
}

/** -h: the Short text, then the usage. */
export function help(spec: CommandSpec): string {
  return `${spec.short}\n\n${usage(spec)}`;
}

/** What cilium-dbg does on a flag error. */
export function failFlags(p: Process, spec: CommandSpec, error: string): number {
  p.err(`Error: ${error}\n`);
  p.out(`${usage(spec)}\n${error}\n`);
  return 1;
}

/** A lab limit, said plainly (exit 2). */
export function notModelled(p: Process, what: string): number {
  p.err(`ciliumlab: ${what} is not modelled\n`);
  return 2;
}

/** -h/--help: the help on stdout, exit 0. */
export function helped(p: Process, spec: CommandSpec): number {
  p.out(help(spec));
  return 0;
}

function allFlags(spec: CommandSpec): FlagSpec[] {
  return [helpFlag(spec), ...spec.flags, ...GLOBAL_FLAGS];
}

function helpFlag(spec: CommandSpec): FlagSpec {
  return { name: 'help', short: 'h', kind: 'bool', usage: `help for ${spec.path.split(' ').pop() ?? ''}` };
}

/** This file's flags as the shared cobra help's, their kinds as pflag's value types. */
export function cobraFlags(flags: readonly FlagSpec[]): CobraFlag[] {
  return flags.map((f) => ({ ...f, type: f.kind, ...(f.kind === 'bool' ? { noOptDefVal: 'true' } : {}) }));
}

function flagUsages(flags: readonly FlagSpec[]): string {
  return pflagUsages(cobraFlags(flags));
}

function invalid(f: FlagSpec, v: string, parser: string): string {
  const name = f.short ? `-${f.short}, --${f.name}` : `--${f.name}`;
  return `invalid argument "${v}" for "${name}" flag: ${parser}: parsing "${v}": invalid syntax`;
}

function splitOnce(s: string, sep: string): [string, string | undefined] {
  const i = s.indexOf(sep);
  return i < 0 ? [s, undefined] : [s.slice(0, i), s.slice(i + 1)];
}
