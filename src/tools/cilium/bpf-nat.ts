// Layer tools (cilium): `cilium-dbg bpf nat list` (cilium-dbg/cmd/bpf_nat_list.go over pkg/maps/nat): the
// node's cilium_snat_v4_external, one line per entry — the packet-ordered tuple (TupleKey4Global.Dump,
// reverse=false), then XLATE_SRC (an SNAT entry) or XLATE_DST (its RevSNAT entry) with the address and port,
// "Created=Nsec ago" on the agent's clock and NeedsCT — and fmt.Println's newline: an empty map prints an
// empty line. -o json collects NatMapRecords; arguments other than none are cobra's PrintErr, exit 0.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { bpfMonoNow, monoToSec } from '../../cilium/datapath/conntrack/bpf-mono.js';
import { TUPLE_F_IN, type CtTuple } from '../../cilium/datapath/conntrack/ct-tuple.js';
import type { NatEntry } from '../../cilium/datapath/nat/nat-map.js';
import type { Process } from '../process.js';
import { notModelled } from './cobra.js';
import { failFlags, helped, parseFlags, type CommandSpec } from './cobra.js';
import { ipBytes, jsonTupleKey, networkU16, protoName } from './ctmap-dump.js';
import { printOutput } from './dbg-output.js';

const LIST: CommandSpec = {
  path: 'cilium-dbg bpf nat list',
  use: 'list [cluster <cluster id>]',
  aliases: ['ls'],
  short: 'List all NAT mapping entries',
  flags: [{ name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" }],
};

/** `cilium-dbg bpf nat <sub> ...`; undefined when `sub` is no nat command. */
export function bpfNat(p: Process, agent: CiliumAgent, sub: string, argv: readonly string[]): number | undefined {
  if (sub !== 'list' && sub !== 'ls') return undefined;
  const f = parseFlags(LIST, argv);
  if (!f.ok) return failFlags(p, LIST, f.error);
  if (f.isHelp) return helped(p, LIST);
  if (f.args.length === 2 && f.args[0] === 'cluster') return notModelled(p, 'per-cluster NAT maps (cluster mesh)');
  if (f.args.length !== 0) {
    p.err('Invalid argument');
    return 0;
  }
  agent.ctGc.catchUp(p.lab.nowUs);
  const entries = [...agent.nat.map.entries()];
  const output = f.values.get('output');
  if (output !== undefined) {
    const r = printOutput(p, entries.map(([k, v]) => jsonNatRecord(k, v)), output);
    return r.ok ? r.exitCode : 1;
  }
  const source = agent.config?.conntrack.clockSource ?? 'ktime';
  const now = monoToSec(source, bpfMonoNow(source, agent.machine, p.lab.nowUs));
  const ago = (t: number) => `${now - monoToSec(source, t)}sec ago`;
  p.out(`${entries.map(([k, v]) => dumpNatKey(k) + dumpNatEntry(k, v, ago)).join('')}\n`);
  return 0;
}

const ip = (a: number) => formatIpv4((a >>> 0) as Ipv4Addr);

/** TupleKey4Global.Dump(reverse = false): the tuple as the packet carries it. */
function dumpNatKey(k: Readonly<CtTuple>): string {
  return `${protoName(k.nexthdr)} ${(k.flags & TUPLE_F_IN) !== 0 ? 'IN' : 'OUT'} ${ip(k.saddr)}:${k.sport} -> ${ip(k.daddr)}:${k.dport} `;
}

/** NatEntry4.Dump. */
function dumpNatEntry(k: Readonly<CtTuple>, v: NatEntry, ago: (t: number) => string): string {
  return `XLATE_${(k.flags & TUPLE_F_IN) !== 0 ? 'DST' : 'SRC'} ${ip(v.addr)}:${v.port} Created=${ago(v.created)} NeedsCT=${v.needsCt ? 1 : 0}\n`;
}

/** nat.NatMapRecord as encoding/json sees it. */
function jsonNatRecord(k: Readonly<CtTuple>, v: NatEntry): Record<string, unknown> {
  return { Key: jsonTupleKey(k), Value: { Created: v.created, NeedsCT: v.needsCt ? 1 : 0, Pad1: 0, Pad2: 0, Addr: ipBytes(v.addr), Port: networkU16(v.port) } };
}
