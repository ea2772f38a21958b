// Test support for the week-4 lab: build it with the seed's workloads, ping from a pod through the library
// API (the iputils engine), watch a host's devices like `tcpdump -i any`, switch Cilium to tunnel mode the
// way the seed does (helm upgrade + rollout restart), and read a host's route lookup.

import { formatIpv4, parseIpv4, type Ipv4Addr } from '../../src/addr/index.js';
import { PingEngine, type PingEvent } from '../../src/apps/ping/ping-engine.js';
import type { PingOptions } from '../../src/apps/ping/ping-options.js';
import { buildLab, loadDefaultLab, type Lab } from '../../src/lab/index.js';
import { dissect, type Layer } from '../../src/wire/index.js';
import { CURL_POD_YAML, WEBPOD_YAML } from './seed-manifests.js';

export function week4(seed?: number): Lab {
  const lab = buildLab(loadDefaultLab(), seed === undefined ? {} : { seed });
  lab.apply(WEBPOD_YAML);
  lab.apply(CURL_POD_YAML);
  lab.runUntil(() => podsReady(lab), 60_000_000);
  return lab;
}

export function podsReady(lab: Lab): boolean {
  const pods = lab.k8s.api.list('Pod', { namespace: 'default' });
  return pods.length === 4 && pods.every((p) => p.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True'));
}

export function webpodOn(lab: Lab, node: string): Ipv4Addr {
  const pod = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).find((p) => p.spec.nodeName === node);
  const ip = parseIpv4(pod?.status?.podIP ?? '');
  if (ip === undefined) throw new Error(`no webpod on ${node}`);
  return ip;
}

export function podIp(lab: Lab, name: string): Ipv4Addr {
  const ip = parseIpv4(lab.k8s.api.get('Pod', 'default', name).status?.podIP ?? '');
  if (ip === undefined) throw new Error(`no IP for ${name}`);
  return ip;
}

export interface PingRun {
  readonly events: PingEvent[];
  readonly replies: Array<Extract<PingEvent, { kind: 'reply' }>>;
  readonly done: Extract<PingEvent, { kind: 'done' }> | undefined;
}

export function ping(lab: Lab, from: string, dst: Ipv4Addr, opts: Partial<PingOptions> = {}): PingRun {
  const events: PingEvent[] = [];
  const engine = new PingEngine(lab.netns(from), { dst, ident: 99, count: 1, ...opts }, (e) => events.push(e));
  const err = engine.start();
  if (err) throw new Error(`ping setup failed: ${err.call}: ${err.errno}`);
  lab.runUntil(() => events.some((e) => e.kind === 'done'), 120_000_000);
  return {
    events,
    replies: events.filter((e): e is Extract<PingEvent, { kind: 'reply' }> => e.kind === 'reply'),
    done: events.find((e): e is Extract<PingEvent, { kind: 'done' }> => e.kind === 'done'),
  };
}

export interface Seen {
  readonly dev: string;
  readonly dir: 'in' | 'out';
  readonly layers: Layer[];
  readonly data: Uint8Array;
  readonly timeUs: number;
}

/** Everything a host's devices see (what `tcpdump -i any` on it would capture) until `stop()`. */
export function tap(lab: Lab, host: string): { seen: Seen[]; stop: () => void } {
  const ns = lab.netns(host);
  const seen: Seen[] = [];
  const stop = lab.ctx.trace.on('packet', (e) => {
    if (e.netns === ns) seen.push({ dev: e.dev.name, dir: e.dir, layers: dissect(e.data), data: e.data, timeUs: e.timeUs });
  });
  return { seen, stop };
}

/** The IPv4 layers of a captured frame, outer first. */
export function ipLayers(s: Seen): Array<Extract<Layer, { proto: 'ipv4' }>> {
  return s.layers.filter((l): l is Extract<Layer, { proto: 'ipv4' }> => l.proto === 'ipv4');
}

export function describeIp(s: Seen): string {
  return ipLayers(s)
    .map((l) => `${formatIpv4(l.header.src)} > ${formatIpv4(l.header.dst)}`)
    .join(' | ');
}

/** The seed's switch: helm upgrade --reuse-values --set routingMode=tunnel ..., then rollout restart ds/cilium. */
export function switchToVxlan(lab: Lab): void {
  lab.setCiliumValues({ ...lab.ciliumValues, routingMode: 'tunnel', tunnelProtocol: 'vxlan', autoDirectNodeRoutes: false, installNoConntrackIptablesRules: false });
  lab.rolloutRestart('kube-system', 'DaemonSet', 'cilium');
  lab.runUntil(() => [...lab.agents.values()].every((a) => a.isReady && a.dp?.config.routingMode === 'tunnel'), 300_000_000);
  lab.runFor(5_000_000);
}
