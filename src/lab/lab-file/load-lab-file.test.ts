// loadLabFile on small inline labs: the error type and its fields, YAML-level failures, and the defaults
// the loader resolves (NAT addresses, altnames, route devices, node IPs, the control plane).

import { describe, expect, it } from 'vitest';
import { formatCidr, formatIpv4, formatMac } from '../../addr/index.js';
import { LabFileError, formatLabFileErrors } from './lab-file-error.js';
import { loadLabFile, loadLabFileOrThrow, formatFieldPath } from './load-lab-file.js';

/** The brief's example, laid out so the bad address sits at line 14, column 20. */
const MINE = `name: mine
networks:
  - { name: hostonly-10, cidr: 192.168.10.0/24 }
  - { name: hostonly-20, cidr: 192.168.20.0/24 }
hosts:
  - name: router
    interfaces:
      - { name: eth1, network: hostonly-10, address: 192.168.10.200/24 }
  - name: k8s-w0
    interfaces:
        - name: eth0
          nat: true
        - name: eth1
          address: 192.168.30.5/24
          network: hostonly-10
`;

const MINIMAL = `name: minimal
networks:
  - { name: lan, cidr: 192.168.10.0/24 }
hosts:
  - name: gw
    interfaces:
      - { name: eth0, nat: true }
      - { name: eth1, network: lan, address: 192.168.10.1/24 }
      - { name: loop0, type: dummy, address: 10.10.0.1/24 }
  - name: n1
    role: node
    kernel: { config: { CONFIG_GENEVE: n } }
    interfaces:
      - { name: eth0, nat: true }
      - { name: eth1, network: lan, address: 192.168.10.11/24 }
    routes:
      - { to: 10.10.0.0/16, via: 192.168.10.1 }
    sysctl: { net.ipv4.ip_forward: 1 }
  - name: n2
    role: node
    interfaces:
      - { name: eth1, network: lan, address: 192.168.10.12/24 }
    sysctl: { net.ipv4.ip_forward: 1 }
kubernetes:
  nodes:
    n1: { joined: -1h }
cilium:
  values:
    ipam: { operator: { clusterPoolIPv4PodCIDRList: [172.20.0.0/16] } }
`;

function errorsOf(text: string, file = 'labs/mine.yaml'): readonly LabFileError[] {
  const r = loadLabFile(text, file);
  return r.ok ? [] : r.errors;
}

describe('loadLabFile errors', () => {
  it('names file, line, column and field path', () => {
    const [e, ...rest] = errorsOf(MINE);
    expect(rest).toEqual([]);
    expect(e?.message).toBe('labs/mine.yaml:14:20: hosts[1].interfaces[1].address: 192.168.30.5/24 is not inside network hostonly-10 (192.168.10.0/24)');
    expect(e).toBeInstanceOf(LabFileError);
    expect(e).toBeInstanceOf(Error);
    expect(e?.toJSON()).toEqual({
      name: 'LabFileError',
      message: 'labs/mine.yaml:14:20: hosts[1].interfaces[1].address: 192.168.30.5/24 is not inside network hostonly-10 (192.168.10.0/24)',
      code: 'address-outside-network',
      file: 'labs/mine.yaml',
      line: 14,
      column: 20,
      path: 'hosts[1].interfaces[1].address',
      detail: '192.168.30.5/24 is not inside network hostonly-10 (192.168.10.0/24)',
    });
  });

  it.each([
    ['a: [1, 2\nb: 3\n', '2:1 yaml-syntax: Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['name: x\nname: y\nhosts: [{ name: a }]\n', '2:1 yaml-syntax: Map keys must be unique'],
    ['- a\n- b\n', '1:1 invalid-type: expected a mapping (key: value), got a list'],
    ['name: x\n', '1:1 missing-field: hosts: required field is missing'],
    ['name: x\nhosts: []\n', '2:1 out-of-range: hosts: a lab needs at least one host'],
    ['name: x\nhosts: [{ name: *h }]\n', '2:17 yaml-syntax: Unresolved alias *h (the anchor &h must be set before it)'],
    ['? [a]\n: b\nname: x\nhosts: [{ name: a }]\n', '1:3 yaml-syntax: A mapping key must be a plain value, not a list or mapping'],
    [`a: &a [1, 2]\n${['b', 'c', 'd', 'e'].map((k, i) => `${k}: &${k} [${Array(10).fill(`*${'abcd'[i] ?? ''}`).join(', ')}]`).join('\n')}\n`, '1:1 yaml-syntax: Excessive alias count indicates a resource exhaustion attack'],
    ['name: x\nhosts: [{ name: a }]\nextra: 1\n', '3:1 unknown-field: extra: unknown field (fields here: name, description, seed, clock, networks, hosts, kubernetes, cilium, workloads)'],
    ['name: x\nhosts: [{ name: a }]\nnetwork: []\n', '3:1 unknown-field: network: unknown field (did you mean "networks"?) (fields here: name, description, seed, clock, networks, hosts, kubernetes, cilium, workloads)'],
  ])('%j', (text, want) => {
    const got = errorsOf(text, 'f.yaml').map((e) => `${e.line}:${e.column} ${e.code}: ${e.path === '' ? '' : `${e.path}: `}${e.detail}`);
    expect(got).toEqual([want]);
  });

  it('reports every semantic error of a node at once', () => {
    const got = errorsOf('name: x\nhosts: [{ name: a, role: node }]\n', 'f.yaml').map((e) => `${e.line}:${e.column} ${e.code}: ${e.path}: ${e.detail}`);
    expect(got).toEqual([
      '2:9 node-ip: hosts[0].interfaces: node a has no address for its node IP (the VirtualBox NAT address does not count); give an interface on a network an address',
      '2:17 kubeadm-preflight: hosts[0].name: kubeadm init fails preflight on node a: [ERROR FileContent--proc-sys-net-ipv4-ip_forward]: /proc/sys/net/ipv4/ip_forward contents are not set to 1 (add sysctl: { net.ipv4.ip_forward: 1 })',
    ]);
  });

  it('formats all errors one per line, in file order', () => {
    const text = 'name: x\nseed: -1\nhosts: [{ name: A }]\n';
    expect(formatLabFileErrors(errorsOf(text, 'x.yaml'))).toBe(
      [
        'x.yaml:2:7: seed: -1 is out of range (must be >= 0)',
        `x.yaml:3:17: hosts[0].name: "A": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ].join('\n'),
    );
  });

  it('loadLabFileOrThrow throws the first LabFileError', () => {
    expect(() => loadLabFileOrThrow(MINE, 'labs/mine.yaml')).toThrow(LabFileError);
    expect(() => loadLabFileOrThrow(MINE, 'labs/mine.yaml')).toThrow(/^labs\/mine.yaml:14:20: /);
  });

  it('formats field paths as written', () => {
    expect(formatFieldPath(['hosts', 1, 'sysctl', 'net.ipv4.ip_forward'])).toBe('hosts[1].sysctl["net.ipv4.ip_forward"]');
    expect(formatFieldPath(['kubernetes', 'nodes', 'k8s-ctr', 'joined'])).toBe('kubernetes.nodes.k8s-ctr.joined');
    expect(formatFieldPath([])).toBe('');
  });
});

describe('loadLabFile defaults', () => {
  const lab = loadLabFileOrThrow(MINIMAL, 'minimal.yaml');
  const [gw, n1, n2] = lab.hosts;

  it('fills host defaults', () => {
    expect(gw?.role).toBe('host');
    expect([gw?.cpus, gw?.memoryMiB, gw?.os]).toEqual([2, 2048, 'Ubuntu 24.04.2 LTS']);
    expect(gw?.kernel.release).toBe('6.8.0-53-generic');
    expect(n1?.kernel.config['CONFIG_GENEVE']).toBe('n');
    expect(n1?.kernel.config['CONFIG_VXLAN']).toBe('m');
    expect(lab.seed).toBe(1);
    expect(lab.clock).toEqual({ start: '2025-01-01T00:00:00Z', startUnixMs: Date.UTC(2025, 0, 1), timezone: 'UTC' });
    expect(lab.networks[0]?.latencyUs).toBe(400);
  });

  it('gives NAT NICs the VirtualBox address and ethernet NICs VirtualBox altnames', () => {
    const [eth0, eth1, loop0] = gw?.interfaces ?? [];
    expect([eth0?.nat, eth0?.address && formatCidr(eth0.address), eth0?.network, eth0?.altname]).toEqual([true, '10.0.2.15/24', undefined, 'enp0s3']);
    expect([eth1?.altname, eth1?.mtu, eth1?.mac]).toEqual(['enp0s8', 1500, undefined]);
    expect([loop0?.type, loop0?.altname]).toEqual(['dummy', undefined]);
    expect(n2?.interfaces[0]?.altname).toBe('enp0s3');
  });

  it('resolves route devices and nodes', () => {
    expect(n1?.routes.map((r) => `${formatCidr(r.to)} via ${formatIpv4(r.via)} dev ${r.dev} proto ${r.proto}`)).toEqual(['10.10.0.0/16 via 192.168.10.1 dev eth1 proto static']);
    expect(lab.kubernetes.controlPlane).toBe('n1');
    expect(lab.kubernetes.nodes.map((n) => [n.name, formatIpv4(n.nodeIP), n.joinedUs])).toEqual([
      ['n1', '192.168.10.11', -3_600_000_000],
      ['n2', '192.168.10.12', 0],
    ]);
    expect(lab.kubernetes.networking.serviceSubnet).toEqual({ addr: 0x0a600000, prefixLen: 12 });
    expect(lab.kubernetes.proxy.disabled).toBe(false);
    expect(lab.cilium.installedUs).toBe(-3_600_000_000);
    expect(lab.cilium.version).toBe('1.18.0');
    expect(lab.cilium.pins).toEqual([]);
    expect(lab.workloads).toEqual([]);
  });

  it('keeps explicit MACs', () => {
    const text = MINIMAL.replace('{ name: eth1, network: lan, address: 192.168.10.1/24 }', '{ name: eth1, network: lan, address: 192.168.10.1/24, mac: "08:00:27:AA:00:01" }');
    const eth1 = loadLabFileOrThrow(text, 'm.yaml').hosts[0]?.interfaces[1];
    expect(eth1?.mac === undefined ? undefined : formatMac(eth1.mac)).toBe('08:00:27:aa:00:01');
  });
});
