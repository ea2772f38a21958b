// `cilium-dbg bpf nat list` (cilium_snat_v4_external) in the week-4 lab, native routing with BPF
// masquerading. The seed's `ping -c 1 10.10.1.200` from k8s-ctr is the host's own connection: cil_to_netdev
// gives it a mapping that keeps its id (NeedsCT=1) and tracks it in the CT map itself (no related entry,
// SourceSecurityID 0). A pod pinging outside ipv4-native-routing-cidr is masqueraded to the node's address
// (NeedsCT=0); one pinging a node is not. Expected lines follow NatEntry4.Dump; ids come from a tap.

import { describe, expect, test } from 'vitest';
import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../../src/addr/index.js';
import type { Lab } from '../../../src/lab/index.js';
import { IPPROTO_ICMP, ipv4Protocol, readU16 } from '../../../src/wire/index.js';
import { ping, week4 } from '../../support/week4.js';
import { ctMaps, identityOf, ktime } from './ct-flows.js';
import { agentPod, inAgent, runOn } from './helpers.js';

const ROUTER_LOOPBACK = parseIpv4('10.10.1.200') as Ipv4Addr;
const natList = (lab: Lab, node: string, ...flags: string[]) => inAgent(lab, node, ['cilium-dbg', 'bpf', 'nat', 'list', ...flags]);
const ctList = (lab: Lab, node: string) => inAgent(lab, node, ['cilium-dbg', 'bpf', 'ct', 'list', 'global']);

/** The echo id of the first ICMP echo request `host`'s device `dev` sent (the one that left the node). */
function pingAndTapId(lab: Lab, from: string, dst: Ipv4Addr, node: string, dev: string): number {
  let id = -1;
  const ns = lab.netns(node);
  const stop = lab.ctx.trace.on('packet', (e) => {
    if (id < 0 && e.netns === ns && e.dev.name === dev && e.dir === 'out' && ipv4Protocol(e.data, 14) === IPPROTO_ICMP && e.data[34] === 8) id = readU16(e.data, 38);
  });
  expect(ping(lab, from, dst).replies).toHaveLength(1);
  stop();
  return id;
}

describe('cilium-dbg bpf nat list', () => {
  test('a node whose map is empty prints the empty line fmt.Println adds', async () => {
    expect(await natList(week4(), 'k8s-w0')).toBe('\n');
  });

  test('the seed’s host ping to the router: an SNAT/RevSNAT pair on the node IP keeping the id, NeedsCT=1, and its own CT entry', async () => {
    const lab = week4();
    const nodeIp = formatIpv4(lab.agents.get('k8s-ctr')?.nodeIp ?? (0 as Ipv4Addr));
    const t0 = lab.nowUs;
    const id = pingAndTapId(lab, 'k8s-ctr', ROUTER_LOOPBACK, 'k8s-ctr', 'eth1');
    const ago = ktime(lab, 'k8s-ctr', lab.nowUs) - ktime(lab, 'k8s-ctr', t0);
    expect(await natList(lab, 'k8s-ctr')).toBe(
      `ICMP IN 10.10.1.200:0 -> ${nodeIp}:${id} XLATE_DST ${nodeIp}:${id} Created=${ago}sec ago NeedsCT=1\n` +
        `ICMP OUT ${nodeIp}:${id} -> 10.10.1.200:0 XLATE_SRC ${nodeIp}:${id} Created=${ago}sec ago NeedsCT=1\n\n`,
    );
    const { any } = ctMaps(await ctList(lab, 'k8s-ctr'));
    expect(any).toHaveLength(1);
    expect(any[0]).toMatch(new RegExp(`^ICMP OUT ${nodeIp}:${id} -> 10\\.10\\.1\\.200:0 expires=\\d+ .* RevNAT=0 SourceSecurityID=0 BackendID=0 $`));
  });

  test('curl-pod pinging outside the cluster: masqueraded to the node IP (the id kept), NeedsCT=0; its CT entries are bpf_lxc’s', async () => {
    const lab = week4();
    const nodeIp = formatIpv4(lab.agents.get('k8s-ctr')?.nodeIp ?? (0 as Ipv4Addr));
    const podIp = lab.k8s.api.get('Pod', 'default', 'curl-pod').status?.podIP ?? '';
    const id = pingAndTapId(lab, 'curl-pod', ROUTER_LOOPBACK, 'k8s-ctr', 'eth1');
    const out = await natList(lab, 'k8s-ctr');
    expect(out).toMatch(new RegExp(`^ICMP IN 10\\.10\\.1\\.200:0 -> ${nodeIp}:${id} XLATE_DST ${podIp}:${id} Created=\\d+sec ago NeedsCT=0\n`));
    expect(out).toMatch(new RegExp(`\nICMP OUT ${podIp}:${id} -> 10\\.10\\.1\\.200:0 XLATE_SRC ${nodeIp}:${id} Created=\\d+sec ago NeedsCT=0\n\n$`));
    const { any } = ctMaps(await ctList(lab, 'k8s-ctr'));
    expect(any.map((l) => l.split(' expires=')[0])).toEqual([`ICMP OUT ${podIp}:0 -> 10.10.1.200:0 related`, `ICMP OUT ${podIp}:${id} -> 10.10.1.200:0`]);
    expect(any.every((l) => l.includes(`SourceSecurityID=${identityOf(lab, 'curl-pod')} `))).toBe(true);
  });

  test('curl-pod pinging another node in native routing is not masqueraded', async () => {
    const lab = week4();
    expect(ping(lab, 'curl-pod', lab.agents.get('k8s-w1')?.nodeIp ?? (0 as Ipv4Addr)).replies).toHaveLength(1);
    expect(await natList(lab, 'k8s-ctr')).toBe('\n');
  });

  test('the GC scan that deletes the host connection’s CT entry deletes its NAT mapping', async () => {
    const lab = week4();
    pingAndTapId(lab, 'k8s-ctr', ROUTER_LOOPBACK, 'k8s-ctr', 'eth1');
    expect(await natList(lab, 'k8s-ctr')).not.toBe('\n');
    lab.runFor(60_000_000 + 2 * 300_000_000);
    expect(await ctList(lab, 'k8s-ctr')).toBe('\n\n');
    expect(await natList(lab, 'k8s-ctr')).toBe('\n');
  });

  test('-o json: NatMapRecords with NeedsCT and the port in network byte order; bad arguments as cobra prints them', async () => {
    const lab = week4();
    const id = pingAndTapId(lab, 'k8s-ctr', ROUTER_LOOPBACK, 'k8s-ctr', 'eth1');
    const records = JSON.parse(await natList(lab, 'k8s-ctr', '-o', 'json')) as Array<{ Key: { Flags: number }; Value: { NeedsCT: number; Port: number } }>;
    expect(records.map((r) => [r.Key.Flags, r.Value.NeedsCT, r.Value.Port])).toEqual([
      [1, 1, ((id & 0xff) << 8) | (id >> 8)],
      [0, 1, ((id & 0xff) << 8) | (id >> 8)],
    ]);
    const bad = await runOn(lab, agentPod(lab, 'k8s-ctr'), ['cilium-dbg', 'bpf', 'nat', 'list', 'global']);
    expect([bad.exitCode, bad.stderr, bad.stdout]).toEqual([0, 'Invalid argument', '']);
  });
});
