// Layer tools (tcpdump): the command line as tcpdump 4.99 reads it with glibc getopt_long(): options may
// follow the expression ("tcpdump -i any icmp -nn"), short options combine ("-nni eth1", "-c5"), long
// options take unique prefixes and "=value", and "--" ends the options. What is left is the expression,
// its words joined by spaces (copy_argv). Errors carry getopt's text; the caller adds the usage.

export const SHORTOPTS = 'aAbB:c:C:dDeE:fF:G:hHi:Ij:JKlLm:M:nNOpqQ:r:s:StT:uUvV:w:W:xXy:Yz:Z:#';

/** getopt_long's table: name -> [the option it stands for, whether it takes an argument]. */
const LONGOPTS: Readonly<Record<string, readonly [string, boolean]>> = {
  'buffer-size': ['B', true], 'list-interfaces': ['D', false], help: ['h', false], interface: ['i', true],
  'monitor-mode': ['I', false], 'time-stamp-type': ['j', true], 'list-time-stamp-types': ['J', false],
  micro: ['micro', false], nano: ['nano', false], 'time-stamp-precision': ['time-stamp-precision', true],
  'dont-verify-checksums': ['K', false], 'list-data-link-types': ['L', false], 'no-optimize': ['O', false],
  'no-promiscuous-mode': ['p', false], direction: ['Q', true], 'snapshot-length': ['s', true],
  'absolute-tcp-sequence-numbers': ['S', false], 'packet-buffered': ['U', false], linktype: ['y', true],
  'immediate-mode': ['immediate-mode', false], 'debug-filter-parser': ['Y', false], 'relinquish-privileges': ['Z', true],
  count: ['count', false], 'fp-type': ['fp-type', false], number: ['#', false], print: ['print', false], version: ['version', false],
};

export interface ParsedArgs {
  /** Each option in order, with its argument. */
  readonly opts: ReadonlyArray<readonly [string, string | undefined]>;
  readonly expression: string;
}

export type ArgsResult = { readonly ok: true; readonly value: ParsedArgs } | { readonly ok: false; readonly error: string };

function takesArg(c: string): boolean | undefined {
  const i = SHORTOPTS.indexOf(c);
  if (i < 0 || c === ':') return undefined;
  return SHORTOPTS[i + 1] === ':';
}

function longOption(name: string): { key: string; entry: readonly [string, boolean] } | { error: string } {
  const exact = LONGOPTS[name];
  if (exact) return { key: name, entry: exact };
  const matches = Object.keys(LONGOPTS).filter((k) => k.startsWith(name));
  const only = matches[0];
  if (matches.length === 1 && only !== undefined) return { key: only, entry: LONGOPTS[only] ?? ['', false] };
  if (matches.length === 0) return { error: `unrecognized option '--${name}'` };
  return { error: `option '--${name}' is ambiguous; possibilities:${matches.map((m) => ` '--${m}'`).join('')}` };
}

/** @example parseArgs(['-i', 'any', 'icmp', '-nn']) // opts i=any, n, n; expression "icmp" */
export function parseArgs(argv: readonly string[]): ArgsResult {
  const opts: Array<readonly [string, string | undefined]> = [];
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const [name = '', value] = a.slice(2).split(/=(.*)/s);
      const found = longOption(name);
      if ('error' in found) return { ok: false, error: found.error };
      const [opt, hasArg] = found.entry;
      if (!hasArg && value !== undefined) return { ok: false, error: `option '--${found.key}' doesn't allow an argument` };
      if (hasArg && value === undefined && i + 1 >= argv.length) return { ok: false, error: `option '--${found.key}' requires an argument` };
      opts.push([opt, hasArg ? (value ?? argv[++i]) : undefined]);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      words.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j] ?? '';
      const arg = takesArg(c);
      if (arg === undefined) return { ok: false, error: `invalid option -- '${c}'` };
      if (!arg) {
        opts.push([c, undefined]);
        continue;
      }
      const rest = a.slice(j + 1);
      if (rest) opts.push([c, rest]);
      else if (i + 1 < argv.length) opts.push([c, argv[++i]]);
      else return { ok: false, error: `option requires an argument -- '${c}'` };
      break;
    }
  }
  return { ok: true, value: { opts, expression: words.join(' ') } };
}
