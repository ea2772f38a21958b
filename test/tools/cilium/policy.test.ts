// `cilium-dbg policy get` and `cilium-dbg bpf policy get` with no policy in the lab, against the v1.18
// sources (branch point 228a293646): policy_get.go prints "%s\nRevision: %d\n" of models.Policy, whose
// policy is JSONMarshalRules of an empty api.Rules{} ("[]") at the repository's initial revision 1;
// bpf_policy_get.go's formatMap (tabwriter(5,0,3), nine tab-terminated columns) over the keys
// resolve.go allowAllIdentities and mapstate.go determineAllowLocalhostIngress install.

import { describe, expect, test } from 'vitest';
import { ID_HOST } from '../../../src/cilium/identity/numeric-identity.js';
import { endpointRows } from '../../../src/tools/cilium/endpoint-list.js';
import { week4 } from '../../support/week4.js';
import { agentPod, inAgent, rows, runOn } from './helpers.js';

const lab = week4();
const agent = (node: string) => {
  const a = lab.agents.get(node);
  if (!a) throw new Error(node);
  return a;
};
const HEAD = ['POLICY', 'DIRECTION', 'LABELS (source:key[=value])', 'PORT/PROTO', 'PROXY PORT', 'AUTH TYPE', 'BYTES', 'PACKETS', 'PREFIX'];

/** tabwriter for rows whose every cell is tab-terminated: each column its widest cell + 3, at least 5. */
function table(cells: string[][]): string {
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 5, c.length + 3)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('') + '\n').join('');
}

const allow = (dir: string, label: string) => ['Allow', dir, label, 'ANY', 'NONE', 'disabled', '-', '-', '0'];

describe('cilium-dbg policy get', () => {
  test('an empty repository: [] at revision 1', async () => {
    expect(await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'policy', 'get'])).toBe('[]\nRevision: 1\n');
  });

  test('-o json: models.Policy (policy, revision) and the blank line dumpJSON adds', async () => {
    expect(await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'policy', 'get', '-o', 'json'])).toBe('{\n  "policy": "[]",\n  "revision": 1\n}\n\n');
  });

  test('labels that select no rule: the client’s 404 through Fatalf', async () => {
    const r = await runOn(lab, agentPod(lab, 'k8s-w0'), ['cilium-dbg', 'policy', 'get', 'k8s:app=web']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', 'Error: Cannot get policy: [GET /policy][404] getPolicyNotFound\n\n', 1]);
  });
});

describe('cilium-dbg bpf policy get', () => {
  test('a pod endpoint: allow-all both ways and the localhost ingress key, host labels resolved', async () => {
    const [ep] = [...agent('k8s-ctr').endpoints.values()];
    const out = await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'policy', 'get', String(ep?.id)]);
    // On the kube-apiserver's node identity 1 also carries reserved:kube-apiserver (a continuation row).
    expect(out).toBe(table([HEAD, allow('Ingress', 'ANY'), allow('Ingress', 'reserved:host'), ['', '', 'reserved:kube-apiserver', '', '', '', '', '', ''], allow('Egress', 'ANY')]));
  });

  test('-n: numeric identities under IDENTITY', async () => {
    const [ep] = [...agent('k8s-w1').endpoints.values()];
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'bpf', 'policy', 'get', '-n', String(ep?.id)]);
    expect(out).toBe(table([HEAD.map((h) => (h.startsWith('LABELS') ? 'IDENTITY' : h)), allow('Ingress', '0'), allow('Ingress', '1'), allow('Egress', '0')]));
  });

  test('--all: every endpoint’s map by path, the host endpoint without the localhost key', async () => {
    const out = await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'bpf', 'policy', 'get', '--all']);
    const eps = endpointRows(lab, agent('k8s-w0'));
    const want = eps.map((ep) => {
      const isHost = ep.identity === ID_HOST;
      const body = isHost ? [allow('Ingress', 'ANY'), allow('Egress', 'ANY')] : [allow('Ingress', 'ANY'), allow('Ingress', 'reserved:host'), allow('Egress', 'ANY')];
      return `Endpoint ID: ${ep.id}\nPath: /sys/fs/bpf/tc/globals/cilium_policy_v2_${String(ep.id).padStart(5, '0')}\n\n${table([HEAD, ...body])}\n\n`;
    });
    expect(out).toBe(want.join(''));
    expect(rows(out).filter((l) => l.startsWith('Endpoint ID: ')).length).toBe(eps.length);
  });

  test('bad ids: Fatalf texts of requireEndpointID, endpointToPolicyMapPath and the map open', async () => {
    const run = async (arg: string) => {
      const r = await runOn(lab, agentPod(lab, 'k8s-w0'), ['cilium-dbg', 'bpf', 'policy', 'get', arg]);
      return [r.stdout, r.stderr, r.exitCode];
    };
    expect(await run('abc')).toEqual(['', 'Error: Failed to parse endpointID "abc"\n', 1]);
    expect(await run('foo:1')).toEqual(['', 'Error: Cannot parse endpoint id "foo:1": unknown endpoint ID prefix "foo"\n', 1]);
    expect(await run('65000')).toEqual(['', 'Error: Failed to open map: no such file or directory\n', 1]);
    expect(await run('host')).toEqual(['', 'Error: Failed to open map: no such file or directory\n', 1]);
  });

  test('no id: Usagef prints the error, a blank line and the help, exit 1', async () => {
    const r = await runOn(lab, agentPod(lab, 'k8s-w0'), ['cilium-dbg', 'bpf', 'policy', 'get']);
    expect(r.stderr).toBe('Error: Missing endpoint id argument\n\n');
    expect(r.stdout.split('\n').slice(0, 4)).toEqual(['Get contents of a policy BPF map', '', 'Usage:', '  cilium-dbg bpf policy get [flags]']);
    expect(r.exitCode).toBe(1);
  });
});
