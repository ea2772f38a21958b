// Layer tools (hubble): spf13/pflag as cobra uses it: "--name value", "--name=value", boolean "--name",
// "-x value", "-xvalue", grouped boolean shorthands, "--" ending the flags; errors in pflag's words
// ("unknown flag: --foo", "flag needs an argument: --last", "unknown shorthand flag: 'z' in -z").

import type { CobraFlag } from '../cobra-help.js';
import { parseGoBool } from '../go-strconv.js';

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'bool' | 'string' | 'uint';
  /** The value a flag given without one takes (pflag's NoOptDefVal), for non-bool flags. */
  readonly noOptDefault?: string;
}

export interface ParsedFlag {
  readonly name: string;
  readonly value: string;
}

export type FlagParse = { readonly ok: true; readonly flags: ParsedFlag[]; readonly args: string[] } | { readonly ok: false; readonly error: string };

/** Parses argv in order (filters depend on the order of --not). */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): FlagParse {
  const flags: ParsedFlag[] = [];
  const args: string[] = [];
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short !== undefined).map((s) => [s.short ?? '', s]));
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq >= 0 ? a.slice(2, eq) : a.slice(2);
      const spec = byName.get(name);
      if (!spec) return { ok: false, error: `unknown flag: --${name}` };
      if (eq >= 0) {
        const bad = checkValue(spec, a.slice(eq + 1), `--${name}`);
        if (bad) return { ok: false, error: bad };
        flags.push({ name, value: a.slice(eq + 1) });
      } else if (spec.kind === 'bool') flags.push({ name, value: 'true' });
      else if (spec.noOptDefault !== undefined) flags.push({ name, value: spec.noOptDefault });
      else {
        const v = argv[++i];
        if (v === undefined) return { ok: false, error: `flag needs an argument: --${name}` };
        const bad = checkValue(spec, v, `--${name}`);
        if (bad) return { ok: false, error: bad };
        flags.push({ name, value: v });
      }
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      const r = shorthands(a, argv[i + 1], byShort, flags);
      if (typeof r === 'string') return { ok: false, error: r };
      i += r;
      continue;
    }
    args.push(a);
  }
  return { ok: true, flags, args };
}

/** One "-abc" group; returns how many following argv entries it consumed, or an error. */
function shorthands(a: string, next: string | undefined, byShort: ReadonlyMap<string, FlagSpec>, flags: ParsedFlag[]): number | string {
  for (let j = 1; j < a.length; j++) {
    const c = a[j] ?? '';
    const spec = byShort.get(c);
    if (!spec) return `unknown shorthand flag: '${c}' in ${a}`;
    const rest = a.slice(j + 1);
    if (spec.kind === 'bool') {
      if (rest.startsWith('=')) {
        flags.push({ name: spec.name, value: rest.slice(1) });
        return 0;
      }
      flags.push({ name: spec.name, value: 'true' });
      continue;
    }
    if (rest !== '') {
      const v = rest.startsWith('=') ? rest.slice(1) : rest;
      const bad = checkValue(spec, v, `-${c}, --${spec.name}`);
      if (bad) return bad;
      flags.push({ name: spec.name, value: v });
      return 0;
    }
    if (spec.noOptDefault !== undefined) {
      flags.push({ name: spec.name, value: spec.noOptDefault });
      return 0;
    }
    if (next === undefined) return `flag needs an argument: '${c}' in -${c}`;
    const bad = checkValue(spec, next, `-${c}, --${spec.name}`);
    if (bad) return bad;
    flags.push({ name: spec.name, value: next });
    return 1;
  }
  return 0;
}

function checkValue(spec: FlagSpec, v: string, shown: string): string | undefined {
  if (spec.kind === 'uint' && !/^\d+$/.test(v)) return `invalid argument ${JSON.stringify(v)} for ${JSON.stringify(shown)} flag: strconv.ParseUint: parsing ${JSON.stringify(v)}: invalid syntax`;
  if (spec.kind === 'bool' && parseGoBool(v) === undefined) {
    return `invalid argument ${JSON.stringify(v)} for ${JSON.stringify(shown)} flag: strconv.ParseBool: parsing ${JSON.stringify(v)}: invalid syntax`;
  }
  return undefined;
}

export function isTrue(v: string): boolean {
  return parseGoBool(v) === true;
}

/** Parser specs for the flags a help text lists: unsigned types parse as uint, bools as bool. */
export function specsOf(flags: readonly CobraFlag[]): FlagSpec[] {
  return flags.map((f) => ({
    name: f.name,
    ...(f.short !== undefined ? { short: f.short } : {}),
    kind: f.type === 'bool' ? 'bool' : /^uint/.test(f.type) ? 'uint' : 'string',
    ...(f.noOptDefVal !== undefined ? { noOptDefault: f.noOptDefVal } : {}),
  }));
}
