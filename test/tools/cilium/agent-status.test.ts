// `cilium status` in the agent pod against 1.18.0's FormatStatusResponse: the lines in 1.18.0's order
// (as a published 1.18.0 `cilium-dbg status --verbose` lists them), the column widths its tabwriter
// gives, KPR's device list with the extra spaces of make([]string, len(addrs)), BPF masquerading's two
// spaces before the protocols, the brief form and the error while no agent runs.

import { describe, expect, test } from 'vitest';
import { formatIpv4 } from '../../../src/addr/index.js';
import { week4 } from '../../support/week4.js';
import { agentPod, grep, inAgent, rows, runOn } from './helpers.js';

const lab = week4();
const router = (node: string) => formatIpv4(lab.agents.get(node)?.routerIp ?? (0 as never));

describe('cilium status (k8s-ctr, native routing)', async () => {
  const out = await inAgent(lab, 'k8s-ctr', ['cilium', 'status']);
  const lines = rows(out);

  test('the labels in 1.18.0 order, the first block padded to its longest label', () => {
    expect(lines.map((l) => l.slice(0, l.indexOf(':') + 1))).toEqual([
      'KVStore:',
      'Kubernetes:',
      'Kubernetes APIs:',
      'KubeProxyReplacement:',
      'Host firewall:',
      'SRv6:',
      'CNI Chaining:',
      'CNI Config file:',
      'Cilium:',
      'NodeMonitor:',
      'IPAM:',
      'IPv4 BIG TCP:',
      'IPv6 BIG TCP:',
      'BandwidthManager:',
      'Routing:',
      'Attach Mode:',
      'Device Mode:',
      'Masquerading:',
      'Controller Status:',
      'Proxy Status:',
      'Global Identity Range:',
      'Hubble:',
      'Encryption:',
      'Cluster health:',
    ]);
  });

  test.each([
    ['KVStore', 'KVStore:                 Disabled   '],
    ['Kubernetes', 'Kubernetes:              Ok         1.33 (v1.33.2) [linux/amd64]'],
    ['Host firewall', 'Host firewall:           Disabled'],
    ['SRv6', 'SRv6:                    Disabled'],
    ['CNI Chaining', 'CNI Chaining:            none'],
    ['CNI Config file', 'CNI Config file:         successfully wrote CNI configuration file to /host/etc/cni/net.d/05-cilium.conflist'],
    ['Cilium', 'Cilium:                  Ok   1.18.0 (v1.18.0-274205f0)'],
    ['NodeMonitor', 'NodeMonitor:             Listening for events on 2 CPUs with 64x4096 of shared memory'],
    ['Routing', 'Routing:                 Network: Native   Host: BPF'],
    ['Attach Mode', 'Attach Mode:             TCX'],
    ['Device Mode', 'Device Mode:             veth'],
    ['Masquerading', 'Masquerading:            BPF   [eth0, eth1]   172.20.0.0/16  [IPv4: Enabled, IPv6: Disabled]'],
    ['Global Identity Range', 'Global Identity Range:   min 256, max 65535'],
    ['Encryption', 'Encryption:              Disabled   '],
    ['Cluster health', 'Cluster health:                     Probe disabled'],
  ])('%s', (label, want) => expect(grep(out, new RegExp(`^${label}:`))).toEqual([want]));

  test('Kubernetes APIs as 1.18.0 waits for them, sorted', () => {
    expect(grep(out, /^Kubernetes APIs:/)).toEqual([
      'Kubernetes APIs:         ["EndpointSliceOrEndpoint", "cilium/v2::CiliumCIDRGroup", "cilium/v2::CiliumClusterwideNetworkPolicy", "cilium/v2::CiliumEndpoint", "cilium/v2::CiliumNetworkPolicy", "cilium/v2::CiliumNode", "core/v1::Pods", "networking.k8s.io/v1::NetworkPolicy"]',
    ]);
  });

  test('KubeProxyReplacement: one extra space per address after each device name, eth1 the direct-routing device', () => {
    const [line = ''] = grep(out, /^KubeProxyReplacement:/);
    expect(line).toMatch(/^KubeProxyReplacement:    True   \[eth0    10\.0\.2\.15 fd17:625c:f037:2:[0-9a-f:]+ fe80::[0-9a-f:]+, eth1   192\.168\.10\.100 fe80::[0-9a-f:]+ \(Direct Routing\)\]$/);
  });

  test('no cilium-health (healthChecking=false): no health-daemon line, the probe disabled', () => {
    expect(grep(out, /health daemon/)).toEqual([]);
  });

  test('Proxy Status names the router IP and the Envoy DaemonSet', () => {
    expect(grep(out, /^Proxy Status:/)).toEqual([`Proxy Status:            OK, ip ${router('k8s-ctr')}, 0 redirects active on ports 10000-20000, Envoy: external`]);
  });

  test('Controller Status counts every controller as healthy', () => {
    expect(grep(out, /^Controller Status:/)[0]).toMatch(/^Controller Status:       (\d+)\/\1 healthy$/);
  });

  test('Hubble: the observer ring, flows per second since the agent started, metrics served', () => {
    expect(grep(out, /^Hubble:/)[0]).toMatch(/^Hubble:                  Ok         Current\/Max Flows: \d+\/4095 \(\d+\.\d\d%\), Flows\/s: \d+\.\d\d   Metrics: Ok$/);
  });
});

describe('cilium status --verbose', async () => {
  const out = await inAgent(lab, 'k8s-w1', ['cilium', 'status', '--verbose']);

  test('adds the addresses, the clock source, the controller table, KPR details and BPF map sizes', () => {
    const labels = rows(out)
      .filter((l) => /^\S/.test(l))
      .map((l) => l.slice(0, l.indexOf(':') + 1));
    expect(labels).toEqual([
      'KVStore:', 'Kubernetes:', 'Kubernetes APIs:', 'KubeProxyReplacement:', 'Host firewall:', 'SRv6:', 'CNI Chaining:', 'CNI Config file:', 'Cilium:', 'NodeMonitor:', 'IPAM:', 'Allocated addresses:',
      'IPv4 BIG TCP:', 'IPv6 BIG TCP:', 'BandwidthManager:', 'Routing:', 'Attach Mode:', 'Device Mode:', 'Masquerading:', 'Clock Source for BPF:', 'Controller Status:',
      'Proxy Status:', 'Global Identity Range:', 'Hubble:', 'KubeProxyReplacement Details:', 'BPF Maps:', 'Encryption:', 'Cluster health:',
    ]);
  });

  test('blocks broken by untabbed lines align apart, as in 1.18.0 (24, then 25 columns)', () => {
    expect(grep(out, /^(KVStore|IPv4 BIG TCP|Proxy Status|BPF Maps):/)).toEqual([
      'KVStore:                Disabled   ',
      'IPv4 BIG TCP:           Disabled',
      `Proxy Status:            OK, ip ${router('k8s-w1')}, 0 redirects active on ports 10000-20000, Envoy: external`,
      'BPF Maps:   dynamic sizing: on (ratio: 0.002500)',
    ]);
  });

  test('the controller table: header, sorted names, never-run recovery controllers', () => {
    const table = rows(out).filter((l) => l.startsWith('  ') && /(ago|never) +never +0 +no error/.test(l));
    const head = rows(out).find((l) => l.startsWith('  Name'));
    expect(head).toMatch(/^  Name +Last success +Last error +Count +Message$/);
    expect(table.map((l) => l.trim().split(/ {2,}/)[0])).toEqual(table.map((l) => l.trim().split(/ {2,}/)[0]).sort());
    expect(table.some((l) => /endpoint-\d+-regeneration-recovery +never +never/.test(l))).toBe(true);
    expect(grep(out, /^Controller Status:/)[0]).toBe(`Controller Status:      ${table.length}/${table.length} healthy`);
  });

  test('KubeProxyReplacement Details as 1.18.0 prints them', () => {
    const start = rows(out).indexOf('KubeProxyReplacement Details:');
    const block = rows(out).slice(start, start + 23);
    expect(block.filter((l) => !l.startsWith('  Devices:'))).toEqual([
      'KubeProxyReplacement Details:',
      '  Status:               True',
      '  Socket LB:            Enabled',
      '  Socket LB Tracing:    Enabled',
      '  Socket LB Coverage:   Full',
      '  Mode:                 SNAT',
      '  Backend Selection:    Random',
      '  Session Affinity:     Enabled',
      '  NAT46/64 Support:     Disabled',
      '  XDP Acceleration:     Disabled',
      '  Services:',
      '  - ClusterIP:      Enabled',
      '  - NodePort:       Enabled (Range: 30000-32767) ',
      '  - LoadBalancer:   Enabled ',
      '  - externalIPs:    Enabled ',
      '  - HostPort:       Enabled',
      '  Annotations:',
      '  - service.cilium.io/node',
      '  - service.cilium.io/node-selector',
      '  - service.cilium.io/proxy-delegation',
      '  - service.cilium.io/src-ranges-policy',
      '  - service.cilium.io/type',
    ]);
  });

  test('BPF map sizes: a small VM gets the dynamic-sizing minimums', () => {
    expect(grep(out, /^ {2}(TCP connection tracking|Non-TCP connection tracking|NAT|Neighbor table|Sock reverse NAT|IP cache) /)).toEqual([
      '  Non-TCP connection tracking   65536',
      '  TCP connection tracking       131072',
      '  IP cache                      512000',
      '  NAT                           131072',
      '  Neighbor table                131072',
      '  Sock reverse NAT              65536',
    ]);
  });
});

describe('other forms', () => {
  test('--brief prints OK', async () => {
    expect(await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'status', '--brief'])).toBe('OK\n');
  });

  test('an unknown flag is cobra’s error', async () => {
    const r = await runOn(lab, agentPod(lab, 'k8s-w0'), ['cilium-dbg', 'status', '--bogus']);
    expect([r.exitCode, r.stderr]).toEqual([1, 'Error: unknown flag: --bogus\n']);
  });

  test('while no agent runs, status prints the client hint and exits 1', async () => {
    const l = week4();
    const pod = agentPod(l, 'k8s-w0');
    l.agents.get('k8s-w0')?.stop();
    const r = await runOn(l, pod, ['cilium', 'status']);
    expect([r.exitCode, r.stdout, r.stderr]).toEqual([1, '', 'Get "http://localhost/v1/healthz": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\nIs the agent running?\n']);
    const v = await runOn(l, pod, ['cilium', 'version']);
    expect(v.stdout).toBe('Client: 1.18.0 274205f0 2025-07-28T15:22:50+02:00 go version go1.24.5 linux/amd64\nDaemon: Not responding\n');
  });
});

describe('commands the lab does not implement', () => {
  // cobra's legacyArgs lets a subcommand take any argument: a group without a Run answers with its help.
  test.each([
    [['cilium-dbg', 'bpf', 'frob', 'list'], 'Direct access to local BPF maps\n\nUsage:\n  cilium-dbg bpf [command]\n'],
    [['cilium-dbg', 'bpf', 'ct', 'show'], 'Connection tracking tables\n\nUsage:\n  cilium-dbg bpf ct [command]\n'],
  ])('%j', async (argv, want) => {
    const r = await runOn(lab, agentPod(lab, 'k8s-w0'), argv);
    expect([r.exitCode, r.stderr, r.stdout.slice(0, want.length)]).toEqual([0, '', want]);
  });

  test('an unknown root word is cobra\'s error', async () => {
    const r = await runOn(lab, agentPod(lab, 'k8s-w0'), ['cilium-dbg', 'frobnicate']);
    expect([r.exitCode, r.stderr]).toEqual([1, 'Error: unknown command "frobnicate" for "cilium-dbg"\nRun \'cilium-dbg --help\' for usage.\n']);
  });
});
