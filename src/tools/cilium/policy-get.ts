// Layer tools (cilium): `cilium-dbg policy get` (cilium-dbg/cmd/policy_get.go, v1.18): the agent's policy
// repository as JSON (policy.JSONMarshalRules, MarshalIndent of the matching api.Rules) and its revision.
// The lab has no CiliumNetworkPolicy or NetworkPolicy resources, so the repository is always empty: "[]"
// at revision 1, the value NewPolicyRepository stores and nothing bumps without a policy.

import type { Process } from '../process.js';
import type { CommandSpec, Parsed } from './cobra.js';
import { printOutput } from './dbg-output.js';

export const POLICY_GET: CommandSpec = {
  path: 'cilium-dbg policy get',
  use: 'get [<labels>]',
  short: 'Display policy node information',
  flags: [{ name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" }],
};

/** pkg/policy repository.go: the revision a repository starts at. */
const INITIAL_REVISION = 1;

export function policyGet(p: Process, f: Extract<Parsed, { ok: true }>): number {
  // daemon/restapi/policy.go: labels that select no rule are a 404, which the client's error names.
  if (f.args.length > 0) {
    p.err('Error: Cannot get policy: [GET /policy][404] getPolicyNotFound\n\n');
    return 1;
  }
  const policy = { policy: '[]', revision: INITIAL_REVISION };
  const output = f.values.get('output');
  if (output === undefined) {
    p.out(`${policy.policy}\nRevision: ${policy.revision}\n`);
    return 0;
  }
  const r = printOutput(p, policy, output);
  return r.ok ? r.exitCode : 1;
}
