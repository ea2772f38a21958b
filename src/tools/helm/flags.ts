// Layer tools (cilium, helm): command-line flags the way spf13/pflag (cobra) parses them: flags anywhere
// among the arguments, `--name=value`, `--name value`, `-n value`, `-nvalue`, bundled short booleans,
// repeatable string flags, `--` ending the flags, and pflag's error texts for what it refuses.

export interface FlagSpec {
  readonly name: string;
  readonly short?: string;
  readonly kind: 'bool' | 'string' | 'strings';
}

export interface ParsedFlags {
  readonly args: string[];
  readonly values: Map<string, string[]>;
}

export class FlagError extends Error {}

export function flagValue(p: ParsedFlags, name: string): string | undefined {
  const v = p.values.get(name);
  return v?.[v.length - 1];
}

export function flagBool(p: ParsedFlags, name: string): boolean {
  const v = flagValue(p, name);
  return v !== undefined && v !== 'false';
}

export function flagList(p: ParsedFlags, name: string): string[] {
  return p.values.get(name) ?? [];
}

const BOOL_TEXT = /^(?:1|t|T|true|TRUE|True|0|f|F|false|FALSE|False)$/;

/** Parses argv (without the command words) against the specs; throws FlagError with pflag's message. */
export function parseFlags(argv: readonly string[], specs: readonly FlagSpec[]): ParsedFlags {
  const byName = new Map(specs.map((s) => [s.name, s]));
  const byShort = new Map(specs.filter((s) => s.short).map((s) => [s.short as string, s]));
  const args: string[] = [];
  const values = new Map<string, string[]>();
  const put = (s: FlagSpec, v: string) => {
    if (s.kind === 'bool' && !BOOL_TEXT.test(v)) throw new FlagError(`invalid argument "${v}" for "${s.short ? `-${s.short}, ` : ''}--${s.name}" flag: strconv.ParseBool: parsing "${v}": invalid syntax`);
    const norm = s.kind === 'bool' ? String(/^(?:1|t|T|true|TRUE|True)$/.test(v)) : v;
    values.set(s.name, [...(s.kind === 'strings' ? (values.get(s.name) ?? []) : []), norm]);
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      args.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const s = byName.get(name);
      if (!s) throw new FlagError(`unknown flag: --${name}`);
      if (eq >= 0) put(s, a.slice(eq + 1));
      else if (s.kind === 'bool') put(s, 'true');
      else if (i + 1 < argv.length) put(s, argv[++i] ?? '');
      else throw new FlagError(`flag needs an argument: --${name}`);
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j] ?? '';
        const s = byShort.get(c);
        if (!s) throw new FlagError(`unknown shorthand flag: '${c}' in ${a}`);
        if (s.kind === 'bool') {
          if (a[j + 1] === '=') {
            put(s, a.slice(j + 2));
            break;
          }
          put(s, 'true');
          continue;
        }
        const rest = a.slice(j + 1);
        if (rest !== '') put(s, rest.startsWith('=') ? rest.slice(1) : rest);
        else if (i + 1 < argv.length) put(s, argv[++i] ?? '');
        else throw new FlagError(`flag needs an argument: '${c}' in -${c}`);
        break;
      }
      continue;
    }
    args.push(a);
  }
  return { args, values };
}
