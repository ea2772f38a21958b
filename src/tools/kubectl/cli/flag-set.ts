// Layer tools (kubectl): command-line flags with spf13/pflag v1.0.5 semantics — `--name value`, `--name=value`,
// `-n value`, `-nvalue`, `-n=value`, bundled booleans (`-it`), `--` ending flags, flags anywhere among the
// arguments, repeated flags (string arrays append, slices split on commas) — and pflag's error texts.

import { parseGoDurationUs } from '../../go-duration.js';
import { parseGoBool } from '../../go-strconv.js';

export type FlagKind = 'bool' | 'string' | 'int' | 'stringArray' | 'stringSlice' | 'duration';

export interface FlagDef {
  readonly name: string;
  readonly short?: string;
  readonly kind: FlagKind;
  /** Default as text (pflag's DefValue); booleans default to "false". */
  readonly def?: string;
  /** A value taken when the flag is given without one (booleans: "true"). */
  readonly noOptDefVal?: string;
}

export class FlagError extends Error {
  /** pflag.ErrHelp: -h or --help was given. */
  readonly isHelp: boolean;
  constructor(message: string, isHelp = false) {
    super(message);
    this.isHelp = isHelp;
  }
}

export interface ParsedArgs {
  readonly args: string[];
  /** Positional arguments before `--` (-1 when there was none), as ArgsLenAtDash. */
  readonly argsLenAtDash: number;
}

export class FlagSet {
  private readonly defs = new Map<string, FlagDef>();
  private readonly shorts = new Map<string, FlagDef>();
  private readonly values = new Map<string, string[]>();
  readonly changed = new Set<string>();

  add(...defs: FlagDef[]): this {
    for (const d of defs) {
      if (this.defs.has(d.name)) continue;
      this.defs.set(d.name, d);
      if (d.short) this.shorts.set(d.short, d);
    }
    return this;
  }

  has(name: string): boolean {
    return this.defs.has(name);
  }

  takesValue(name: string, isShort: boolean): boolean {
    const d = isShort ? this.shorts.get(name) : this.defs.get(name);
    return !(d?.kind === 'bool' || d?.noOptDefVal !== undefined);
  }

  /** Parses `argv` (the words after the command path). @example fs.parse(['-n', 'kube-system', 'pods']) */
  parse(argv: readonly string[]): ParsedArgs {
    const args: string[] = [];
    let atDash = -1;
    const rest = [...argv];
    while (rest.length > 0) {
      const s = rest.shift() ?? '';
      if (s.length < 2 || s[0] !== '-') args.push(s);
      else if (s === '--') {
        atDash = args.length;
        args.push(...rest.splice(0));
      } else if (s[1] === '-') this.parseLong(s, rest);
      else this.parseShort(s, rest);
    }
    return { args, argsLenAtDash: atDash };
  }

  private parseLong(s: string, rest: string[]): void {
    const body = s.slice(2);
    if (body === '' || body[0] === '-' || body[0] === '=') throw new FlagError(`bad flag syntax: ${s}`);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    const def = this.defs.get(name);
    if (!def) {
      if (name === 'help') throw new FlagError('help requested', true);
      throw new FlagError(`unknown flag: --${name}`);
    }
    let value: string;
    if (eq >= 0) value = body.slice(eq + 1);
    else if (noOpt(def) !== undefined) value = noOpt(def) ?? '';
    else if (rest.length > 0) value = rest.shift() ?? '';
    else throw new FlagError(`flag needs an argument: ${s}`);
    this.set(def, value);
  }

  private parseShort(s: string, rest: string[]): void {
    let shorthands = s.slice(1);
    while (shorthands.length > 0) {
      const c = shorthands[0] ?? '';
      const def = this.shorts.get(c);
      if (!def) {
        if (c === 'h') throw new FlagError('help requested', true);
        throw new FlagError(`unknown shorthand flag: '${c}' in -${shorthands}`);
      }
      let value: string;
      if (shorthands.length > 2 && shorthands[1] === '=') {
        value = shorthands.slice(2);
        shorthands = '';
      } else if (noOpt(def) !== undefined) {
        value = noOpt(def) ?? '';
        shorthands = shorthands.slice(1);
      } else if (shorthands.length > 1) {
        value = shorthands.slice(1);
        shorthands = '';
      } else if (rest.length > 0) {
        value = rest.shift() ?? '';
        shorthands = '';
      } else throw new FlagError(`flag needs an argument: '${c}' in -${shorthands}`);
      this.set(def, value);
    }
  }

  private set(def: FlagDef, value: string): void {
    const err = validate(def, value);
    if (err !== undefined) {
      const flagName = def.short ? `-${def.short}, --${def.name}` : `--${def.name}`;
      throw new FlagError(`invalid argument ${JSON.stringify(value)} for ${JSON.stringify(flagName)} flag: ${err}`);
    }
    const prev = this.changed.has(def.name) ? (this.values.get(def.name) ?? []) : [];
    const parts = def.kind === 'stringSlice' ? (value === '' ? [] : value.split(',')) : [value];
    this.values.set(def.name, def.kind === 'stringArray' || def.kind === 'stringSlice' ? [...prev, ...parts] : parts);
    this.changed.add(def.name);
  }

  string(name: string): string {
    return this.values.get(name)?.[0] ?? this.defs.get(name)?.def ?? '';
  }
  bool(name: string): boolean {
    return parseGoBool(this.string(name) || 'false') === true;
  }
  int(name: string): number {
    return Number(this.string(name) || '0');
  }
  strings(name: string): string[] {
    return this.values.get(name) ?? [];
  }
  /** A duration flag in microseconds. */
  durationUs(name: string): number {
    return parseGoDurationUs(this.string(name) || '0s') ?? 0;
  }
}

function noOpt(def: FlagDef): string | undefined {
  return def.noOptDefVal ?? (def.kind === 'bool' ? 'true' : undefined);
}

function validate(def: FlagDef, value: string): string | undefined {
  if (def.kind === 'bool' && parseGoBool(value) === undefined) return `strconv.ParseBool: parsing ${JSON.stringify(value)}: invalid syntax`;
  if (def.kind === 'int' && !/^[+-]?[0-9]+$/.test(value)) return `strconv.ParseInt: parsing ${JSON.stringify(value)}: invalid syntax`;
  if (def.kind === 'duration' && parseGoDurationUs(value) === undefined) return `time: invalid duration ${JSON.stringify(value)}`;
  return undefined;
}
