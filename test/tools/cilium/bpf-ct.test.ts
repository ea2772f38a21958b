// `cilium-dbg bpf ct list global` after the seed's traffic: `kubectl exec -it curl-pod -- curl ... webpod`
// (DNS to CoreDNS, the socket LB's backend chosen at connect, so no ClusterIP and RevNAT=0 anywhere) and a
// ping to the webpod on k8s-w1. Every expected line is written from the packets the pods sent and received
// (taps on their eth0) and conntrack.h's rules (replayEntry), on the node Cilium keeps it: the client's
// OUT entries and their related ICMP entries on k8s-ctr, the server's IN entries on the backend's node.
// Then expiry: an entry outlives its lifetime until the agent's GC scan (at its start, then every 300 s).

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { IPPROTO_ICMP, IPPROTO_TCP, IPPROTO_UDP } from '../../../src/wire/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { ping, switchToVxlan, webpodOn, week4 } from '../../support/week4.js';
import { ctLine, ctMaps, flow, identityOf, ktime, relatedOf, replayEntry, tapPod, type Pkt } from './ct-flows.js';
import { inAgent } from './helpers.js';

const curl = commands['curl'] ?? (() => Promise.resolve(127));
const list = (lab: Lab, node: string, ...flags: string[]) => inAgent(lab, node, ['cilium-dbg', 'bpf', 'ct', 'list', 'global', ...flags]);

interface Pod {
  readonly name: string;
  readonly ip: string;
  readonly node: string;
}

function pods(lab: Lab, namespace: string, selector: string): Pod[] {
  return lab.k8s.api.list('Pod', { namespace, labelSelector: selector }).map((p) => ({ name: `${namespace}/${p.metadata.name ?? ''}`, ip: p.status?.podIP ?? '', node: p.spec.nodeName ?? '' }));
}

/**
 * The seed's `curl -s --connect-timeout 1 webpod` until one answers (k8s-w0's pod never does in native
 * routing), then a ping to the k8s-w1 webpod, with every pod involved tapped. It all takes seconds: no entry
 * reaches its lifetime, so no GC scan in between deletes any.
 */
async function seedTraffic(lab: Lab): Promise<Map<string, Pkt[]>> {
  const watched = [{ name: 'default/curl-pod' }, ...pods(lab, 'default', 'app=webpod'), ...pods(lab, 'kube-system', 'k8s-app=kube-dns')];
  const taps = new Map(watched.map((p) => [p.name, tapPod(lab, p.name)]));
  for (let i = 0; i < 10; i++) if ((await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-s', '--connect-timeout', '1', 'webpod'], { isTty: true })).exitCode === 0) break;
  expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1')).replies).toHaveLength(1);
  for (const t of taps.values()) t.stop();
  return new Map([...taps].map(([k, t]) => [k, t.pkts]));
}

describe('after the seed’s curl and ping (native routing)', () => {
  let lab: Lab;
  let seen: Map<string, Pkt[]>;
  let client: Pkt[];
  let curlIp: string;
  let curlId: number;
  beforeAll(async () => {
    lab = week4();
    seen = await seedTraffic(lab);
    client = seen.get('default/curl-pod') ?? [];
    curlIp = pods(lab, 'default', 'app=curl')[0]?.ip ?? '';
    curlId = identityOf(lab, 'curl-pod');
  });

  /** Connections curl-pod opened: its first packet of each (proto, peer, local port). */
  const opened = (proto: number) => {
    const firsts = new Map<string, Pkt>();
    for (const p of client) if (p.dir === 'out' && p.proto === proto && !firsts.has(`${p.dst}:${p.sport}`)) firsts.set(`${p.dst}:${p.sport}`, p);
    return [...firsts.values()];
  };

  test('k8s-ctr: curl-pod’s TCP connections to the backends it reached (SYN-only ones to k8s-w0 included), and no ClusterIP', async () => {
    const { tcp } = ctMaps(await list(lab, 'k8s-ctr'));
    const conns = opened(IPPROTO_TCP);
    expect(conns.length).toBeGreaterThan(0);
    for (const first of conns) {
      const pkts = flow(client, IPPROTO_TCP, first.dst, first.sport);
      const e = replayEntry(lab, 'k8s-ctr', pkts);
      expect(tcp).toContain(ctLine({ proto: 'TCP', dir: 'OUT', from: `${curlIp}:${first.sport}`, to: `${first.dst}:80`, ...e, srcSecId: curlId }));
    }
    const answered = conns.filter((c) => flow(client, IPPROTO_TCP, c.dst, c.sport).some((p) => p.dir === 'in'));
    expect(answered).toHaveLength(1);
    const svc = lab.k8s.api.get('Service', 'default', 'webpod').spec as { clusterIP?: string };
    expect((await list(lab, 'k8s-ctr')).includes(svc.clusterIP ?? '-')).toBe(false);
  });

  test('the answering backend’s node: the server’s IN entry, from the backend’s own packets, with curl-pod’s identity', async () => {
    const reached = opened(IPPROTO_TCP).find((c) => flow(client, IPPROTO_TCP, c.dst, c.sport).some((p) => p.dir === 'in'));
    const backend = pods(lab, 'default', 'app=webpod').find((p) => p.ip === reached?.dst);
    if (!reached || !backend) throw new Error('no answered connection');
    const server = (seen.get(backend.name) ?? []).filter((p) => p.proto === IPPROTO_TCP && (p.sport === reached.sport || p.dport === reached.sport));
    const e = replayEntry(lab, backend.node, server);
    expect(e.flags & 0x3).toBe(0x3);
    const { tcp } = ctMaps(await list(lab, backend.node));
    expect(tcp).toContain(ctLine({ proto: 'TCP', dir: 'IN', from: `${curlIp}:${reached.sport}`, to: `${backend.ip}:80`, ...e, srcSecId: curlId }));
    // The related entry is a copy of the last connection curl-pod opened to the backend (the ping, if k8s-w1's).
    const last = (seen.get(backend.name) ?? []).filter((p) => p.dir === 'in' && p.src === curlIp).pop();
    const opening = (seen.get(backend.name) ?? []).find((p) => p.dir === 'in' && p.src === curlIp && p.proto === last?.proto && p.sport === last.sport);
    const rel = relatedOf(lab, backend.node, opening as Pkt);
    expect(ctMaps(await list(lab, backend.node)).any).toContain(ctLine({ proto: 'ICMP', dir: 'IN', from: `${curlIp}:0`, to: `${backend.ip}:0`, related: true, ...rel, srcSecId: curlId }));
  });

  test('k8s-ctr: the DNS lookups to CoreDNS — OUT entries for curl-pod, IN entries for the CoreDNS pod (same node)', async () => {
    const { any } = ctMaps(await list(lab, 'k8s-ctr'));
    const dns = opened(IPPROTO_UDP);
    expect(dns.length).toBeGreaterThan(0);
    for (const first of dns) {
      expect(first.dport).toBe(53);
      const out = replayEntry(lab, 'k8s-ctr', flow(client, IPPROTO_UDP, first.dst, first.sport));
      expect(any).toContain(ctLine({ proto: 'UDP', dir: 'OUT', from: `${curlIp}:${first.sport}`, to: `${first.dst}:53`, ...out, srcSecId: curlId }));
      const coredns = pods(lab, 'kube-system', 'k8s-app=kube-dns').find((p) => p.ip === first.dst);
      expect(coredns?.node).toBe('k8s-ctr');
      const server = (seen.get(coredns?.name ?? '') ?? []).filter((p) => p.proto === IPPROTO_UDP && (p.sport === first.sport || p.dport === first.sport));
      expect(any).toContain(ctLine({ proto: 'UDP', dir: 'IN', from: `${curlIp}:${first.sport}`, to: `${first.dst}:53`, ...replayEntry(lab, 'k8s-ctr', server), srcSecId: curlId }));
    }
  });

  test('the ping: ICMP OUT curl-pod:id -> webpod:0 and its related entry on k8s-ctr, the IN pair on k8s-w1', async () => {
    const w1 = pods(lab, 'default', 'app=webpod').find((p) => p.node === 'k8s-w1');
    const echo = opened(IPPROTO_ICMP).find((p) => p.dst === w1?.ip);
    if (!w1 || !echo) throw new Error('no echo request');
    const pkts = flow(client, IPPROTO_ICMP, w1.ip, echo.sport);
    const ctr = ctMaps(await list(lab, 'k8s-ctr')).any;
    expect(ctr).toContain(ctLine({ proto: 'ICMP', dir: 'OUT', from: `${curlIp}:${echo.sport}`, to: `${w1.ip}:0`, ...replayEntry(lab, 'k8s-ctr', pkts), srcSecId: curlId }));
    // Every new connection to the same address rewrites the related entry: the last one (the ping) stands.
    expect(ctr).toContain(ctLine({ proto: 'ICMP', dir: 'OUT', from: `${curlIp}:0`, to: `${w1.ip}:0`, related: true, ...relatedOf(lab, 'k8s-ctr', echo), srcSecId: curlId }));
    const server = (seen.get(w1.name) ?? []).filter((p) => p.proto === IPPROTO_ICMP && p.sport === echo.sport);
    const w1Any = ctMaps(await list(lab, 'k8s-w1')).any;
    expect(w1Any).toContain(ctLine({ proto: 'ICMP', dir: 'IN', from: `${curlIp}:${echo.sport}`, to: `${w1.ip}:0`, ...replayEntry(lab, 'k8s-w1', server), srcSecId: curlId }));
  });

  test('k8s-w0 saw only SYNs it never answered (native routing: the router drops them), so its maps hold nothing of curl-pod', async () => {
    expect(await list(lab, 'k8s-w0')).not.toContain(curlIp);
  });

  test('-d adds "(remaining: N sec(s))", N = expires - seconds since boot now', async () => {
    const now = ktime(lab, 'k8s-ctr', lab.nowUs);
    const out = await list(lab, 'k8s-ctr', '-d');
    const lines = out.split('\n').filter((l) => l.includes('expires='));
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) {
      const [, expires, remaining] = /expires=(\d+) \(remaining: (-?\d+) sec\(s\)\) Packets=/.exec(l) ?? [];
      expect(Number(remaining)).toBe(Number(expires) - now);
    }
  });

  test('-o json: every record, ports and RevNAT in network byte order, addresses as byte arrays', async () => {
    const records = JSON.parse(await list(lab, 'k8s-ctr', '-o', 'json')) as Array<{ Key: { DestAddr: number[]; SourceAddr: number[]; DestPort: number; SourcePort: number; NextHeader: number; Flags: number }; Value: { Lifetime: number; RevNAT: number; SourceSecurityID: number } }>;
    const { tcp, any } = ctMaps(await list(lab, 'k8s-ctr'));
    expect(records).toHaveLength(tcp.length + any.length);
    const syn = records.find((r) => r.Key.NextHeader === 6);
    expect(syn?.Key.DestAddr.join('.')).toBe(curlIp);
    expect(syn?.Key.DestPort).toBe(((80 & 0xff) << 8) | (80 >> 8));
    expect(records.every((r) => r.Value.RevNAT === 0)).toBe(true);
  });
});

describe('tunnel mode', () => {
  test('the receiving node’s IN entries of tunnelled traffic carry FromTunnel (0x0400)', async () => {
    const lab = week4();
    switchToVxlan(lab);
    const w1 = pods(lab, 'default', 'app=webpod').find((p) => p.node === 'k8s-w1');
    if (!w1) throw new Error('no webpod on k8s-w1');
    const tap = tapPod(lab, w1.name);
    expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'), { ident: 4242 }).replies).toHaveLength(1);
    tap.stop();
    const curlIp = pods(lab, 'default', 'app=curl')[0]?.ip ?? '';
    const e = replayEntry(lab, 'k8s-w1', tap.pkts, { isFromTunnel: true });
    const { any } = ctMaps(await list(lab, 'k8s-w1'));
    expect(any).toContain(ctLine({ proto: 'ICMP', dir: 'IN', from: `${curlIp}:4242`, to: `${w1.ip}:0`, ...e, srcSecId: identityOf(lab, 'curl-pod') }));
    expect(e.flags).toBe(0x400);
  });
});

/**
 * The time of the agent's first CT GC scan at which an entry with this lifetime is past (Lifetime < now):
 * scans run when the agent has initialised the datapath (its "Datapath initialized" log record), then every
 * 300 s while none deleted anything (GetInterval's starting interval, kept while the delete ratio is 0).
 */
function firstScanAfter(lab: Lab, node: string, lifetime: number): number {
  const init = lab.agents.get(node)?.log.records.filter((r) => r.msg === 'Datapath initialized').pop();
  if (!init) throw new Error(`no agent on ${node}`);
  let scanUs = init.timeUs;
  while (ktime(lab, node, scanUs) <= lifetime) scanUs += 300_000_000;
  return scanUs;
}

describe('expiry against the virtual clock', () => {
  test('a ping’s entries outlive their 60 s until the GC scan after that (every 300 s from the agent’s start), then go', async () => {
    const lab = week4();
    const node = 'k8s-ctr';
    const tap = tapPod(lab, 'curl-pod');
    expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'), { ident: 777 }).replies).toHaveLength(1);
    tap.stop();
    const { expires } = replayEntry(lab, node, tap.pkts);
    const scanUs = firstScanAfter(lab, node, expires);
    lab.runFor(scanUs - 1 - lab.nowUs);
    const before = await list(lab, node, '-d');
    expect(before).toMatch(new RegExp(`ICMP OUT \\S+:777 -> \\S+:0 expires=${expires} \\(remaining: -\\d+ sec\\(s\\)\\)`));
    lab.runFor(1);
    expect(await list(lab, node)).toBe('\n\n');
  });

  test('a closed TCP connection lasts 10 s after the second FIN; the GC after that deletes it on both nodes', async () => {
    const lab = week4();
    const w1 = pods(lab, 'default', 'app=webpod').find((p) => p.node === 'k8s-w1');
    if (!w1) throw new Error('no webpod on k8s-w1');
    const tap = tapPod(lab, 'curl-pod');
    const r = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-s', `http://${w1.ip}/`]);
    lab.runFor(1_000_000); // the server's FIN
    tap.stop();
    expect(r.exitCode).toBe(0);
    const conn = tap.pkts.find((p) => p.proto === IPPROTO_TCP && p.dir === 'out');
    const e = replayEntry(lab, 'k8s-ctr', flow(tap.pkts, IPPROTO_TCP, w1.ip, conn?.sport ?? 0));
    expect(e.flags).toBe(0x13);
    lab.runFor(firstScanAfter(lab, 'k8s-ctr', e.expires) - lab.nowUs);
    expect(ctMaps(await list(lab, 'k8s-ctr')).tcp).toEqual([]);
    lab.runFor(300_000_000);
    expect(ctMaps(await list(lab, 'k8s-w1')).tcp).toEqual([]);
  });
});
