// Layer tools (host): traceroute 2.1's command line as its clif parser reads it: short options (bundled
// flags, `-m5` or `-m 5`), long ones (`--max-hops=5`), numbers in C's strtoul base 0, then main()'s range
// checks in their order. Every error is the text traceroute prints on stderr before exit(2).

import { parseCInteger } from '../c-integer.js';

export interface TracerouteOpts {
  numeric: boolean;
  maxHops: number;
  queries: number;
  waitUs: number;
  port: number;
  firstTtl: number;
  length: number;
}

/** MAX_HOPS, MAX_PROBES, MAX_PACKET_LEN in traceroute.c. */
const MAX_HOPS = 255;
const MAX_PROBES = 10;
const MAX_PACKET_LEN = 65000;

type Kind = 'flag' | 'uint' | 'wait' | 'string';
interface OptionSpec {
  readonly short?: string;
  readonly long?: string;
  readonly kind: Kind;
  /** The argument's name in the usage (`-m max_ttl`). */
  readonly arg?: string;
  readonly key?: 'maxHops' | 'queries' | 'port' | 'firstTtl';
}

const OPTIONS: readonly OptionSpec[] = [
  { short: '4', kind: 'flag' }, { short: '6', kind: 'flag' }, { short: 'd', long: 'debug', kind: 'flag' },
  { short: 'F', long: 'dont-fragment', kind: 'flag' }, { short: 'I', long: 'icmp', kind: 'flag' }, { short: 'T', long: 'tcp', kind: 'flag' },
  { short: 'n', kind: 'flag' }, { short: 'r', kind: 'flag' }, { short: 'e', long: 'extensions', kind: 'flag' },
  { short: 'A', long: 'as-path-lookups', kind: 'flag' }, { short: 'U', long: 'udp', kind: 'flag' }, { short: 'D', long: 'dccp', kind: 'flag' },
  { long: 'mtu', kind: 'flag' }, { long: 'back', kind: 'flag' },
  { short: 'f', long: 'first', kind: 'uint', arg: 'first_ttl', key: 'firstTtl' },
  { short: 'm', long: 'max-hops', kind: 'uint', arg: 'max_ttl', key: 'maxHops' },
  { short: 'q', long: 'queries', kind: 'uint', arg: 'nqueries', key: 'queries' },
  { short: 'p', long: 'port', kind: 'uint', arg: 'port', key: 'port' },
  { short: 'N', long: 'sim-queries', kind: 'uint', arg: 'squeries' },
  { short: 't', long: 'tos', kind: 'uint', arg: 'tos' },
  { short: 'l', long: 'flowlabel', kind: 'uint', arg: 'flow_label' },
  { short: 'w', long: 'wait', kind: 'wait', arg: 'MAX,HERE,NEAR' },
  { short: 'g', long: 'gateway', kind: 'string', arg: 'gate,...' },
  { short: 'i', long: 'interface', kind: 'string', arg: 'device' },
  { short: 's', long: 'source', kind: 'string', arg: 'src_addr' },
  { short: 'z', long: 'sendwait', kind: 'string', arg: 'sendwait' },
  { short: 'M', long: 'module', kind: 'string', arg: 'name' },
  { short: 'O', long: 'options', kind: 'string', arg: 'OPTS,...' },
  { short: 'P', long: 'protocol', kind: 'uint', arg: 'prot' },
  { long: 'sport', kind: 'uint', arg: 'num' },
  { long: 'fwmark', kind: 'uint', arg: 'num' },
];

export type ParsedArgs =
  | { readonly kind: 'run'; readonly opts: TracerouteOpts; readonly host: string }
  | { readonly kind: 'usage' }
  | { readonly kind: 'error'; readonly message: string };

/** strtoul(s, &end, 0) with *end == 0; a leading minus wraps as in C. */
function cUnsigned(s: string): number | undefined {
  const v = parseCInteger(s);
  return v !== undefined && v < 0 ? 2 ** 64 + v : v;
}

/** -w MAX[,HERE[,NEAR]]: floating point values (strtod). */
function waitSpec(s: string): number[] | undefined {
  const parts = s.split(',');
  if (parts.length > 3) return undefined;
  const vals = parts.map((x) => (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(x) ? Number(x) : NaN));
  return vals.some(Number.isNaN) ? undefined : vals;
}

export function parseTracerouteArgs(args: readonly string[]): ParsedArgs {
  const o: TracerouteOpts = { numeric: false, maxHops: 30, queries: 3, waitUs: 5_000_000, port: 33434, firstTtl: 1, length: 60 };
  let wait = [5, 3, 10];
  const positional: { text: string; argc: number }[] = [];
  const apply = (spec: OptionSpec, name: string, value: string, argc: number): string | undefined => {
    if (spec.kind === 'wait') {
      const w = waitSpec(value);
      if (!w) return `Cannot handle \`${name}' option with arg \`${value}' (argc ${argc})`;
      wait = [w[0] ?? 0, w[1] ?? 0, w[2] ?? 0];
      return undefined;
    }
    if (spec.kind !== 'uint') return undefined;
    const n = cUnsigned(value);
    if (n === undefined) return `Cannot handle \`${name}' option with arg \`${value}' (argc ${argc})`;
    if (spec.key) o[spec.key] = n;
    return undefined;
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const argc = i + 1;
    if (a === '--help') return { kind: 'usage' };
    if (a.startsWith('--')) {
      const [name = '', inline] = a.slice(2).split(/=(.*)/s, 2);
      const spec = OPTIONS.find((s) => s.long === name);
      if (!spec) return { kind: 'error', message: `Bad option \`${a}' (argc ${argc})` };
      if (spec.kind === 'flag') continue;
      const value = inline ?? args[++i];
      if (value === undefined) return { kind: 'error', message: `Option \`--${name}' (argc ${argc}) requires an argument: \`--${name}=${spec.arg ?? ''}'` };
      const err = apply(spec, `--${name}`, value, inline === undefined ? i + 1 : argc);
      if (err) return { kind: 'error', message: err };
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const spec = OPTIONS.find((s) => s.short === a[j]);
        if (!spec) return { kind: 'error', message: `Bad option \`-${a[j]}' (argc ${argc})` };
        if (spec.short === 'n') o.numeric = true;
        if (spec.kind === 'flag') continue;
        // Only an option that opens its word takes the rest of the word as its value (`-m5`); one later in
        // a bundle takes the next word, unless that word is itself an option (`-nN1 -m5`: -N lacks one).
        const rest = j === 1 ? a.slice(2) : '';
        const next = args[i + 1];
        const nextIsOption = next !== undefined && next.startsWith('-') && OPTIONS.some((s) => s.short === next[1] || (next.startsWith('--') && s.long !== undefined));
        const value = rest !== '' ? rest : nextIsOption ? undefined : args[++i];
        if (value === undefined) return { kind: 'error', message: `Option \`-${spec.short ?? ''}' (argc ${argc}) requires an argument: \`-${spec.short ?? ''} ${spec.arg ?? ''}'` };
        const err = apply(spec, `-${spec.short ?? ''}`, value, rest !== '' ? argc : i + 1);
        if (err) return { kind: 'error', message: err };
        break;
      }
      continue;
    }
    positional.push({ text: a, argc });
  }
  const [host, len, extra] = positional;
  if (host === undefined) return args.length === 0 ? { kind: 'usage' } : { kind: 'error', message: 'Specify "host" missing argument.' };
  if (extra) return { kind: 'error', message: `Extra arg \`${extra.text}' (position 3, argc ${extra.argc})` };
  if (len) {
    const n = cUnsigned(len.text);
    if (n === undefined) return { kind: 'error', message: `Cannot handle "packetlen" cmdline arg \`${len.text}' on position 2 (argc ${len.argc})` };
    o.length = n;
  }
  if (o.firstTtl === 0 || o.firstTtl > o.maxHops) return { kind: 'error', message: 'first hop out of range' };
  if (o.maxHops > MAX_HOPS) return { kind: 'error', message: `max hops cannot be more than ${MAX_HOPS}` };
  if (o.queries === 0 || o.queries > MAX_PROBES) return { kind: 'error', message: `no more than ${MAX_PROBES} probes per hop` };
  if (wait.some((w) => w < 0)) return { kind: 'error', message: `bad wait specifications \`${wait.map(String).join(',')}' used` };
  if (o.length > MAX_PACKET_LEN) return { kind: 'error', message: `too big packetlen ${o.length} specified` };
  o.waitUs = Math.round((wait[0] ?? 5) * 1_000_000);
  return { kind: 'run', opts: o, host: host.text };
}
