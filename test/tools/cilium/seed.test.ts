// The seed's cilium and helm commands on the week-4 lab, compared with the blog's lines (runs of spaces
// collapsed where the blog collapsed them; the Routing line as the 4w notes captured it, spaces intact):
// config view greps before and after `helm upgrade`, features status, the agent's status and its
// router address, and the ipcache's tunnel endpoints after the agents restarted into VXLAN mode.

import { describe, expect, test } from 'vitest';
import { commands as cilium } from '../../../src/tools/cilium/index.js';
import { commands as helmCommands } from '../../../src/tools/helm/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const collapse = (s: string) => s.replace(/ +/g, ' ').trim();
const grep = (out: string, re: RegExp) => out.split('\n').filter((l) => re.test(l));

async function onCtr(lab: Lab, argv: string[]): Promise<string> {
  const tool = argv[0] === 'helm' ? helmCommands['helm'] : cilium[argv[0] ?? ''];
  if (!tool) throw new Error(argv[0]);
  const r = await runTool(lab, tool, hostOf(lab, 'k8s-ctr'), argv);
  expect(r.stderr).toBe('');
  return r.stdout;
}

async function inAgent(lab: Lab, node: string, argv: string[]): Promise<string> {
  const pod = lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=cilium' }).find((p) => p.spec.nodeName === node);
  const r = await runTool(lab, cilium[argv[0] ?? ''] ?? (async () => 127), hostOf(lab, `kube-system/${pod?.metadata.name ?? ''}`), argv);
  expect(r.stderr).toBe('');
  return r.stdout;
}

const UPGRADE = 'helm upgrade cilium cilium/cilium --namespace kube-system --version 1.18.0 --reuse-values --set routingMode=tunnel --set tunnelProtocol=vxlan --set autoDirectNodeRoutes=false --set installNoConntrackIptablesRules=false';

describe('the seed, native routing then VXLAN', async () => {
  const lab = week4();
  const before = await onCtr(lab, ['cilium', 'config', 'view']);
  const upgrade = await onCtr(lab, UPGRADE.split(' '));
  lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
  lab.runUntil(() => [...lab.agents.values()].every((a) => a.isReady && a.dp?.config.routingMode === 'tunnel'), 300_000_000);
  const after = await onCtr(lab, ['cilium', 'config', 'view']);

  test('cilium config view | grep ^ipam, ^routing, ^auto (before)', () => {
    expect(grep(before, /^ipam/).map(collapse)).toEqual(['ipam cluster-pool', 'ipam-cilium-node-update-rate 15s']);
    expect(grep(before, /^routing/).map(collapse)).toEqual(['routing-mode native']);
    expect(grep(before, /^auto/).map(collapse)).toEqual(['auto-direct-node-routes true']);
  });

  test('helm upgrade prints the release status and NOTES', () => {
    const lines = upgrade.split('\n');
    expect(lines.slice(0, 2)).toEqual(['Release "cilium" has been upgraded. Happy Helming!', 'NAME: cilium']);
    expect(lines[2]).toMatch(/^LAST DEPLOYED: (Mon|Tue|Wed|Thu|Fri|Sat|Sun) [A-Z][a-z]{2} [ \d]\d \d\d:\d\d:\d\d \d{4}$/);
    expect(lines.slice(3)).toEqual([
      'NAMESPACE: kube-system',
      'STATUS: deployed',
      'REVISION: 2',
      'TEST SUITE: None',
      'NOTES:',
      'You have successfully installed Cilium with Hubble Relay and Hubble UI.',
      '',
      'Your release version is 1.18.0.',
      '',
      'For any further help, visit https://docs.cilium.io/en/v1.18/gettinghelp',
      '',
    ]);
  });

  test('cilium config view | grep tunnel (after)', () => {
    expect(grep(after, /tunnel/).map(collapse)).toEqual(['routing-mode tunnel', 'tunnel-protocol vxlan', 'tunnel-source-port-range 0-0']);
    expect(grep(after, /tunnel/)[0]).toMatch(/^routing-mode {4,}tunnel$/);
  });

  test('cilium features status | grep datapath_network', async () => {
    const out = await onCtr(lab, ['cilium', 'features', 'status']);
    expect(grep(out, /datapath_network/).map(collapse)).toEqual(['Yes cilium_feature_datapath_network mode=overlay-vxlan 1 1 1']);
  });

  test('cilium status | grep ^Routing in the agent pod', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium', 'status']);
    expect(grep(out, /^Routing/)).toEqual(['Routing:                 Network: Tunnel [vxlan]   Host: BPF']);
  });

  test('cilium status --all-addresses | grep router', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium', 'status', '--all-addresses']);
    expect(grep(out, /router/).map((l) => l.trim())).toEqual(['172.20.0.172 (router)']);
    expect(grep(out, /^IPAM:/)[0]).toMatch(/^IPAM: +IPv4: \d+\/254 allocated from 172\.20\.0\.0\/24, $/);
  });

  test('the remote PodCIDRs towards their node IPs are in the ipcache (1.18 has no tunnel map: commit 65dd9dd6f0)', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'ipcache', 'list']);
    expect(grep(out, /\/24 /).map(collapse).sort()).toEqual([
      '172.20.1.0/24 identity=2 encryptkey=0 tunnelendpoint=192.168.20.100 flags=hastunnel',
      '172.20.2.0/24 identity=2 encryptkey=0 tunnelendpoint=192.168.10.101 flags=hastunnel',
    ]);
  });
});

describe('native mode', () => {
  test('no PodCIDR in the ipcache has a tunnel endpoint, and the Routing line says Native', async () => {
    const lab = week4();
    expect(grep(await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'bpf', 'ipcache', 'list']), /\/24 .*hastunnel/)).toEqual([]);
    const status = await inAgent(lab, 'k8s-w1', ['cilium', 'status']);
    expect(grep(status, /^Routing/)).toEqual(['Routing:                 Network: Native   Host: BPF']);
  });
});
