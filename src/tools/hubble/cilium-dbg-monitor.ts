// Layer tools (hubble): `cilium-dbg monitor` in the agent pod (cilium-dbg/cmd/monitor.go): the node's
// datapath notifications as they happen, printed by pkg/monitor/format (src/observe/monitor), filtered by
// --type, --from, --to, --related-to; -v adds socket-LB traces; stops on Ctrl-C. Exported for the
// cilium-dbg dispatcher: `ciliumDbgMonitor(p, argvAfterMonitor)`.

import { DatapathMonitor, formatMonitorEvent, MESSAGE_TYPE, type MonitorFormatOptions } from '../../observe/index.js';
import type { Process } from '../process.js';
import { parseFlags, type FlagSpec } from './flag-parser.js';

const FLAGS: readonly FlagSpec[] = [
  { name: 'hex', kind: 'bool' },
  { name: 'type', short: 't', kind: 'string' },
  { name: 'from', kind: 'uint' },
  { name: 'to', kind: 'uint' },
  { name: 'related-to', kind: 'uint' },
  { name: 'verbose', short: 'v', kind: 'bool' },
  { name: 'json', short: 'j', kind: 'bool' },
  { name: 'numeric', short: 'n', kind: 'bool' },
  { name: 'monitor-socket', kind: 'string' },
];

/** Go's %v of the MessageTypeNames map: keys sorted. */
const TYPE_MAP = `map[${Object.entries(MESSAGE_TYPE)
  .sort(([a], [b]) => (a < b ? -1 : 1))
  .map(([k, v]) => `${k}:${v}`)
  .join(' ')}]`;

export async function ciliumDbgMonitor(p: Process, argv: readonly string[]): Promise<number> {
  const parsed = parseFlags(argv, FLAGS);
  if (!parsed.ok) {
    p.err(`Error: ${parsed.error}\n`);
    return 1;
  }
  const values = (name: string) => parsed.flags.filter((f) => f.name === name).map((f) => f.value);
  const types: number[] = [];
  for (const t of values('type')) {
    const code = (MESSAGE_TYPE as Readonly<Record<string, number>>)[t];
    if (code === undefined) {
      p.err(`Error: invalid argument ${JSON.stringify(t)} for "-t, --type" flag: Unknown type (${t}). Please use one of the following ones ${TYPE_MAP}\n`);
      return 1;
    }
    types.push(code);
  }
  const verbose = values('verbose').filter((v) => v === 'true').length;
  if (verbose > 1 || values('json').includes('true')) {
    p.err('cilium-dbg monitor: -vv and --json output are not emulated by ciliumlab\n');
    return 1;
  }
  const node = p.host.machine?.hostname ?? '';
  const agent = p.lab.agents.get(node);
  if (!agent || (agent.phase !== 'running' && agent.phase !== 'starting')) {
    p.err(`Error: Cannot find or open a supported node-monitor socket. /var/run/cilium/monitor1_2.sock: dial unix /var/run/cilium/monitor1_2.sock: connect: no such file or directory\n`);
    return 1;
  }
  const cpus = p.lab.spec.hosts.find((h) => h.name === node)?.cpus ?? 1;
  const opts: MonitorFormatOptions = {
    verbosity: verbose === 1 ? 'debug' : 'info',
    isNumeric: values('numeric').includes('true'),
    types,
    from: values('from').map(Number),
    to: values('to').map(Number),
    related: values('related-to').map(Number),
    cpus,
  };
  p.err(`Listening for events on ${cpus} CPUs with 64x4096 of shared memory\nPress Ctrl-C to quit\n`);
  const off = DatapathMonitor.of(p.lab).listen(node, (e) => {
    const line = formatMonitorEvent(e, opts);
    if (line !== '') p.out(line);
  });
  let isStopped = false;
  p.onInterrupt(() => void (isStopped = true));
  await p.until(() => isStopped || p.isInterrupted, Number.MAX_SAFE_INTEGER);
  off();
  p.err('\nReceived an interrupt, disconnecting from monitor...\n\n');
  return 0;
}
