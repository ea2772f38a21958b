// Layer tools (cilium): `cilium-dbg endpoint list` (cilium-dbg/cmd/endpoint_list.go printEndpointList):
// tabwriter(5,0,3), a two-line header, one row per endpoint sorted by id with its first security label,
// then one row per further label; every cell tab-terminated, so rows end in padding. The host endpoint
// (identity 1, the node's labels and reserved:host, no addresses) is listed with the pods'. With -o the
// header goes into the tabwriter, which is never flushed: only the endpoints, by id, in the -o format.

import { formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { ID_HOST } from '../../cilium/identity/numeric-identity.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import { hostEndpointId, hostEndpointLabels } from './agent-facts.js';
import type { CommandSpec, Parsed } from './cobra.js';
import { printOutput } from './dbg-output.js';
import { agentEndpoints, endpointModel } from './endpoint-model.js';
import { tabwrite } from './tabwriter.js';

export const ENDPOINT_LIST: CommandSpec = {
  path: 'cilium-dbg endpoint list',
  use: 'list',
  aliases: ['ls'],
  short: 'List all endpoints',
  flags: [
    { name: 'no-headers', kind: 'bool', usage: 'Do not print headers' },
    { name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" },
  ],
};

export interface EndpointRow {
  readonly id: number;
  readonly identity: number;
  readonly labels: readonly string[];
  readonly ipv4: string;
  readonly state: string;
}

/** The agent's endpoints as the API lists them: the pods' and the host's, by id. */
export function endpointRows(lab: Lab, agent: CiliumAgent): EndpointRow[] {
  const rows: EndpointRow[] = [...agent.endpoints.values()].map((ep) => ({ id: ep.id, identity: ep.identity, labels: [...ep.identityLabels].sort(), ipv4: formatIpv4(ep.ipv4), state: ep.state }));
  rows.push({ id: hostEndpointId(agent), identity: ID_HOST, labels: hostEndpointLabels(lab, agent.nodeName), ipv4: '', state: agent.synced ? 'ready' : 'regenerating' });
  return rows.sort((a, b) => a.id - b.id);
}

export function endpointListCommand(p: Process, lab: Lab, agent: CiliumAgent, f: Extract<Parsed, { ok: true }>): number {
  const output = f.values.get('output');
  if (output === undefined) {
    p.out(endpointList(lab, agent, { noHeaders: f.values.get('no-headers') === 'true' }));
    return 0;
  }
  // printEndpointList sorts the payload by id before printing it; an unknown -o exits 1 silently.
  const r = printOutput(p, agentEndpoints(agent).map((ae) => endpointModel(lab, agent, ae)), output);
  return r.ok ? r.exitCode : 1;
}

export function endpointList(lab: Lab, agent: CiliumAgent, opts: { readonly noHeaders: boolean }): string {
  let text = opts.noHeaders ? '' : 'ENDPOINT\tPOLICY (ingress)\tPOLICY (egress)\tIDENTITY\tLABELS (source:key[=value])\tIPv6\tIPv4\tSTATUS\t\n\tENFORCEMENT\tENFORCEMENT\t\t\t\t\t\n';
  for (const ep of endpointRows(lab, agent)) {
    const [first = 'no labels', ...rest] = ep.labels;
    // endpointPolicyMode: no policy selects any endpoint in the lab, so enforcement is "none".
    text += `${ep.id}\tDisabled\tDisabled\t${ep.identity}\t${first}\t\t${ep.ipv4}\t${ep.state}\t\n`;
    for (const l of rest) text += `\t\t\t\t${l}\t\t\t\t\n`;
  }
  return tabwrite(text, 5, 3);
}
