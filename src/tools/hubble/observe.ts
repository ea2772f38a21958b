// Layer tools (hubble): `hubble observe` (cmd/observe/flows.go): the flags, the request (the last 20 flows
// unless --last/--first/--all/--since/--follow say otherwise), the connection to the Hubble API, then the
// flows printed oldest first and, with -f, new ones as they happen until Ctrl-C.

import { HubbleObserver, passes, type GetFlowsRequest } from '../../observe/index.js';
import type { Process } from '../process.js';
import { parseFlags, isTrue, specsOf, type ParsedFlag } from './flag-parser.js';
import { FlowPrinter, type OutputFormat } from './flow-printer.js';
import { ObserveFilters } from './observe-filters.js';
import { connectHubble, GLOBAL_FLAGS, SERVER_SET } from './global-flags.js';
import { OBSERVE_SETS } from './observe-help.js';
import { parseGoDurationUs } from '../go-duration.js';

const FILTER_FLAGS = ['not', 'pod', 'from-pod', 'to-pod', 'ip', 'from-ip', 'to-ip', 'port', 'from-port', 'to-port', 'label', 'from-label', 'to-label', 'namespace', 'from-namespace', 'to-namespace', 'protocol', 'verdict', 'drop-reason-desc', 'type', 'identity', 'from-identity', 'to-identity', 'node-name', 'traffic-direction', 'tcp-flags'];

const OBSERVE_FLAGS = [...specsOf(OBSERVE_SETS.flatMap((set) => set.flags)), ...GLOBAL_FLAGS.filter((g) => !SERVER_SET.flags.some((f) => f.name === g.name))];

/** The flags observe acts on (or, for TLS and timeouts, accepts and ignores); the rest are refused. */
const MODELLED = new Set([...FILTER_FLAGS, ...GLOBAL_FLAGS.map((f) => f.name), 'all', 'last', 'first', 'follow', 'since', 'until', 'output', 'time-format', 'print-node-name', 'numeric', 'ip-translation', 'color', 'silent-errors']);

const FORMATS: Readonly<Record<string, OutputFormat>> = { compact: 'compact', dict: 'dict', json: 'jsonpb', JSON: 'jsonpb', jsonpb: 'jsonpb', tab: 'table', table: 'table' };

interface Selection {
  readonly req: GetFlowsRequest;
  readonly isFollow: boolean;
}

function last(flags: readonly ParsedFlag[], name: string): string | undefined {
  return [...flags].reverse().find((f) => f.name === name)?.value;
}

/** hubtime.FromString: a Go duration back from now, or one of the accepted layouts. */
function timeOf(p: Process, text: string): number | undefined {
  const d = parseGoDurationUs(text);
  if (d !== undefined) return p.lab.wallMs * 1000 - d;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms * 1000;
}

function selection(p: Process, flags: readonly ParsedFlag[], filters: ObserveFilters): Selection | string {
  const n = (name: string) => Number(last(flags, name) ?? 0);
  const isFollow = isTrue(last(flags, 'follow') ?? 'false');
  const isAll = isTrue(last(flags, 'all') ?? 'false');
  const [first, lastN] = [n('first'), n('last')];
  if (first > 0 && lastN > 0) return 'cannot set both --first and --last';
  if (first > 0 && isAll) return 'cannot set both --first and --all';
  if (first > 0 && isFollow) return 'cannot set both --first and --follow';
  if (lastN > 0 && isAll) return 'cannot set both --last and --all';
  const since = last(flags, 'since');
  const until = isFollow ? undefined : last(flags, 'until');
  const sinceUs = since === undefined ? undefined : timeOf(p, since);
  if (since !== undefined && sinceUs === undefined) return `failed to parse the since time: failed to convert ${since} to time`;
  const untilUs = until === undefined ? undefined : timeOf(p, until);
  if (until !== undefined && untilUs === undefined) return `failed to parse the until time: failed to convert ${until} to time`;
  let number = first > 0 ? first : lastN;
  if (since === undefined && until === undefined && first === 0) {
    if (isAll) number = Number.MAX_SAFE_INTEGER;
    else if (lastN === 0 && !isFollow) number = 20;
  }
  if (number === 0 && !isFollow && (since !== undefined || until !== undefined)) number = Number.MAX_SAFE_INTEGER;
  const req: GetFlowsRequest = { number, first: first > 0, allow: filters.allowlist(), deny: filters.denylist(), ...(sinceUs !== undefined ? { sinceUs } : {}), ...(untilUs !== undefined ? { untilUs } : {}) };
  return { req, isFollow };
}

/** @example await observe(p, ['--pod', 'curl-pod', '-o', 'compact']) */
export async function observe(p: Process, argv: readonly string[]): Promise<number> {
  const fail = (msg: string) => {
    p.err(`${msg}\n`);
    return 1;
  };
  const parsed = parseFlags(argv, OBSERVE_FLAGS);
  if (!parsed.ok) return fail(parsed.error);
  const unmodelled = parsed.flags.find((f) => !MODELLED.has(f.name));
  if (unmodelled) return fail(`hubble observe: --${unmodelled.name} is not emulated by ciliumlab`);
  const filters = new ObserveFilters();
  for (const f of parsed.flags) {
    if (!FILTER_FLAGS.includes(f.name)) continue;
    const err = filters.set(f.name, f.value);
    if (err !== undefined) return fail(err);
  }
  if (filters.isTrailingNot) return fail('trailing --not found in the arguments');
  const outName = last(parsed.flags, 'output') ?? 'compact';
  const output = FORMATS[outName];
  if (!output) return fail(`invalid output format: ${outName}`);
  const sel = selection(p, parsed.flags, filters);
  if (typeof sel === 'string') return fail(sel);
  if (output === 'table' && sel.isFollow) return fail('table output format is not compatible with follow mode');
  const conn = await connectHubble(p, parsed.flags);
  if (!conn.ok) return fail(conn.error);
  const isNumeric = isTrue(last(parsed.flags, 'numeric') ?? 'false');
  const color = last(parsed.flags, 'color') ?? 'auto';
  const printer = new FlowPrinter(
    {
      output,
      timeFormat: last(parsed.flags, 'time-format') ?? 'StampMilli',
      timeZone: p.lab.spec.clock.timezone,
      isColor: color === 'always' || (color === 'auto' && p.isTty && p.env.get('TERM') !== 'dumb'),
      isIpTranslation: !isNumeric && isTrue(last(parsed.flags, 'ip-translation') ?? 'true'),
      isNodeName: isTrue(last(parsed.flags, 'print-node-name') ?? 'false'),
    },
    (t) => p.out(t),
  );
  return stream(p, HubbleObserver.of(p.lab), sel, printer);
}

async function stream(p: Process, hubble: HubbleObserver, sel: Selection, printer: FlowPrinter): Promise<number> {
  for (const f of hubble.getFlows(sel.req)) printer.write(f);
  if (sel.isFollow) {
    const { req } = sel;
    const off = hubble.follow((f) => {
      if (passes(f, req.allow, req.deny) && (req.sinceUs === undefined || f.timeUs >= req.sinceUs)) printer.write(f);
    });
    let isStopped = false;
    p.onInterrupt(() => void (isStopped = true));
    await p.until(() => isStopped || p.isInterrupted, Number.MAX_SAFE_INTEGER);
    off();
  }
  printer.close();
  return 0;
}
