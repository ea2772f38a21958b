// Layer tools (cilium): `cilium-dbg bpf ct list global` and `bpf ct flush global` (cilium-dbg/cmd/
// bpf_ct_list.go, bpf_ct_flush.go). list dumps the node's global CT maps — TCP, then non-TCP, each map's
// entries followed by fmt.Println's newline — after the agent's GC caught up with the clock; -d adds the
// remaining seconds (clock source from the agent, or forced by --time-diff-clocksource-*); -o json collects
// every map's records. A bad map type is cobra's PrintErrf, no newline, exit 0. flush deletes every entry.

import type { CiliumAgent } from '../../cilium/agent.js';
import { bpfMonoNow, KERNEL_HZ, monoToSec, type ClockSource } from '../../cilium/datapath/conntrack/bpf-mono.js';
import { TUPLE_F_OUT } from '../../cilium/datapath/conntrack/ct-tuple.js';
import type { Process } from '../process.js';
import { failFlags, helped, notModelled, parseFlags, type CommandSpec } from './cobra.js';
import { dumpCtEntry, dumpCtKey, jsonCtRecord } from './ctmap-dump.js';
import { printOutput } from './dbg-output.js';

const OUTPUT_FLAG = { name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" } as const;

const LIST: CommandSpec = {
  path: 'cilium-dbg bpf ct list',
  use: 'list ( global | cluster <identifier> )',
  aliases: ['ls'],
  short: 'List connection tracking entries',
  flags: [
    OUTPUT_FLAG,
    { name: 'time-diff', short: 'd', kind: 'bool', usage: 'print time difference for entries' },
    { name: 'time-diff-clocksource-hz', kind: 'int', usage: 'manually set clock source Hz', def: '250' },
    { name: 'time-diff-clocksource-mode', kind: 'string', usage: 'manually set clock source mode (instead of contacting the server)' },
  ],
};

const FLUSH: CommandSpec = { path: 'cilium-dbg bpf ct flush', use: 'flush global', short: 'Flush all connection tracking entries', flags: [] };

/** bpf.MapPath: where the agent pins the maps. */
export const TC_GLOBALS = '/sys/fs/bpf/tc/globals';

/** `cilium-dbg bpf ct <sub> ...`; undefined when `sub` is no ct command. */
export function bpfCt(p: Process, agent: CiliumAgent, sub: string, argv: readonly string[]): number | undefined {
  if (sub === 'list' || sub === 'ls') return ctList(p, agent, argv);
  if (sub === 'flush') return ctFlush(p, agent, argv);
  return undefined;
}

function ctList(p: Process, agent: CiliumAgent, argv: readonly string[]): number {
  const f = parseFlags(LIST, argv);
  if (!f.ok) return failFlags(p, LIST, f.error);
  if (f.isHelp) return helped(p, LIST);
  const type = f.args[0];
  // PreRun requireEndpointIDorGlobal: Usagef (the error, a blank line, the help on stdout, exit 1).
  if (type === undefined) return usageError(p, LIST, "Missing endpoint id or 'global' argument");
  if (type === 'cluster' && f.args.length !== 2) return invalidArgument(p, 'missing clusterID');
  if (type === 'cluster') return notModelled(p, 'per-cluster CT maps (cluster mesh)');
  if (type !== 'global') return invalidArgument(p, `unknown type ${type}`);
  const output = f.values.get('output');
  if (output !== undefined) return printJson(p, agent, output);
  let remaining: ((lifetime: number) => string) | undefined;
  if (f.values.get('time-diff') === 'true') {
    const clock = clockSource(agent, f.values.get('time-diff-clocksource-mode') ?? '', Number(f.values.get('time-diff-clocksource-hz') ?? '250'));
    if (typeof clock === 'string') return fatal(p, `could not determine clocksource: ${clock}`);
    const now = monoToSec(clock.mode, bpfMonoNow(clock.mode, agent.machine, p.lab.nowUs), clock.hz);
    remaining = (lifetime) => `remaining: ${monoToSec(clock.mode, lifetime, clock.hz) - now} sec(s)`;
  }
  agent.ctGc.catchUp(p.lab.nowUs);
  for (const map of [agent.ct.tcp, agent.ct.any]) {
    let out = '';
    for (const [k, e] of map.entries()) out += dumpCtKey(k) + dumpCtEntry(e, remaining?.(e.lifetime));
    p.out(`${out}\n`);
  }
  return 0;
}

/** getClockSource: the agent's, or the one the flags force. */
function clockSource(agent: CiliumAgent, mode: string, hz: number): { mode: ClockSource; hz: number } | string {
  if (mode === '') return { mode: agent.config?.conntrack.clockSource ?? 'ktime', hz: KERNEL_HZ };
  if (mode === 'ktime') return { mode: 'ktime', hz: KERNEL_HZ };
  if (mode === 'jiffies') return hz === 0 ? 'invalid HZ value' : { mode: 'jiffies', hz };
  return 'invalid clocksource';
}

/** `-o`: the records through command.PrintOutput (dbg-output.ts); with no printer for it, exit 1 silently. */
function printJson(p: Process, agent: CiliumAgent, output: string): number {
  agent.ctGc.catchUp(p.lab.nowUs);
  const records = [...agent.ct.tcp.entries(), ...agent.ct.any.entries()].map(([k, e]) => jsonCtRecord(k, e));
  const r = printOutput(p, records, output);
  return r.ok ? r.exitCode : 1;
}

/** Map.Flush: a GC run that deletes everything, NAT mappings of egress entries included. */
function ctFlush(p: Process, agent: CiliumAgent, argv: readonly string[]): number {
  const f = parseFlags(FLUSH, argv);
  if (!f.ok) return failFlags(p, FLUSH, f.error);
  if (f.isHelp) return helped(p, FLUSH);
  agent.ctGc.catchUp(p.lab.nowUs);
  for (const map of [agent.ct.tcp, agent.ct.any]) {
    let n = 0;
    for (const [k] of map.entries()) {
      map.delete(k);
      if (k.flags === TUPLE_F_OUT) agent.nat.deleteMapping(k);
      n++;
    }
    p.out(`Flushed ${n} entries from ${TC_GLOBALS}/${map.name}\n`);
  }
  return 0;
}

/** cmd.PrintErrf("Invalid argument: %s", err): no newline, and Run returns normally. */
function invalidArgument(p: Process, text: string): number {
  p.err(`Invalid argument: ${text}`);
  return 0;
}

/** cilium-dbg's Usagef. */
function usageError(p: Process, spec: CommandSpec, text: string): number {
  p.err(`Error: ${text}\n\n`);
  helped(p, spec);
  return 1;
}

/** cilium-dbg's Fatalf. */
function fatal(p: Process, text: string): number {
  p.err(`Error: ${text}\n`);
  return 1;
}
