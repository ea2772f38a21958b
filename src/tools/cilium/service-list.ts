// Layer tools (cilium): the agent's load-balancing view. `cilium-dbg service list` (cilium-dbg/cmd/
// service_list.go: tabwriter(5,0,3), ID/Frontend/Service Type/Backend, "N => addr (state)", sorted by id)
// and `cilium-dbg bpf lb list` (bpf_lb_list.go dumpSVC: one row per services-map slot, slot 0 the master
// "0.0.0.0:0 (revnat) (0) [flags] ", rows tab-terminated as helpers.go TablePrinter writes them; --revnat
// dumps the reverse-NAT map instead: RevNat4Key "%d" to RevNat4Value "addr:port", under the ID title).

import { formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import type { ServiceFrontend } from '../../cilium/cluster-state.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import { notModelled } from './cobra.js';
import type { CommandSpec, Parsed } from './cobra.js';
import { outputOptionString, printOutput } from './dbg-output.js';
import { tabwrite } from './tabwriter.js';

interface ServiceSpec {
  spec?: { clusterIP?: string; internalTrafficPolicy?: string; sessionAffinity?: string };
}

export interface AgentFrontend {
  readonly id: number;
  /** L3n4Addr.String(): "10.96.0.10:53/UDP". */
  readonly address: string;
  readonly type: string;
  /** loadbalancer.ServiceFlags.String() of the frontend. */
  readonly flags: string;
  readonly backends: ReadonlyArray<{ readonly address: string; readonly state: string }>;
}

/**
 * The frontends this agent programs. A frontend at the Service's ClusterIP is of type ClusterIP whatever
 * the Service's type; with internalTrafficPolicy Local only this node's backends are selected.
 */
export function agentFrontends(lab: Lab, agent: CiliumAgent): AgentFrontend[] {
  const out: AgentFrontend[] = [];
  for (const f of lab.cilium.services.values()) out.push(frontendOf(lab, agent, f));
  return out.sort((a, b) => a.id - b.id);
}

function frontendOf(lab: Lab, agent: CiliumAgent, f: ServiceFrontend): AgentFrontend {
  const svc = lab.k8s.api.tryGet('Service', f.namespace, f.name) as ServiceSpec | undefined;
  const isClusterIp = svc?.spec?.clusterIP === formatIpv4(f.vip);
  const type = isClusterIp ? 'ClusterIP' : f.type;
  const isIntLocal = svc?.spec?.internalTrafficPolicy === 'Local';
  const flags = [type, ...(isIntLocal ? ['InternalLocal'] : []), ...(svc?.spec?.sessionAffinity === 'ClientIP' ? ['sessionAffinity'] : []), ...(isClusterIp ? ['non-routable'] : [])].join(', ');
  const backends = f.backends.filter((b) => !isIntLocal || b.nodeName === agent.nodeName).map((b) => ({ address: `${formatIpv4(b.ip)}:${b.port}/${f.protocol}`, state: b.state }));
  return { id: f.id, address: `${formatIpv4(f.vip)}:${f.port}/${f.protocol}`, type, flags, backends };
}

export function serviceList(lab: Lab, agent: CiliumAgent): string {
  let text = 'ID\tFrontend\tService Type\tBackend\t\n';
  for (const f of agentFrontends(lab, agent)) {
    const [first, ...rest] = f.backends.map((b, i) => `${i + 1} => ${b.address} (${b.state})`);
    text += `${f.id}\t${f.address}\t${f.type}\t${first ?? ''}\t\n`;
    for (const b of rest) text += `\t\t\t${b}\t\n`;
  }
  return tabwrite(text, 5, 3);
}

export const BPF_LB_LIST: CommandSpec = {
  path: 'cilium-dbg bpf lb list',
  use: 'list',
  aliases: ['ls'],
  short: 'List load-balancing configuration',
  flags: [
    { name: 'backends', kind: 'bool', usage: 'List all service backend entries' },
    { name: 'frontends', kind: 'bool', usage: 'List all service frontend entries' },
    { name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" },
    { name: 'revnat', kind: 'bool', usage: 'List reverse NAT entries' },
    { name: 'source-ranges', kind: 'bool', usage: 'List all source range entries' },
  ],
};

/** The map dump as TablePrinter's map[string][]string; keys in frontend-id order (Go map order is random). */
function lbDump(lab: Lab, agent: CiliumAgent, isRevNat: boolean): Array<[string, string[]]> {
  const frontends = agentFrontends(lab, agent);
  // One rev-NAT entry per frontend: its id to the frontend address without the protocol.
  if (isRevNat) return frontends.map((f) => [String(f.id), [f.address.replace(/\/[A-Z]+$/, '')]]);
  return frontends.flatMap((f): Array<[string, string[]]> => [
    [`${f.address} (0)`, [`0.0.0.0:0 (${f.id}) (0) [${f.flags}] `]],
    ...f.backends.map((b, i): [string, string[]] => [`${f.address} (${i + 1})`, [`${b.address} (${f.id}) (${i + 1})`]]),
  ]);
}

export function bpfLbList(p: Process, lab: Lab, agent: CiliumAgent, f: Extract<Parsed, { ok: true }>): number {
  const is = (name: string) => f.values.get(name) === 'true';
  if (!is('revnat') && (is('frontends') || is('backends') || is('source-ranges'))) return notModelled(p, 'the --frontends/--backends/--source-ranges dump (backend ids, source ranges)');
  const dump = lbDump(lab, agent, is('revnat'));
  const output = f.values.get('output');
  if (output !== undefined) {
    // encoding/json writes a map's keys sorted.
    const r = printOutput(p, Object.fromEntries([...dump].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), output);
    if (r.ok) return r.exitCode;
    p.err(`Error: Unable to generate ${outputOptionString(output)} output: ${r.error}\n`);
    return 1;
  }
  let text = `${is('revnat') ? 'ID' : 'SERVICE ADDRESS'}\tBACKEND ADDRESS (REVNAT_ID) (SLOT)\n`;
  for (const [key, values] of dump) values.forEach((v, i) => (text += `${i === 0 ? key : ''}\t${v}\t\n`));
  p.out(tabwrite(text, 5, 3));
  return 0;
}
