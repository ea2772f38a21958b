// `cilium-dbg ip list` against cilium-dbg/cmd/ip_list.go (v1.18 branch point 228a293646): the header
// "IP\tIDENTITY\tSOURCE", tabwriter(5,0,3), entries sorted by IPListEntrySlice.Less (prefix length, then
// address), continuation rows "\t<label>\t" for the identity's further labels, SOURCE "custom-resource" on
// pod IPs only (pkg/k8s/watchers/cilium_endpoint.go is the only ipcache writer with K8sMetadata in CRD
// mode); -n, -v (HOST = CiliumEndpoint nodeIP / tunnel peer, ENCRYPT_KEY 0) and -o json (models.IPListEntry).

import { describe, expect, test } from 'vitest';
import { formatIpv4, parseIpv4 } from '../../../src/addr/index.js';
import { week4 } from '../../support/week4.js';
import { agentPod, inAgent, rows, runOn } from './helpers.js';

const lab = week4();
const cols = (l: string) => l.trim().split(/ {2,}/);
const ipNum = (cidr: string) => parseIpv4(cidr.split('/')[0] ?? '') as number;

describe('cilium-dbg ip list', () => {
  test('k8s-w1: sorted by prefix length then address, world first, one row per label', async () => {
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'list']);
    const [head = '', ...body] = rows(out);
    const col2 = head.indexOf('IDENTITY');
    const col3 = head.indexOf('SOURCE');
    expect(head).toBe('IP'.padEnd(col2) + 'IDENTITY'.padEnd(col3 - col2) + 'SOURCE');
    // IP cells are tab-terminated in every row, so the IDENTITY column starts after the widest IP + 3.
    const ips = body.map((l) => l.slice(0, col2).trim()).filter((c) => c !== '');
    expect(col2).toBe(Math.max(...ips.map((c) => c.length), 'IP'.length) + 3);
    const keys = ips.map((c) => [Number(c.split('/')[1]), ipNum(c) >>> 0] as const);
    for (let i = 1; i < keys.length; i++) {
      const [a, b] = [keys[i - 1] ?? [0, 0], keys[i] ?? [0, 0]];
      expect(a[0] < b[0] || (a[0] === b[0] && a[1] < b[1])).toBe(true);
    }
    expect(cols(body[0] ?? '')).toEqual(['0.0.0.0/0', 'reserved:world']);
    expect(body[0]?.length).toBe(col3);
  });

  test('a pod of k8s-ctr seen from k8s-w1: its identity’s labels, source custom-resource', async () => {
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'list']);
    const ep = [...lab.cilium.endpoints.values()].find((e) => e.nodeName === 'k8s-ctr');
    if (!ep) throw new Error('no pod on k8s-ctr');
    const labels = [...(lab.cilium.identities.list().find((i) => i.id === ep.identity)?.labels ?? [])].sort();
    const lines = rows(out);
    const i = lines.findIndex((l) => l.startsWith(`${formatIpv4(ep.ip)}/32 `));
    expect(cols(lines[i] ?? '')).toEqual([`${formatIpv4(ep.ip)}/32`, labels[0], 'custom-resource']);
    expect(lines.slice(i + 1, i + labels.length).map(cols)).toEqual(labels.slice(1).map((l) => [l]));
  });

  test('node addresses: the kube-apiserver’s node is identity 7 (kube-apiserver, remote-node), no source', async () => {
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'list']);
    const lines = rows(out);
    const i = lines.findIndex((l) => l.startsWith('192.168.10.100/32 '));
    expect([cols(lines[i] ?? ''), cols(lines[i + 1] ?? '')]).toEqual([['192.168.10.100/32', 'reserved:kube-apiserver'], ['reserved:remote-node']]);
    expect(cols(lines.find((l) => l.startsWith('192.168.10.101/32 ')) ?? '')).toEqual(['192.168.10.101/32', 'reserved:host']);
  });

  test('-n prints the numeric identity, -v adds HOST and ENCRYPT_KEY', async () => {
    const n = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'list', '-n']);
    expect(cols(rows(n).find((l) => l.startsWith('192.168.10.100/32 ')) ?? '')).toEqual(['192.168.10.100/32', '7']);
    const v = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'ls', '-v']);
    expect(cols(rows(v)[0] ?? '')).toEqual(['IP', 'IDENTITY', 'SOURCE', 'HOST', 'ENCRYPT_KEY']);
    const ep = [...lab.cilium.endpoints.values()].find((e) => e.nodeName === 'k8s-ctr');
    expect(cols(rows(v).find((l) => l.startsWith(`${formatIpv4(ep?.ip ?? (0 as never))}/32 `)) ?? '').slice(2)).toEqual(['custom-resource', '192.168.10.100', '0']);
  });

  test('-o json: models.IPListEntry in the same order, metadata only on pods, a blank line after', async () => {
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'list', '-o', 'json']);
    expect(out.endsWith(']\n\n')).toBe(true);
    const json = JSON.parse(out) as Array<{ cidr: string; identity: number; hostIP?: string; metadata?: { source: string; namespace: string; name: string } }>;
    expect(json[0]).toEqual({ cidr: '0.0.0.0/0', identity: 2 });
    const text = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'ip', 'list', '-n']);
    expect(json.map((e) => `${e.cidr} ${e.identity}`)).toEqual(rows(text).slice(1).map((l) => cols(l).slice(0, 2).join(' ')));
    const ep = [...lab.cilium.endpoints.values()].find((e) => e.nodeName === 'k8s-ctr');
    expect(json.find((e) => e.cidr === `${formatIpv4(ep?.ip ?? (0 as never))}/32`)?.metadata).toEqual({ name: ep?.podName, namespace: ep?.namespace, source: 'custom-resource' });
    expect(json.filter((e) => e.metadata).every((e) => lab.cilium.endpoints.has(ipNum(e.cidr) as never))).toBe(true);
  });

  test('-o with no printer: Fatalf "Unable to provide unknown output", exit 1', async () => {
    const r = await runOn(lab, agentPod(lab, 'k8s-w1'), ['cilium-dbg', 'ip', 'list', '-o', 'table']);
    expect([r.stdout, r.stderr, r.exitCode]).toEqual(['', "Error: Unable to provide unknown output: couldn't find output printer\n", 1]);
  });
});

describe('cilium-dbg bpf lb list --revnat', () => {
  test('one rev-NAT entry per frontend: ID to address:port under the backend title', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'lb', 'list', '--revnat']);
    const fs = [...lab.cilium.services.values()].sort((a, b) => a.id - b.id);
    const width = Math.max(5, ...fs.map((f) => String(f.id).length + 3));
    const valueWidth = Math.max(...fs.map((f) => `${formatIpv4(f.vip)}:${f.port}`.length + 3));
    expect(out).toBe(['ID'.padEnd(width) + 'BACKEND ADDRESS (REVNAT_ID) (SLOT)', ...fs.map((f) => String(f.id).padEnd(width) + `${formatIpv4(f.vip)}:${f.port}`.padEnd(valueWidth))].join('\n') + '\n');
  });
});
