// `cilium-dbg bpf ipcache list` as the BPF listener writes the map, before and after the seed's switch
// to VXLAN, compared with what a 4w lab showed (Cilium Study 4w notes): the host's addresses identity 1,
// pods behind other nodes and their routers with the node as tunnel endpoint (hastunnel) in either
// mode, remote PodCIDRs only in tunnel mode, the kube-apiserver's node identity 7 elsewhere.

import { describe, expect, test } from 'vitest';
import { formatCidr, formatIpv4 } from '../../../src/addr/index.js';
import { commands as helm } from '../../../src/tools/helm/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';
import { inAgent, rows } from './helpers.js';

const UPGRADE = 'helm upgrade cilium cilium/cilium --namespace kube-system --version 1.18.0 --reuse-values --set routingMode=tunnel --set tunnelProtocol=vxlan --set autoDirectNodeRoutes=false --set installNoConntrackIptablesRules=false';

/** The rows as prefix -> value, checking TablePrinter's layout (value cells padded, trailing). */
function entries(out: string): Map<string, string> {
  const [head = '', ...body] = rows(out);
  const col = head.indexOf('IDENTITY');
  expect(head).toBe('IP PREFIX/ADDRESS'.padEnd(col) + 'IDENTITY');
  const width = Math.max(...body.map((l) => l.trimEnd().length - col)) + 3;
  for (const l of body) expect(l.length).toBe(col + width);
  return new Map(body.map((l) => [l.slice(0, col).trim(), l.slice(col).trim()]));
}

describe('bpf ipcache list', async () => {
  const lab = week4();
  const node = (name: string) => {
    const n = lab.cilium.nodes.get(name);
    if (!n) throw new Error(name);
    return n;
  };
  const v = (id: number, tunnel?: number) => `identity=${id} encryptkey=0 tunnelendpoint=${tunnel === undefined ? '0.0.0.0' : formatIpv4(tunnel as never)} flags=${tunnel === undefined ? '<none>' : 'hastunnel'}`;

  test('native routing, k8s-w1: no PodCIDR entries, but tunnel endpoints for what lives on other nodes', async () => {
    const m = entries(await inAgent(lab, 'k8s-w1', ['cilium-dbg', 'bpf', 'ipcache', 'list']));
    const ctr = node('k8s-ctr');
    const w0 = node('k8s-w0');
    expect(m.get('0.0.0.0/0')).toBe(v(2));
    expect(m.get('10.0.2.15/32')).toBe(v(1));
    expect(m.get('192.168.10.101/32')).toBe(v(1));
    expect(m.get(`${formatIpv4(node('k8s-w1').ciliumInternalIp)}/32`)).toBe(v(1));
    expect(m.get('192.168.10.100/32')).toBe(v(7));
    expect(m.get('192.168.20.100/32')).toBe(v(6));
    expect(m.get(`${formatIpv4(ctr.ciliumInternalIp)}/32`)).toBe(v(6, ctr.nodeIp));
    expect(m.get(`${formatIpv4(w0.ciliumInternalIp)}/32`)).toBe(v(6, w0.nodeIp));
    expect(m.has(formatCidr(ctr.podCidr))).toBe(false);
    for (const ep of lab.cilium.endpoints.values()) expect(m.get(`${formatIpv4(ep.ip)}/32`)).toBe(v(ep.identity, ep.nodeName === 'k8s-w1' ? undefined : ep.nodeIp));
    expect(m.size).toBe(1 + 3 + 2 * 2 + lab.cilium.endpoints.size);
  });

  test('after the upgrade to VXLAN, k8s-ctr: the other nodes’ PodCIDRs as world behind their node', async () => {
    const r = await runTool(lab, helm['helm'] ?? (async () => 1), hostOf(lab, 'k8s-ctr'), UPGRADE.split(' '));
    expect(r.exitCode).toBe(0);
    lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
    lab.runUntil(() => [...lab.agents.values()].every((a) => a.isReady && a.dp?.config.routingMode === 'tunnel'), 300_000_000);
    const m = entries(await inAgent(lab, 'k8s-ctr', ['cilium-dbg', 'bpf', 'ipcache', 'list']));
    for (const name of ['k8s-w1', 'k8s-w0']) expect(m.get(formatCidr(node(name).podCidr))).toBe(v(2, node(name).nodeIp));
    expect(m.get('192.168.10.100/32')).toBe(v(1));
    expect(m.get('192.168.10.101/32')).toBe(v(6));
  });
});
