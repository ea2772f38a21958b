// Determinism: the same seed gives byte-identical packets; another seed draws other pod IPs and identities
// but the lab behaves the same (ttl=62 to k8s-w1, nothing from k8s-w0).

import { expect, test } from 'vitest';
import { formatIpv4 } from '../../src/addr/index.js';
import type { Lab } from '../../src/lab/index.js';
import { ping, podIp, tap, webpodOn, week4 } from '../support/week4.js';

function trafficOf(lab: Lab): string[] {
  const taps = ['router', 'k8s-ctr', 'k8s-w1', 'k8s-w0'].map((h) => ({ h, t: tap(lab, h) }));
  ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'), { count: 3 });
  ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w0'), { count: 1 });
  return taps.flatMap(({ h, t }) => {
    t.stop();
    return t.seen.map((s) => `${h} ${s.timeUs} ${s.dev} ${s.dir} ${Buffer.from(s.data).toString('hex')}`);
  });
}

function identities(lab: Lab): number[] {
  return lab.k8s.api.list('CiliumEndpoint', { namespace: 'default' }).map((c) => (c as unknown as { status: { identity: { id: number } } }).status.identity.id);
}

test('the same seed gives byte-identical packets', () => {
  const a = trafficOf(week4(7));
  const b = trafficOf(week4(7));
  expect(a.length).toBeGreaterThan(20);
  expect(b).toEqual(a);
});

test('another seed changes pod IPs and identities, not behaviour', () => {
  const a = week4(1);
  const b = week4(2);
  expect(formatIpv4(podIp(b, 'curl-pod'))).not.toBe(formatIpv4(podIp(a, 'curl-pod')));
  expect(identities(b)).not.toEqual(identities(a));
  for (const lab of [a, b]) {
    expect(formatIpv4(podIp(lab, 'curl-pod')).startsWith('172.20.0.')).toBe(true);
    expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1')).replies.map((r) => r.ttl)).toEqual([62]);
    expect(ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w0')).replies).toEqual([]);
  }
});
