// cilium-cli v0.18.6's Helm-mode commands on k8s-ctr against the texts in its source
// (vendor/github.com/cilium/cilium/cilium-cli/: install/autodetect.go, install/upgrade.go, cli/install.go,
// cli/utils.go fatalf, hubble/hubble.go, config/config.go, cmd/cilium/main.go) and what they do to the lab:
// upgrade = helm's upgrade action (revision, values, cilium-config), relay/UI Deployments coming and going.

import { describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { lastRelease } from '../../../src/tools/helm/release-store.js';
import { goYaml } from '../../../src/tools/helm/go-yaml.js';
import { week4 } from '../../support/week4.js';
import { runOn } from './helpers.js';

const cilium = (lab: Lab, ...args: string[]) => runOn(lab, 'k8s-ctr', ['cilium', ...args]);
const revision = (lab: Lab) => lastRelease(lab, 'kube-system', 'cilium')?.version;
const configMap = (lab: Lab) => lab.k8s.api.get('ConfigMap', 'kube-system', 'cilium-config').data ?? {};
const deployments = (lab: Lab) => lab.k8s.api.list('Deployment', { namespace: 'kube-system' }).map((d) => d.metadata.name).filter((n) => n?.startsWith('hubble'));

// install/autodetect.go: no kind for a kubeadm cluster "kubernetes", its name, kubeadm's kube-proxy DaemonSet.
const AUTODETECT = ['ℹ️  Using Cilium version 1.18.0', '🔮 Auto-detected cluster name: kubernetes', '🔮 Auto-detected kube-proxy has been installed', ''].join('\n');

describe('cilium upgrade', () => {
  test('prints the autodetection only, stores revision 2 with the same values (reset-then-reuse by default)', async () => {
    const lab = week4();
    const before = lastRelease(lab, 'kube-system', 'cilium')?.config;
    const r = await cilium(lab, 'upgrade');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, AUTODETECT, '']);
    expect(revision(lab)).toBe(2);
    expect(lastRelease(lab, 'kube-system', 'cilium')?.config).toEqual(before);
  });

  test('--set routingMode=tunnel ... rewrites cilium-config like helm upgrade --reuse-values', async () => {
    const lab = week4();
    const r = await cilium(lab, 'upgrade', '--set', 'routingMode=tunnel', '--helm-set', 'tunnelProtocol=vxlan', '--set', 'autoDirectNodeRoutes=false');
    expect(r.exitCode).toBe(0);
    expect([configMap(lab)['routing-mode'], configMap(lab)['tunnel-protocol'], configMap(lab)['auto-direct-node-routes']]).toEqual(['tunnel', 'vxlan', 'false']);
    expect(lab.ciliumValues['routingMode']).toBe('tunnel');
    expect(lab.ciliumValues['k8sServiceHost']).toBe('192.168.10.100');
  });

  test('--dry-run-helm-values prints the merged values (sigs.k8s.io/yaml + Println), no log lines, stores nothing', async () => {
    const lab = week4();
    const r = await cilium(lab, 'upgrade', '--dry-run-helm-values', '--set', 'cluster.name=lab');
    expect(r.exitCode).toBe(0);
    const config = { ...lastRelease(lab, 'kube-system', 'cilium')?.config, cluster: { name: 'lab' } };
    expect(r.stdout).toBe(`${goYaml(config)}\n`);
    expect(revision(lab)).toBe(1);
  });

  test('without a kube-proxy DaemonSet it says so and sets kubeProxyReplacement and k8sService* from the kubeconfig', async () => {
    const lab = week4();
    lab.k8s.api.delete('DaemonSet', 'kube-system', 'kube-proxy');
    const r = await cilium(lab, 'upgrade', '--reset-values', '--dry-run-helm-values');
    expect(r.stdout).toBe('k8sServiceHost: 192.168.10.100\nk8sServicePort: 6443\nkubeProxyReplacement: true\n\n');
    const shown = await cilium(lab, 'upgrade');
    expect(shown.stdout.split('\n').slice(2)).toEqual(['🔮 Auto-detected kube-proxy has not been installed', 'ℹ️  Cilium will fully replace all functionalities of kube-proxy', '']);
  });

  test('--set cluster.name=... is logged as the cluster name in use (autodetect.go)', async () => {
    const r = await cilium(week4(), 'upgrade', '--set', 'cluster.name=lab');
    expect(r.stdout.split('\n')[1]).toBe('ℹ️  Using cluster name "lab"');
  });

  test.each([
    [['upgrade', '--bogus'], 'unknown flag: --bogus\n'],
    [['upgrade', '--set', 'name1'], '\nError: Unable to upgrade Cilium: failed parsing --set data: key "name1" has no value\n'],
    [['upgrade', '--set', 'MTU=big'], "\nError: Unable to upgrade Cilium: values don't meet the specifications of the schema(s) in the following chart(s):\ncilium:\n- MTU: Invalid type. Expected: integer, given: string\n\n"],
    [['upgrade', '--version', 'abc'], 'Invalid character(s) found in major number "abc"\n'],
    [['upgrade', '--wait-duration', 'soon'], 'invalid argument "soon" for "--wait-duration" flag: time: invalid duration "soon"\n'],
    [['upgrade', '--version', '1.17.5'], 'ciliumlab: only the cilium 1.18.0 chart is modelled, not 1.17.5\n'],
    [['hubble', 'enable', '--bogus'], 'unknown flag: --bogus\n'],
  ])('bad input %j: the error, exit 1, no new revision', async (args, want) => {
    const lab = week4();
    const cm = JSON.stringify(configMap(lab));
    const r = await cilium(lab, ...args);
    expect([r.exitCode, r.stderr]).toEqual([1, want]);
    expect(revision(lab)).toBe(1);
    expect(JSON.stringify(configMap(lab))).toBe(cm);
  });
});

describe('cilium install with Cilium installed', () => {
  test('autodetects, then Helm refuses the name (cli/install.go fatalf "Unable to install Cilium: %s")', async () => {
    const lab = week4();
    const r = await cilium(lab, 'install', '--version', '1.18.0');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, AUTODETECT, '\nError: Unable to install Cilium: cannot re-use a name that is still in use\n']);
    expect(revision(lab)).toBe(1);
  });
});

describe('cilium hubble disable / enable', () => {
  const ready = (lab: Lab, app: string) => lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: `k8s-app=${app}` }).some((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
  const noPods = (lab: Lab, app: string) => lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: `k8s-app=${app}` }).length === 0;

  test('disable: silent, relay and UI off in the values, their Deployments and pods gone; hubble itself stays', async () => {
    const lab = week4();
    const r = await cilium(lab, 'hubble', 'disable');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(lastRelease(lab, 'kube-system', 'cilium')?.config['hubble']).toMatchObject({ enabled: true, relay: { enabled: false }, ui: { enabled: false } });
    expect(deployments(lab)).toEqual([]);
    expect(lab.runUntil(() => noPods(lab, 'hubble-relay') && noPods(lab, 'hubble-ui'), 120_000_000)).toBe(true);
    expect(configMap(lab)['enable-hubble']).toBe('true');
  });

  test('enable --ui brings both back and ready; enable without --ui turns the UI off (--ui defaults to false)', async () => {
    const lab = week4();
    await cilium(lab, 'hubble', 'disable');
    const r = await cilium(lab, 'hubble', 'enable', '--ui');
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([0, '', '']);
    expect(deployments(lab)).toEqual(['hubble-relay', 'hubble-ui']);
    expect(lab.runUntil(() => ready(lab, 'hubble-relay') && ready(lab, 'hubble-ui'), 300_000_000)).toBe(true);
    await cilium(lab, 'hubble', 'enable');
    expect(deployments(lab)).toEqual(['hubble-relay']);
    expect(revision(lab)).toBe(4);
  });
});
