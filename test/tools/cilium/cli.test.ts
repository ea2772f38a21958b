// The cilium-cli on k8s-ctr against cilium-cli v0.18.6: `cilium status` (the coloured logo, the rows
// as a 1.17.5 lab of the same family printed them, trailing padding of an empty cell), `--wait` across a
// rollout (redraws after 2 s with cursor-up sequences, then the final summary), `cilium version`, and
// `cilium features status` with 1.18.0's metric set, compared with the 4w notes' rows.

import { describe, expect, test } from 'vitest';
import { week4 } from '../../support/week4.js';
import { collapse, grep, onCtr, rows, runOn } from './helpers.js';

// eslint-disable-next-line no-control-regex
const plain = (s: string) => s.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '');

describe('cilium status', async () => {
  const lab = week4();
  const out = await onCtr(lab, ['cilium', 'status']);

  test('the logo, each component OK, ClusterMesh disabled; colours as the CLI writes them', () => {
    expect(rows(out).slice(0, 7)).toEqual([
      '\x1b[33m    /¯¯\\',
      '\x1b[36m /¯¯\x1b[33m\\__/\x1b[32m¯¯\\\x1b[0m    Cilium:             \x1b[32mOK\x1b[0m',
      '\x1b[36m \\__\x1b[31m/¯¯\\\x1b[32m__/\x1b[0m    Operator:           \x1b[32mOK\x1b[0m',
      '\x1b[32m /¯¯\x1b[31m\\__/\x1b[35m¯¯\\\x1b[0m    Envoy DaemonSet:    \x1b[32mOK\x1b[0m',
      '\x1b[32m \\__\x1b[34m/¯¯\\\x1b[35m__/\x1b[0m    Hubble Relay:       \x1b[32mOK\x1b[0m',
      '\x1b[34m\x1b[34m\x1b[34m    \\__/\x1b[0m       ClusterMesh:        \x1b[36mdisabled\x1b[0m',
      '',
    ]);
  });

  test('workloads, containers (an empty cell for the absent clustermesh-apiserver), pods, chart', () => {
    const all = lab.k8s.api.list('Pod', {}).filter((p) => !p.spec.hostNetwork && p.status?.phase === 'Running').length;
    expect(plain(out).split('\n').slice(7, 21)).toEqual([
      'DaemonSet              cilium                   Desired: 3, Ready: 3/3, Available: 3/3',
      'DaemonSet              cilium-envoy             Desired: 3, Ready: 3/3, Available: 3/3',
      'Deployment             cilium-operator          Desired: 1, Ready: 1/1, Available: 1/1',
      'Deployment             hubble-relay             Desired: 1, Ready: 1/1, Available: 1/1',
      'Deployment             hubble-ui                Desired: 1, Ready: 1/1, Available: 1/1',
      'Containers:            cilium                   Running: 3',
      '                       cilium-envoy             Running: 3',
      '                       cilium-operator          Running: 1',
      '                       clustermesh-apiserver    ',
      '                       hubble-relay             Running: 1',
      '                       hubble-ui                Running: 1',
      `Cluster Pods:          ${lab.k8s.api.list('CiliumEndpoint', {}).length}/${all} managed by Cilium`,
      'Helm chart version:    1.18.0',
      'Image versions         cilium             quay.io/cilium/cilium:v1.18.0@sha256:dfea023972d06ec183cfa3c9e7809716f85daaff042e573ef366e9ec6a0c0ab2: 3',
    ]);
  });

  test('one image row per image, hubble-ui’s two containers sorted', () => {
    expect(grep(plain(out), /^ {23}hubble-ui +quay/).map((l) => l.split(/ +/)[2])).toEqual([
      'quay.io/cilium/hubble-ui-backend:v0.13.2@sha256:a034b7e98e6ea796ed26df8f4e71f83fc16465a19d166eff67a03b822c0bfa15:',
      'quay.io/cilium/hubble-ui:v0.13.2@sha256:9e37c1296b802830834cc87342a9182ccbb71ffebb711971e849221bd9d59392:',
    ]);
  });

  test('no Errors or Warnings when all is ready', () => {
    expect(grep(out, /^(Errors|Warnings):/)).toEqual([]);
  });
});

describe('cilium status --wait across a rollout of ds/cilium', async () => {
  const lab = week4();
  lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
  lab.runFor(1_000_000);
  const r = await runOn(lab, 'k8s-ctr', ['cilium', 'status', '--wait']);

  test('redraws every 2 s over the previous summary until ready, then prints the final one', () => {
    expect(r.exitCode).toBe(0);
    const frames = r.stdout.split(/(?:\x1b\[A\x1b\[2K)+/);
    expect(frames.length).toBeGreaterThan(2);
    expect(plain(frames[0] ?? '')).toMatch(/Cilium: +\d+ errors/);
    expect(grep(plain(frames[0] ?? ''), /^Errors: +cilium +cilium +/)[0]).toMatch(/pods of DaemonSet cilium are not ready|daemonset cilium is rolling out/);
    const last = frames[frames.length - 1] ?? '';
    expect(grep(last, /Cilium:/)[0]).toMatch(/Cilium: +\x1b\[32mOK\x1b\[0m$/);
    expect(grep(last, /^(Errors|Warnings):/)).toEqual([]);
  });

  test('each redraw moves up one line more than the previous frame had', () => {
    const ups = [...r.stdout.matchAll(/(?:\x1b\[A\x1b\[2K)+/g)].map((m) => m[0].length / 7);
    const frames = r.stdout.split(/(?:\x1b\[A\x1b\[2K)+/);
    ups.forEach((n, i) => expect(n).toBe((frames[i] ?? '').split('\n').reduce((k, l) => k + Math.ceil([...l].length / 80), 1)));
  });
});

describe('cilium status flags (cli/status.go)', () => {
  test('--wait-duration bounds the wait; --interactive=false prints only the final summary', async () => {
    const lab = week4();
    lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
    lab.runFor(1_000_000);
    const short = await runOn(lab, 'k8s-ctr', ['cilium', 'status', '--wait', '--wait-duration', '3s', '--interactive=false']);
    expect(short.exitCode).toBe(1);
    expect(short.stdout).toBe('');
    expect(short.stderr).toMatch(/\nError: Unable to determine status:  timeout while waiting for status to become successful: context deadline exceeded\n$/);
    const long = await runOn(lab, 'k8s-ctr', ['cilium', 'status', '--wait', '--wait-duration=5m', '--interactive=false', '-n', 'kube-system']);
    expect(long.exitCode).toBe(0);
    expect(long.stdout).not.toContain('\x1b[A');
    expect(grep(long.stdout, /Cilium:/)[0]).toMatch(/OK/);
  });

  test.each([
    [['--wait-duration', 'soon'], 'invalid argument "soon" for "--wait-duration" flag: time: invalid duration "soon"\n', 1],
    [['--worker-count', 'x'], 'invalid argument "x" for "--worker-count" flag: strconv.ParseInt: parsing "x": invalid syntax\n', 1],
    [['--verbose'], 'unknown flag: --verbose\n', 1],
    [['-o', 'json'], 'ciliumlab: cilium status -o json is not modelled (the summary is)\n', 2],
  ])('%j', async (args, stderr, code) => {
    const r = await runOn(week4(), 'k8s-ctr', ['cilium', 'status', ...args]);
    expect([r.exitCode, r.stderr]).toEqual([code, stderr]);
  });
});

describe('cilium version', () => {
  test.each([
    [['cilium', 'version'], 'cilium-cli: v0.18.6 compiled with go1.24.5 on linux/amd64\ncilium image (default): v1.18.0\ncilium image (stable): unknown\ncilium image (running): 1.18.0\n'],
    [['cilium', 'version', '--client'], 'cilium-cli: v0.18.6 compiled with go1.24.5 on linux/amd64\ncilium image (default): v1.18.0\ncilium image (stable): unknown\n'],
  ])('%j', async (argv, want) => {
    expect(await onCtr(week4(), argv)).toBe(want);
  });
});

describe('cilium features status', async () => {
  const lab = week4();
  const out = await onCtr(lab, ['cilium', 'features', 'status']);
  const [operators = '', agents = ''] = out.split('\nCilium Agents\n');

  test('the operator table: five gauges, LB IPAM on, one column for the operator’s node', () => {
    expect(rows(operators).map(collapse)).toEqual([
      'Cilium Operators',
      'Uniform Name Labels k8s-ctr',
      'Yes cilium_operator_feature_adv_connect_and_lb_gateway_api_enabled 0',
      'Yes cilium_operator_feature_adv_connect_and_lb_ingress_controller_enabled 0',
      'Yes cilium_operator_feature_adv_connect_and_lb_l7_aware_traffic_management_enabled 0',
      'Yes cilium_operator_feature_adv_connect_and_lb_lb_ipam_enabled 1',
      'Yes cilium_operator_feature_adv_connect_and_lb_node_ipam_enabled 0',
    ]);
  });

  test('the agent table’s datapath rows with the widths the 4w notes show (name 72, labels 50 columns)', () => {
    expect(grep(agents, /datapath/).map((l) => l.trimEnd())).toEqual([
      'Yes      cilium_feature_datapath_chaining_enabled                                mode=none                                         1        1       1',
      'Yes      cilium_feature_datapath_config                                          mode=veth                                         1        1       1',
      'Yes      cilium_feature_datapath_internet_protocol                               address_family=ipv4-only                          1        1       1',
      'Yes      cilium_feature_datapath_network                                         mode=direct-routing                               1        1       1',
    ]);
  });

  test('1.18.0’s agent metric set, sorted by name and labels', () => {
    expect(rows(agents).slice(1).map((l) => l.split(/ +/)[1])).toEqual([
      'cilium_feature_adv_connect_and_lb_bandwidth_manager_enabled',
      'cilium_feature_adv_connect_and_lb_bgp_enabled',
      'cilium_feature_adv_connect_and_lb_cilium_envoy_config_enabled',
      'cilium_feature_adv_connect_and_lb_cilium_node_config_enabled',
      'cilium_feature_adv_connect_and_lb_egress_gateway_enabled',
      'cilium_feature_adv_connect_and_lb_envoy_proxy_enabled',
      'cilium_feature_adv_connect_and_lb_k8s_internal_traffic_policy_enabled',
      'cilium_feature_adv_connect_and_lb_kube_proxy_replacement_enabled',
      'cilium_feature_adv_connect_and_lb_l2_lb_enabled',
      'cilium_feature_adv_connect_and_lb_l2_pod_announcement_enabled',
      'cilium_feature_adv_connect_and_lb_node_port_configuration',
      'cilium_feature_adv_connect_and_lb_sctp_enabled',
      'cilium_feature_adv_connect_and_lb_vtep_enabled',
      'cilium_feature_controlplane_cilium_endpoint_slices_enabled',
      'cilium_feature_controlplane_identity_allocation',
      'cilium_feature_controlplane_ipam',
      'cilium_feature_datapath_chaining_enabled',
      'cilium_feature_datapath_config',
      'cilium_feature_datapath_internet_protocol',
      'cilium_feature_datapath_network',
      'cilium_feature_network_policies_host_firewall_enabled',
      'cilium_feature_network_policies_internal_traffic_policy_services_total',
      'cilium_feature_network_policies_local_redirect_policy_enabled',
      'cilium_feature_network_policies_mutual_auth_enabled',
      'cilium_feature_network_policies_non_defaultdeny_policies_enabled',
    ]);
    expect(grep(agents, /node_port_configuration|envoy_proxy|internal_traffic_policy_services/).map(collapse)).toEqual([
      'Yes cilium_feature_adv_connect_and_lb_envoy_proxy_enabled mode=standalone 1 1 1',
      'Yes cilium_feature_adv_connect_and_lb_node_port_configuration acceleration=disabled;algorithm=random;mode=snat 1 1 1',
      'Yes cilium_feature_network_policies_internal_traffic_policy_services_total action=add 1 1 1',
    ]);
  });
});
