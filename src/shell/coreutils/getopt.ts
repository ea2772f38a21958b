// Layer shell: GNU getopt_long as coreutils parse arguments — bundled short flags (`-iEA1`), an option's
// value attached or in the next word (`-A1`, `-A 1`), long options with `=` or a separate value, `--`,
// and options mixed with operands. Errors carry GNU's text ("invalid option -- 'z'").

export interface OptSpec {
  /** Short options without a value. */
  readonly flags: string;
  /** Short options that take a value. */
  readonly withValue: string;
  /** Long option name -> short letter (or the long name itself) and whether it takes a value. */
  readonly long?: Readonly<Record<string, { readonly key: string; readonly hasValue: boolean }>>;
  /** `-5` means `-n 5` (head, tail) or `-C 5` (grep). */
  readonly numberOption?: string;
}

export interface ParsedOpts {
  /** Values by option key, in order (flags get ""). */
  readonly opts: Map<string, string[]>;
  readonly operands: string[];
}

export function getopt(cmd: string, args: readonly string[], spec: OptSpec): ParsedOpts | { readonly error: string } {
  const opts = new Map<string, string[]>();
  const operands: string[] = [];
  const add = (k: string, v: string) => opts.set(k, [...(opts.get(k) ?? []), v]);
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = a.slice(2, eq < 0 ? undefined : eq);
      const matches = Object.keys(spec.long ?? {}).filter((l) => l.startsWith(name));
      const exact = matches.includes(name) ? name : matches.length === 1 ? matches[0] : undefined;
      const def = exact === undefined ? undefined : spec.long?.[exact];
      if (!def) return { error: matches.length > 1 ? `${cmd}: option '${a}' is ambiguous` : `${cmd}: unrecognized option '${a}'` };
      if (def.hasValue) {
        const v = eq >= 0 ? a.slice(eq + 1) : args[++i];
        if (v === undefined) return { error: `${cmd}: option '--${exact}' requires an argument` };
        add(def.key, v);
      } else add(def.key, '');
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      operands.push(a);
      continue;
    }
    if (spec.numberOption && /^-\d+$/.test(a)) {
      add(spec.numberOption, a.slice(1));
      continue;
    }
    for (let k = 1; k < a.length; k++) {
      const c = a[k] ?? '';
      if (spec.withValue.includes(c)) {
        const v = k + 1 < a.length ? a.slice(k + 1) : args[++i];
        if (v === undefined) return { error: `${cmd}: option requires an argument -- '${c}'` };
        add(c, v);
        break;
      }
      if (!spec.flags.includes(c)) return { error: `${cmd}: invalid option -- '${c}'` };
      add(c, '');
    }
  }
  return { opts, operands };
}

export function has(p: ParsedOpts, key: string): boolean {
  return p.opts.has(key);
}

export function last(p: ParsedOpts, key: string): string | undefined {
  return p.opts.get(key)?.at(-1);
}
