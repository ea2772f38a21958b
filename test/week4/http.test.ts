// HTTP through the webpod Service from curl-pod (DNS via CoreDNS, socket LB to a random backend, TCP to
// whoami): in native mode about one request in three times out — those the socket LB sent to k8s-w0's pod —
// and the rest get whoami's answer; after the switch to VXLAN every request is answered, by all three pods.

import { describe, expect, test } from 'vitest';
import { HttpClient, MuslResolver, type CurlEvent } from '../../src/apps/index.js';
import type { Lab } from '../../src/lab/index.js';
import { podResolvConf } from '../../src/lab/pod-resolv-conf.js';
import { switchToVxlan, week4 } from '../support/week4.js';

interface Outcome {
  readonly exitCode: number;
  readonly body: string;
}

function curl(lab: Lab, url: string): Outcome {
  const ns = lab.netns('curl-pod');
  const pod = lab.k8s.api.get('Pod', 'default', 'curl-pod');
  const resolver = new MuslResolver(ns, { resolvConf: podResolvConf(lab.spec, pod) });
  const events: CurlEvent[] = [];
  new HttpClient(ns, { url, connectTimeoutMs: 1000, resolver }, (e) => events.push(e)).start();
  lab.runUntil(() => events.some((e) => e.kind === 'done'), 30_000_000);
  const done = events.find((e) => e.kind === 'done');
  const body = events.map((e) => (e.kind === 'data' ? new TextDecoder().decode(e.body) : '')).join('');
  return { exitCode: done?.kind === 'done' ? done.exitCode : -1, body };
}

function hostnames(outs: readonly Outcome[]): string[] {
  return outs.map((o) => /^Hostname: (.*)$/m.exec(o.body)?.[1] ?? '').filter((h) => h !== '');
}

describe('curl webpod from curl-pod', () => {
  test('native mode: about a third time out (k8s-w0), the rest answer', () => {
    const lab = week4();
    const outs = Array.from({ length: 30 }, () => curl(lab, 'webpod'));
    const failed = outs.filter((o) => o.exitCode !== 0);
    expect(failed.every((o) => o.exitCode === 28)).toBe(true);
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(failed.length).toBeLessThanOrEqual(16);
    const pods = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' });
    const w0 = pods.find((p) => p.spec.nodeName === 'k8s-w0')?.metadata.name;
    const seen = new Set(hostnames(outs));
    expect(seen.has(w0 ?? '')).toBe(false);
    expect(seen.size).toBe(2);
    const ok = outs.find((o) => o.exitCode === 0);
    expect(ok?.body).toMatch(/^Hostname: webpod-[a-z0-9]{6,10}-[a-z0-9]{5}\nIP: 127\.0\.0\.1\nIP: ::1\nIP: 172\.20\.\d+\.\d+\nIP: fe80::[0-9a-f:]+\nRemoteAddr: 172\.20\.0\.\d+:\d+\nGET \/ HTTP\/1\.1\r\nHost: webpod\r\nUser-Agent: curl\/8\.14\.1\r\nAccept: \*\/\*\r\n\r\n$/);
  });

  test('VXLAN mode: every request is answered, by all three pods', () => {
    const lab = week4();
    switchToVxlan(lab);
    const outs = Array.from({ length: 20 }, () => curl(lab, 'webpod'));
    expect(outs.map((o) => o.exitCode)).toEqual(outs.map(() => 0));
    expect(new Set(hostnames(outs)).size).toBe(3);
  });
});
