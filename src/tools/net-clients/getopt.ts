// Layer tools (net-clients): POSIX getopt(3) as each C library implements it, for the iputils and BIND
// tools. glibc permutes (operands may come before options) and says "invalid option -- 'x'"; musl stops at
// the first operand and says "unrecognized option: x". Both treat "--" as the end of options.

import type { Libc } from './host-env.js';

export interface GetoptResult {
  readonly opts: ReadonlyArray<readonly [string, string | undefined]>;
  readonly operands: readonly string[];
  /** The message getopt printed to stderr, when it met a bad option (the caller then prints usage). */
  readonly error: string | undefined;
}

/** Parses `args` (argv without argv[0]) against an optstring like "c:i:qn". */
export function getopt(prog: string, args: readonly string[], optstring: string, libc: Libc): GetoptResult {
  const opts: Array<readonly [string, string | undefined]> = [];
  const operands: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    if (a === '--') {
      operands.push(...args.slice(i + 1));
      break;
    }
    if (!a.startsWith('-') || a === '-') {
      if (libc === 'musl') {
        operands.push(...args.slice(i));
        break;
      }
      operands.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      const at = c === ':' ? -1 : optstring.indexOf(c);
      if (at < 0) return { opts, operands, error: libc === 'musl' ? `${prog}: unrecognized option: ${c}` : `${prog}: invalid option -- '${c}'` };
      if (optstring[at + 1] !== ':') {
        opts.push([c, undefined]);
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest !== '') opts.push([c, rest]);
      else if (i + 1 < args.length) opts.push([c, args[++i]]);
      else return { opts, operands, error: libc === 'musl' ? `${prog}: option requires an argument: ${c}` : `${prog}: option requires an argument -- '${c}'` };
      break;
    }
  }
  return { opts, operands, error: undefined };
}
