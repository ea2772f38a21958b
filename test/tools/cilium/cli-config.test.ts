// `cilium config set/delete` against cilium-cli v0.18.6's vendor/github.com/cilium/cilium/cilium-cli/
// config/config.go (Set, Delete, restartPodsUponConfigChange) and cli/config.go (ExactArgs, -r/--restart):
// the ConfigMap is what the agents read, so the seed's switch to VXLAN done this way gives ttl=63 across the
// router while helm's values stay as installed; bad input leaves cilium-config and the agent pods alone.

import { describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { lastRelease } from '../../../src/tools/helm/release-store.js';
import { ping, webpodOn, week4 } from '../../support/week4.js';
import { runOn } from './helpers.js';

const cilium = (lab: Lab, ...args: string[]) => runOn(lab, 'k8s-ctr', ['cilium', ...args]);
const configMap = (lab: Lab) => lab.k8s.api.get('ConfigMap', 'kube-system', 'cilium-config').data ?? {};
const agentPods = (lab: Lab) => lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=cilium' }).map((p) => p.metadata.name).sort();

describe('cilium config set: the seed switch to VXLAN without helm', async () => {
  const lab = week4();
  const values = lab.ciliumValues;
  const pods = agentPods(lab);
  const first = await cilium(lab, 'config', 'set', 'routing-mode', 'tunnel', '--restart=false');
  const second = await cilium(lab, 'config', 'set', 'tunnel-protocol', 'vxlan', '-r=false');
  // As the seed's helm upgrade does: the agent refuses tunnel mode with the no-conntrack iptables rules.
  await cilium(lab, 'config', 'set', 'install-no-conntrack-iptables-rules', 'false', '-r=false');
  const third = await cilium(lab, 'config', 'set', 'auto-direct-node-routes', 'false');
  lab.runUntil(() => [...lab.agents.values()].every((a) => a.isReady && a.dp?.config.routingMode === 'tunnel'), 300_000_000);
  lab.runFor(5_000_000);

  test('Set logs the patch; --restart=false prints the reminder, the default restart its line', () => {
    expect([first.exitCode, first.stdout, first.stderr]).toEqual([0, '✨ Patching ConfigMap cilium-config with routing-mode=tunnel...\n⚠️  Restart Cilium pods for configmap changes to take effect\n', '']);
    expect(second.stdout).toBe('✨ Patching ConfigMap cilium-config with tunnel-protocol=vxlan...\n⚠️  Restart Cilium pods for configmap changes to take effect\n');
    expect([third.exitCode, third.stdout, third.stderr]).toEqual([0, '✨ Patching ConfigMap cilium-config with auto-direct-node-routes=false...\n♻️  Restarted Cilium pods\n', '']);
  });

  test('the agent pods were replaced and read the ConfigMap: the cross-subnet ping answers with ttl=63', () => {
    expect(agentPods(lab).some((n) => pods.includes(n))).toBe(false);
    expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w0')).replies.map((x) => x.ttl)).toEqual([63]);
  });

  test('cilium config view shows the keys; helm get values is untouched (no new revision)', async () => {
    const view = (await cilium(lab, 'config', 'view')).stdout.split('\n');
    expect(view.filter((l) => /^(routing-mode|tunnel-protocol|auto-direct-node-routes) /.test(l)).map((l) => l.replace(/ +/g, ' '))).toEqual(['auto-direct-node-routes false', 'routing-mode tunnel', 'tunnel-protocol vxlan']);
    expect(lab.ciliumValues).toBe(values);
    expect(lastRelease(lab, 'kube-system', 'cilium')?.version).toBe(1);
  });
});

describe('cilium config delete', () => {
  test('removes the key and restarts the agents', async () => {
    const lab = week4();
    const pods = agentPods(lab);
    const r = await cilium(lab, 'config', 'delete', 'debug');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '✨ Removing key debug from ConfigMap cilium-config...\n♻️  Restarted Cilium pods\n', '']);
    expect('debug' in configMap(lab)).toBe(false);
    lab.runFor(1_000_000);
    expect(agentPods(lab)).not.toEqual(pods);
  });
});

describe('bad input: the error as cilium-cli prints it, exit 1, cilium-config and the agent pods unchanged', () => {
  test.each([
    [['config', 'delete', 'no-such-key'], '✨ Removing key no-such-key from ConfigMap cilium-config...\n', '\nError: Unable to delete config:  unable to patch ConfigMap cilium-config with patch "[{\\"op\\": \\"remove\\", \\"path\\": \\"/data/no-such-key\\"}]": the server rejected our request due to an error in our request\n'],
    [['config', 'set', 'routing-mode'], '', 'accepts 2 arg(s), received 1\n'],
    [['config', 'delete'], '', 'accepts 1 arg(s), received 0\n'],
    [['config', 'set', 'routing-mode', 'tunnel', '--bogus'], '', 'unknown flag: --bogus\n'],
    [['config', 'set', 'routing-mode', 'tunnel', '--restart=maybe'], '', 'invalid argument "maybe" for "-r, --restart" flag: strconv.ParseBool: parsing "maybe": invalid syntax\n'],
    [['config', 'set', 'routing-mode', 'tunnel', '-n', 'default'], '✨ Patching ConfigMap cilium-config with routing-mode=tunnel...\n', '\nError: Unable to set config:  unable to patch ConfigMap cilium-config with patch "{\\"data\\":{\\"routing-mode\\":\\"tunnel\\"}}": configmaps "cilium-config" not found\n'],
    [['connectivity', 'test'], '', 'ciliumlab: `cilium connectivity test` is not modelled (it deploys its own test workloads); check paths with ping, curl and `ciliumlab trace`\n'],
  ])('%j', async (args, stdout, stderr) => {
    const lab = week4();
    const cm = JSON.stringify(configMap(lab));
    const pods = agentPods(lab);
    const r = await cilium(lab, ...args);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, stdout, stderr]);
    lab.runFor(1_000_000);
    expect(JSON.stringify(configMap(lab))).toBe(cm);
    expect(agentPods(lab)).toEqual(pods);
  });
});
