// Layer tools (cilium): `cilium-dbg endpoint get <id> | -l <labels>` (cilium-dbg/cmd/endpoint_get.go, v1.18):
// requireEndpointID, then GET /endpoint/{id} (the client's 400 and 404 errors through Fatalf) or
// GET /endpoint?labels (the endpoints holding every label, source included: Label.Equals), printed as a JSON
// array of models.Endpoint whether or not -o json is given (ForceJSON).

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import { help, type CommandSpec, type Parsed } from './cobra.js';
import { goJson, printOutput } from './dbg-output.js';
import { endpointIdError, lookupEndpoint } from './endpoint-id.js';
import { agentEndpoints, endpointLabels, endpointModel, type AgentEndpoint } from './endpoint-model.js';

export const ENDPOINT_GET: CommandSpec = {
  path: 'cilium-dbg endpoint get',
  // The trailing space and the one alias "inspect, show" (meant as two) are the source's.
  use: 'get ( <endpoint identifier> | -l <endpoint labels> ) ',
  aliases: ['inspect, show'],
  short: 'Display endpoint information',
  example: '  cilium-dbg endpoint get 4598\n  cilium-dbg endpoint get pod-name:default:foobar\n  cilium-dbg endpoint get -l id.baz',
  flags: [
    { name: 'labels', short: 'l', kind: 'strings', usage: 'list of labels' },
    { name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" },
  ],
};

function fatal(p: Process, msg: string): number {
  p.err(`Error: ${msg}\n`);
  return 1;
}

function usageError(p: Process, msg: string): number {
  p.err(`Error: ${msg}\n\n`);
  p.out(help(ENDPOINT_GET));
  return 1;
}

/** labels.ParseLabel's "source:key=value" back as Label.String(); a label without a source is "unspec". */
function labelString(l: string): string {
  const withSource = l.includes(':') ? l : `unspec:${l}`;
  return withSource.endsWith('=') ? withSource.slice(0, -1) : withSource;
}

/** GET /endpoint?labels: every endpoint holding all the labels; the agent's goroutines return them in no order, the lab by id. */
function byLabels(lab: Lab, agent: CiliumAgent, endpoints: readonly AgentEndpoint[], lbls: readonly string[]): AgentEndpoint[] {
  const wanted = lbls.map(labelString);
  return endpoints.filter((ae) => {
    const have = endpointLabels(lab, agent, ae);
    return wanted.every((l) => have.includes(l));
  });
}

export function endpointGet(p: Process, lab: Lab, agent: CiliumAgent, f: Extract<Parsed, { ok: true }>): number {
  const lbls = (f.values.get('labels') ?? '').split(',').filter((l) => l !== '');
  if (lbls.length > 0 && f.args.length > 0) return usageError(p, 'Cannot provide both endpoint ID and labels arguments concurrently');
  const endpoints = agentEndpoints(agent);
  let found: AgentEndpoint[];
  if (lbls.length > 0) {
    found = byLabels(lab, agent, endpoints, lbls);
    // fmt's %s of a []string: the labels in brackets, space-separated.
    if (found.length === 0) return fatal(p, `Cannot get endpoints for given list of labels [${lbls.join(' ')}]: [GET /endpoint][404] getEndpointNotFound\n`);
  } else {
    const [id] = f.args;
    if (id === undefined) return usageError(p, 'Missing endpoint id argument');
    const parseError = endpointIdError(id);
    if (parseError !== undefined) return fatal(p, `Cannot parse endpoint id "${id}": ${parseError}`);
    const r = lookupEndpoint(endpoints, id);
    // The 400 payload is a models.Error (a string) that the client's Error() prints as JSON.
    if (r.kind === 'invalid') return fatal(p, `Cannot get endpoint ${id}: [GET /endpoint/{id}][400] getEndpointIdInvalid ${goJson(r.error)}\n`);
    if (r.kind === 'not-found') return fatal(p, `Cannot get endpoint ${id}: [GET /endpoint/{id}][404] getEndpointIdNotFound\n`);
    found = [r.endpoint];
  }
  const r = printOutput(p, found.map((ae) => endpointModel(lab, agent, ae)), f.values.get('output') ?? 'json');
  // PrintOutput's error for an unknown -o is not printed: the command exits 1.
  return r.ok ? r.exitCode : 1;
}
