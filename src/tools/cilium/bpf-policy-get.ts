// Layer tools (cilium): `cilium-dbg bpf policy get <endpoint>|--all` (cilium-dbg/cmd/bpf_policy_get.go,
// v1.18): each endpoint's cilium_policy_v2_<id> map, sorted by PolicyEntriesDump.Less (deny first, then
// direction, then identity), tabwriter(5,0,3). With enforcement disabled (no policy selects anything in the
// lab) pkg/policy resolve.go allowAllIdentities puts one allow-all key per direction, and a pod's map gets
// the localhost ingress key (identity 1) as allow-localhost auto becomes always in k8s mode (daemon.go).

import type { CiliumAgent } from '../../cilium/agent.js';
import { ID_HOST } from '../../cilium/identity/numeric-identity.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import { notModelled } from './cobra.js';
import { help, type CommandSpec, type Parsed } from './cobra.js';
import { ENDPOINT_ID_PREFIXES, RESERVED_NAMES } from './endpoint-id.js';
import { endpointRows } from './endpoint-list.js';
import { knownIdentities } from './identity-list.js';
import { tabwrite } from './tabwriter.js';

export const BPF_POLICY_GET: CommandSpec = {
  path: 'cilium-dbg bpf policy get',
  use: 'get',
  short: 'Get contents of a policy BPF map',
  flags: [
    { name: 'all', kind: 'bool', usage: 'Dump all policy maps' },
    { name: 'numeric', short: 'n', kind: 'bool', usage: 'Do not resolve IDs' },
    { name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" },
  ],
};

const TC_GLOBALS = '/sys/fs/bpf/tc/globals';

interface PolicyKey {
  readonly direction: 'Ingress' | 'Egress';
  readonly identity: number;
}

/** The keys the agent writes for an endpoint, in Less order (Ingress is direction 0). */
function policyKeys(isHost: boolean): PolicyKey[] {
  return [{ direction: 'Ingress', identity: 0 }, ...(isHost ? [] : [{ direction: 'Ingress' as const, identity: ID_HOST }]), { direction: 'Egress', identity: 0 }];
}

/** formatMap: every key is an allow of any protocol and port (prefix 0), no proxy, no auth. */
function policyTable(lab: Lab, agent: CiliumAgent, keys: readonly PolicyKey[], isNumeric: boolean): string {
  const labelsOf = new Map(knownIdentities(lab, agent).map((i) => [i.id, i.labels]));
  let text = `POLICY\tDIRECTION\t${isNumeric ? 'IDENTITY' : 'LABELS (source:key[=value])'}\tPORT/PROTO\tPROXY PORT\tAUTH TYPE\tBYTES\tPACKETS\tPREFIX\t\n`;
  for (const k of keys) {
    // Identity 0 is reserved:unknown, which formatMap prints as ANY.
    const labels = isNumeric ? [String(k.identity)] : k.identity === 0 ? ['ANY'] : (labelsOf.get(k.identity) ?? [String(k.identity)]);
    // BYTES/PACKETS come from cilium_policystats, which the datapath fills on a key's first hit; the lab
    // counts no per-key hits, so every key shows StatNotAvailable ("-"), as before any packet matched.
    labels.forEach((l, i) => (text += i === 0 ? `Allow\t${k.direction}\t${l}\tANY\tNONE\tdisabled\t-\t-\t0\t\n` : `\t\t${l}\t\t\t\t\t\t\t\n`));
  }
  return tabwrite(text, 5, 3);
}

const mapPath = (id: number) => `${TC_GLOBALS}/cilium_policy_v2_${String(id).padStart(5, '0')}`;

export function bpfPolicyGet(p: Process, lab: Lab, agent: CiliumAgent, f: Extract<Parsed, { ok: true }>): number {
  if (f.values.get('output') !== undefined) return notModelled(p, 'bpf policy get -o (the PolicyEntryDump struct layout)');
  const isNumeric = f.values.get('numeric') === 'true';
  const endpoints = endpointRows(lab, agent).map((ep) => ({ id: ep.id, isHost: ep.identity === ID_HOST && ep.ipv4 === '' }));
  if (f.values.get('all') === 'true') {
    // filepath.Glob returns the zero-padded map paths sorted, so endpoints come in id order.
    for (const ep of endpoints) p.out(`Endpoint ID: ${ep.id}\nPath: ${mapPath(ep.id)}\n\n${policyTable(lab, agent, policyKeys(ep.isHost), isNumeric)}\n\n`);
    return 0;
  }
  const [arg] = f.args;
  if (arg === undefined) {
    p.err('Error: Missing endpoint id argument\n\n');
    p.out(help(BPF_POLICY_GET));
    return 1;
  }
  return policyOfEndpoint(p, lab, agent, arg, endpoints, isNumeric);
}

/** requireEndpointID, endpointToPolicyMapPath, then opening the pinned map. */
function policyOfEndpoint(p: Process, lab: Lab, agent: CiliumAgent, arg: string, endpoints: ReadonlyArray<{ id: number; isHost: boolean }>, isNumeric: boolean): number {
  const prefix = arg.includes(':') ? arg.slice(0, arg.indexOf(':')) : undefined;
  if (prefix !== undefined && !ENDPOINT_ID_PREFIXES.includes(prefix)) return fatal(p, `Cannot parse endpoint id "${arg}": unknown endpoint ID prefix "${prefix}"`);
  const isReserved = RESERVED_NAMES.includes(arg);
  if (!/^\d+$/.test(arg) || Number(arg) > 65535) return fatal(p, isReserved ? 'Failed to open map: no such file or directory' : `Failed to parse endpointID ${JSON.stringify(arg)}`);
  const ep = endpoints.find((e) => e.id === Number(arg));
  if (!ep) return fatal(p, 'Failed to open map: no such file or directory');
  p.out(policyTable(lab, agent, policyKeys(ep.isHost), isNumeric));
  return 0;
}

function fatal(p: Process, msg: string): number {
  p.err(`Error: ${msg}\n`);
  return 1;
}
