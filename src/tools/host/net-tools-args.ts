// Layer tools (host): getopt_long(3) as glibc runs it for net-tools' route, arp and netstat: long options
// (also abbreviated, "--name=value") turned into their short letters, then getopt's permuting short-option
// parse with glibc's messages ("unrecognized option '--x'", "invalid option -- 'x'").

import { getopt, type GetoptResult } from '../net-clients/getopt.js';

/** Long option name -> [short letter, takes an argument]. */
export type LongOpts = Readonly<Record<string, readonly [string, boolean]>>;

export function getoptLong(prog: string, args: readonly string[], optstring: string, longs: LongOpts): GetoptResult {
  const short: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      short.push(...args.slice(i));
      break;
    }
    if (!a.startsWith('--')) {
      short.push(a);
      continue;
    }
    const [name = '', value] = a.slice(2).split(/=(.*)/s);
    const exact = longs[name];
    const prefixed = Object.keys(longs).filter((k) => k.startsWith(name));
    const hit = exact ?? (prefixed.length === 1 ? longs[prefixed[0] ?? ''] : undefined);
    if (!hit) {
      const error = prefixed.length > 1 ? `${prog}: option '${a}' is ambiguous; possibilities:${prefixed.map((k) => ` '--${k}'`).join('')}` : `${prog}: unrecognized option '${a}'`;
      return { opts: [], operands: [], error };
    }
    const [letter, hasArg] = hit;
    if (!hasArg) short.push(`-${letter}`);
    else if (value !== undefined) short.push(`-${letter}${value}`);
    else if (i + 1 < args.length) short.push(`-${letter}`, args[++i] ?? '');
    else return { opts: [], operands: [], error: `${prog}: option '${a}' requires an argument` };
  }
  return getopt(prog, short, optstring, 'glibc');
}
