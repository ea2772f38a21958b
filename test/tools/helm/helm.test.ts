// helm's --set parser against cases from helm.sh/helm/v3 pkg/strvals/parser_test.go (v3.18.4), the
// bad-input table for `helm upgrade` (Helm's error text, exit 1, lab state unchanged), get values after
// the seed's upgrade, the lab's other release (metrics-server), and the chart's cilium-config for the
// seed's values.

import { describe, expect, test } from 'vitest';
import { renderCiliumConfigMap } from '../../../src/cilium/chart/index.js';
import { commands } from '../../../src/tools/helm/index.js';
import { parseInto } from '../../../src/tools/helm/strvals.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const helm = commands['helm'] ?? (async () => 127);

describe('strvals (parser_test.go TestParseSet)', () => {
  test.each([
    ['name1=value1', { name1: 'value1' }],
    ['long_int_string=1234567890', { long_int_string: 1234567890 }],
    ['boolean=true', { boolean: true }],
    ['is_null=null', { is_null: null }],
    ['zero=0', { zero: 0 }],
    ['leading_zeros=00009', { leading_zeros: '00009' }],
    ['name1=one\\,two,name2=three\\,four', { name1: 'one,two', name2: 'three,four' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['outer.middle.inner=value', { outer: { middle: { inner: 'value' } } }],
    ['name1.name2=', { name1: { name2: '' } }],
    ['name1={value1,value2}', { name1: ['value1', 'value2'] }],
    ['list[0]=foo', { list: ['foo'] }],
    ['list[0].foo=bar', { list: [{ foo: 'bar' }] }],
    ['hubble.metrics.enabled={dns,httpV2:labelsContext=source_ip\\,destination_ip}', { hubble: { metrics: { enabled: ['dns', 'httpV2:labelsContext=source_ip,destination_ip'] } } }],
  ])('%s', (input, want) => {
    const got = {};
    parseInto(input, got);
    expect(got).toEqual(want);
  });

  test('--set-string keeps strings', () => {
    const got = {};
    parseInto('autoDirectNodeRoutes=false,port=6443', got, { asString: true });
    expect(got).toEqual({ autoDirectNodeRoutes: 'false', port: '6443' });
  });
});

describe('helm upgrade bad input', () => {
  const base = ['helm', 'upgrade', 'cilium', 'cilium/cilium', '-n', 'kube-system', '--reuse-values'];
  test.each([
    [[...base, '--set', 'name1'], 'Error: failed parsing --set data: key "name1" has no value\n'],
    [[...base, '--set', 'a.b'], 'Error: failed parsing --set data: key "b" has no value\n'],
    [[...base, '--set', 'name1,name2='], 'Error: failed parsing --set data: key "name1" has no value (cannot end with ,)\n'],
    [[...base, '--set', 'name1={1,2'], "Error: failed parsing --set data: list must terminate with '}'\n"],
    [[...base, '--set', 'list[a]=x'], 'Error: failed parsing --set data: error parsing index: strconv.Atoi: parsing "a": invalid syntax\n'],
    [[...base, '--set', 'MTU=big'], "Error: UPGRADE FAILED: values don't meet the specifications of the schema(s) in the following chart(s):\ncilium:\n- MTU: Invalid type. Expected: integer, given: string\n\n"],
    [[...base, '--set', 'autoDirectNodeRoutes=1'], "Error: UPGRADE FAILED: values don't meet the specifications of the schema(s) in the following chart(s):\ncilium:\n- autoDirectNodeRoutes: Invalid type. Expected: [boolean,string], given: integer\n\n"],
    [[...base, '--set', 'kubeProxyReplacement=partial'], 'Error: UPGRADE FAILED: execution error at (cilium/templates/cilium-configmap.yaml:82:5): kubeProxyReplacement must be explicitly set to a valid value (true or false) to continue.\n'],
    [[...base, '--set', 'ipv4NativeRoutingCIDR=,enableIPv4Masquerade=true'], 'Error: UPGRADE FAILED: execution error at (cilium/templates/cilium-configmap.yaml:536:12):  ipv4NativeRoutingCIDR must be set when routingMode is native\n'],
    [['helm', 'upgrade', 'foo', 'cilium/cilium'], 'Error: UPGRADE FAILED: "foo" has no deployed releases\n'],
    [['helm', 'upgrade', 'cilium', 'nope/cilium', '-n', 'kube-system'], 'Error: repo nope not found\n'],
    [['helm', 'upgrade', 'cilium'], 'Error: "helm upgrade" requires 2 arguments\n\nUsage:  helm upgrade [RELEASE] [CHART] [flags]\n'],
    [['helm', 'upgrade', 'cilium', 'cilium/cilium', '--bogus'], 'Error: unknown flag: --bogus\n'],
    // chartutil.ValidateReleaseName before any lookup: action.go releaseContent (status, get values), history.go.
    [['helm', 'status', 'Cilium', '-n', 'kube-system'], 'Error: releaseContent: Release name is invalid: Cilium\n'],
    [['helm', 'get', 'values', 'a=b', '-n', 'kube-system'], 'Error: releaseContent: Release name is invalid: a=b\n'],
    [['helm', 'history', '-', '-n', 'kube-system'], 'Error: release name is invalid: -\n'],
  ])('%j', async (argv, want) => {
    const lab = week4();
    const values = JSON.stringify(lab.ciliumValues);
    const cm = JSON.stringify(lab.k8s.api.get('ConfigMap', 'kube-system', 'cilium-config').data);
    const r = await runTool(lab, helm, hostOf(lab, 'k8s-ctr'), argv);
    expect(r.stderr).toBe(want);
    expect(r.exitCode).toBe(1);
    expect(JSON.stringify(lab.ciliumValues)).toBe(values);
    expect(JSON.stringify(lab.k8s.api.get('ConfigMap', 'kube-system', 'cilium-config').data)).toBe(cm);
  });
});

describe('helm after the seed upgrade', async () => {
  const lab = week4();
  const h = hostOf(lab, 'k8s-ctr');
  await runTool(lab, helm, h, ['helm', 'upgrade', 'cilium', 'cilium/cilium', '-n', 'kube-system', '--reuse-values', '--set', 'routingMode=tunnel', '--set', 'autoDirectNodeRoutes=false']);

  test('get values keeps the install values and adds the new ones, keys sorted as go-yaml prints them', async () => {
    const r = await runTool(lab, helm, h, ['helm', 'get', 'values', 'cilium', '-n', 'kube-system']);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toBe('USER-SUPPLIED VALUES:');
    expect(lines).toContain('autoDirectNodeRoutes: false');
    expect(lines).toContain('routingMode: tunnel');
    expect(lines).toContain('k8sServiceHost: 192.168.10.100');
    expect(lines.filter((l) => /^[a-zA-Z]/.test(l)).map((l) => l.split(':')[0])).toEqual(lines.filter((l) => /^[a-zA-Z]/.test(l)).map((l) => l.split(':')[0]).sort());
  });

  test('the release has two revisions stored as Secrets, the first superseded', () => {
    const secrets = lab.k8s.api.list('Secret', { namespace: 'kube-system', labelSelector: 'owner=helm,name=cilium' });
    expect(secrets.map((s) => `${s.metadata.name} ${s.metadata.labels?.['status']}`).sort()).toEqual(['sh.helm.release.v1.cilium.v1 superseded', 'sh.helm.release.v1.cilium.v2 deployed']);
  });

  test('the provisioning script\'s metrics-server install (lab-spec: --set args[0]=--kubelet-insecure-tls) is a release too', async () => {
    const values = await runTool(lab, helm, h, ['helm', 'get', 'values', 'metrics-server', '-n', 'kube-system']);
    expect(values.stdout).toBe('USER-SUPPLIED VALUES:\nargs:\n- --kubelet-insecure-tls\n');
    const list = await runTool(lab, helm, h, ['helm', 'list', '-A']);
    expect(list.stdout.split('\n').map((l) => l.split(/\s+/).slice(0, 3).join(' '))).toEqual(['NAME NAMESPACE REVISION', 'cilium kube-system 2', 'metrics-server kube-system 1', '']);
  });

  test('agents keep their running config until restarted', () => {
    expect([...lab.agents.values()].every((a) => a.config?.routingMode === 'native')).toBe(true);
  });
});

describe('cilium chart: cilium-config for the seed values', () => {
  const data = renderCiliumConfigMap(week4().spec.cilium.values, { kubeVersion: 'v1.33.2' });
  test('keys the seed greps for, and no tunnel-port key', () => {
    expect(data['ipam']).toBe('cluster-pool');
    expect(data['ipam-cilium-node-update-rate']).toBe('15s');
    expect(data['auto-direct-node-routes']).toBe('true');
    expect(Object.keys(data).filter((k) => k.includes('tunnel')).sort()).toEqual(['tunnel-protocol', 'tunnel-source-port-range']);
    expect(data['hubble-metrics']?.split(' ')).toHaveLength(7);
    expect(data['cluster-pool-ipv4-cidr']).toBe('172.20.0.0/16');
  });
  // Values every 1.18 default install renders (kubespray tests/files/custom_cni/cilium.yaml, a `helm template` of the chart).
  test.each([
    ['debug-verbose', ''],
    ['policy-cidr-match-mode', ''],
    ['enable-policy-secrets-sync', 'true'],
    ['bpf-map-dynamic-size-ratio', '0.0025'],
    ['enable-bpf-clock-probe', 'false'],
    ['nodeport-addresses', ''],
    ['vtep-cidr', ''],
    ['operator-api-serve-addr', '127.0.0.1:9234'],
    ['unmanaged-pod-watcher-interval', '15'],
    ['external-envoy-proxy', 'true'],
  ])('%s: "%s"', (key, want) => expect(data[key]).toBe(want));
});
