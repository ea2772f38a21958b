// The agent's list commands against their cilium-dbg printers, with the expected rows computed from the
// lab's state: endpoint list (two-line header, one row per label, host endpoint with the node's
// labels), service list and bpf lb list (ids, numbering, ITP Local), identity list, node list,
// bpf endpoint list and config. Widths follow each command's tabwriter settings.

import { describe, expect, test } from 'vitest';
import { formatCidr, formatIpv4 } from '../../../src/addr/index.js';
import { week4 } from '../../support/week4.js';
import { inAgent, rows } from './helpers.js';

const lab = week4();
const agent = (node: string) => {
  const a = lab.agents.get(node);
  if (!a) throw new Error(node);
  return a;
};

/** Go tabwriter for a table whose every cell is tab-terminated: each column as wide as its widest cell + padding. */
function table(cells: string[][], minwidth: number, padding: number): string {
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? minwidth, c.length + padding)));
  return cells.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('') + '\n').join('');
}

describe('cilium-dbg endpoint list', () => {
  test('k8s-w1: its webpod and the host endpoint (worker nodes carry no identity-relevant labels)', async () => {
    const a = agent('k8s-w1');
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'endpoint', 'list']);
    const [ep] = [...a.endpoints.values()];
    const host = rows(out).find((l) => / 1 +reserved:host/.test(l))?.split(/ +/)[0] ?? '';
    const pod = [...(ep?.identityLabels ?? [])].sort().map((l, i) => (i === 0 ? [String(ep?.id), 'Disabled', 'Disabled', String(ep?.identity), l, '', formatIpv4(ep?.ipv4 ?? (0 as never))] : ['', '', '', '', l, '', '']));
    const hostRow = [host, 'Disabled', 'Disabled', '1', 'reserved:host', '', ''];
    const body = Number(host) < (ep?.id ?? 0) ? [hostRow, ...pod] : [...pod, hostRow];
    // The ENFORCEMENT line has no STATUS cell, so STATUS aligns in the header alone and in the rows apart.
    const head = [['ENDPOINT', 'POLICY (ingress)', 'POLICY (egress)', 'IDENTITY', 'LABELS (source:key[=value])', 'IPv6', 'IPv4'], ['', 'ENFORCEMENT', 'ENFORCEMENT', '', '', '', '']];
    const lines = table([...head, ...body], 5, 3).split('\n');
    const status = (i: number) => (i === 0 ? 'STATUS   ' : i === 1 ? '' : body[i - 2]?.[0] !== '' ? 'ready   ' : '        ');
    expect(out).toBe(lines.slice(0, -1).map((l, i) => l + status(i) + '\n').join(''));
  });

  test('k8s-ctr: the host endpoint lists the control-plane labels kubelet set, kubernetes.io ones filtered', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'endpoint', 'list']);
    const i = rows(out).findIndex((l) => /Disabled +1 +k8s:/.test(l));
    expect(rows(out).slice(i, i + 3).map((l) => l.trim().split(/ {2,}/).slice(-2))).toEqual([
      ['k8s:node-role.kubernetes.io/control-plane', 'ready'],
      ['k8s:node.kubernetes.io/exclude-from-external-load-balancers'],
      ['reserved:host'],
    ]);
  });

  test('--no-headers drops the two header lines', async () => {
    const out = await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'endpoint', 'list', '--no-headers']);
    expect(rows(out)[0]).toMatch(/^\d+ +Disabled +Disabled +\d+ +\S+/);
  });
});

describe('cilium-dbg service list and bpf lb list', () => {
  const frontends = () => [...lab.cilium.services.values()].sort((x, y) => x.id - y.id);

  test('service list: every frontend by id, backends numbered from 1 with their state', async () => {
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'service', 'list']);
    const cells = [['ID', 'Frontend', 'Service Type', 'Backend']];
    for (const f of frontends()) {
      const local = f.name === 'hubble-peer' ? f.backends.filter((b) => b.nodeName === 'k8s-w1') : f.backends;
      const bs = local.map((b, i) => `${i + 1} => ${formatIpv4(b.ip)}:${b.port}/${f.protocol} (${b.state})`);
      cells.push([String(f.id), `${formatIpv4(f.vip)}:${f.port}/${f.protocol}`, 'ClusterIP', bs[0] ?? '']);
      for (const b of bs.slice(1)) cells.push(['', '', '', b]);
    }
    expect(out).toBe(table(cells, 5, 3));
  });

  test('hubble-peer (internalTrafficPolicy Local) has only the node’s own backend', async () => {
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'service', 'list']);
    const peer = frontends().find((f) => f.name === 'hubble-peer');
    const line = rows(out).find((l) => l.startsWith(`${peer?.id} `)) ?? '';
    expect(line.trim().split(/ {2,}/)).toEqual([String(peer?.id), `${formatIpv4(peer?.vip ?? (0 as never))}:443/TCP`, 'ClusterIP', '1 => 192.168.10.101:4244/TCP (active)']);
  });

  test('bpf lb list: the master slot 0 with the flags, one slot per backend', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'lb', 'list']);
    const web = frontends().find((f) => f.name === 'webpod');
    const vip = `${formatIpv4(web?.vip ?? (0 as never))}:80/TCP`;
    const mine = rows(out).filter((l) => l.startsWith(`${vip} `)).map((l) => l.trim().split(/ {2,}/));
    expect(mine).toEqual([[`${vip} (0)`, `0.0.0.0:0 (${web?.id}) (0) [ClusterIP, non-routable]`], ...(web?.backends ?? []).map((b, i) => [`${vip} (${i + 1})`, `${formatIpv4(b.ip)}:80/TCP (${web?.id}) (${i + 1})`])]);
    expect(rows(out)[0]).toBe('SERVICE ADDRESS'.padEnd(rows(out)[1]?.indexOf('0.0.0.0:0') ?? 0) + 'BACKEND ADDRESS (REVNAT_ID) (SLOT)');
  });
});

describe('cilium-dbg identity list', () => {
  test('the reserved identities, kube-apiserver also remote-node, then the allocated ones by id', async () => {
    const out = await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'identity', 'list']);
    const reserved = ['host', 'world', 'unmanaged', 'health', 'init', 'remote-node', 'kube-apiserver', 'ingress', 'world-ipv4', 'world-ipv6'];
    const cells = [['ID', 'LABELS']];
    reserved.forEach((n, i) => {
      cells.push([String(i + 1), `reserved:${n}`]);
      if (n === 'kube-apiserver') cells.push(['', 'reserved:remote-node']);
    });
    for (const id of lab.cilium.identities.list()) [...id.labels].sort().forEach((l, i) => cells.push([i === 0 ? String(id.id) : '', l]));
    const want = cells.map((r) => r[0]?.padEnd(Math.max(2, ...cells.map((c) => (c[0]?.length ?? 0) + 3))) + (r[1] ?? '')).join('\n') + '\n';
    expect(out).toBe(want);
  });

  test('on the kube-apiserver’s node the host identity carries reserved:kube-apiserver', async () => {
    const out = await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'identity', 'list']);
    expect(rows(out).slice(1, 3).map((l) => l.trim().split(/ +/))).toEqual([['1', 'reserved:host'], ['reserved:kube-apiserver']]);
  });
});

describe('cilium-dbg node list', () => {
  test('one line per node, sorted; the agent’s own node is local', async () => {
    const out = await inAgent(lab, 'k8s-w0', ['cilium-dbg', 'node', 'list']);
    const nodes = [...lab.cilium.nodes.values()].sort((x, y) => (x.name < y.name ? -1 : 1));
    const cells = [['Name', 'IPv4 Address', 'Endpoint CIDR', 'IPv6 Address', 'Endpoint CIDR', 'Source']];
    for (const n of nodes) cells.push([n.name, formatIpv4(n.nodeIp), formatCidr(n.podCidr), '', '', n.name === 'k8s-w0' ? 'local' : 'custom-resource']);
    expect(out).toBe(table(cells, 0, 3).replace(/ +\n/g, '\n'));
  });
});

describe('cilium-dbg bpf endpoint list', () => {
  test('each pod endpoint by IP with its lxc ifindex and MACs, the host addresses as (localhost)', async () => {
    const a = agent('k8s-w1');
    const out = await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'bpf', 'endpoint', 'list']);
    const [ep] = [...a.endpoints.values()];
    const podRow = rows(out).find((l) => l.startsWith(`${formatIpv4(ep?.ipv4 ?? (0 as never))}:0 `));
    expect(podRow?.trimEnd()).toMatch(new RegExp(`^\\S+ +id=${ep?.id} +sec_id=${ep?.identity} +flags=0x0000 ifindex=${ep?.lxc.ifindex} +mac=([0-9A-F]{2}:){5}[0-9A-F]{2} nodemac=([0-9A-F]{2}:){5}[0-9A-F]{2} parent_ifindex=0$`));
    expect(rows(out).filter((l) => l.includes('(localhost)')).map((l) => l.split(' ')[0]).sort()).toEqual(['10.0.2.15:0', '192.168.10.101:0', `${formatIpv4(a.routerIp ?? (0 as never))}:0`].sort());
  });
});

describe('cilium-dbg config', () => {
  test('the read-write options as 1.18.0 sets them for the lab (debug on: policy debugging)', async () => {
    expect(await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'config'])).toBe(
      [
        '##### Read-write configurations #####',
        'ConntrackAccounting               : Disabled',
        'Debug                             : Disabled',
        'DebugLB                           : Disabled',
        'DebugPolicy                       : Enabled',
        'DropNotification                  : Enabled',
        'MonitorAggregationLevel           : Medium',
        'PolicyAccounting                  : Enabled',
        'PolicyAuditMode                   : Disabled',
        'PolicyTracing                     : Disabled',
        'PolicyVerdictNotification         : Enabled',
        'SourceIPVerification              : Enabled',
        'TraceNotification                 : Enabled',
        'MonitorNumPages                   : 64',
        'PolicyEnforcement                 : default',
        '',
      ].join('\n'),
    );
  });
});
