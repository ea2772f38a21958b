// The week-4 lab in native routing mode, as the seed shows it: pods on the same L2 reach each other
// (ttl=62: one decrement leaving k8s-ctr, one arriving on k8s-w1), k8s-w0's pod is lost because the router
// sends 172.20.x.x out of its NAT uplink (eth1 In, eth0 Out), and only same-L2 nodes get a direct route.

import { describe, expect, test } from 'vitest';
import { formatIpv4, parseCidr, parseIpv4 } from '../../src/addr/index.js';
import { routeOutput } from '../../src/net/route-output.js';
import { formatRoute } from '../../src/net/route-text.js';
import { describeIp, ping, podIp, tap, webpodOn, week4 } from '../support/week4.js';

describe('week 4, native routing', () => {
  const lab = week4();

  test('curl-pod reaches the webpod on k8s-w1 with ttl=62', () => {
    const r = ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w1'));
    expect(r.replies.map((x) => x.ttl)).toEqual([62]);
    expect(r.done?.exitCode).toBe(0);
  });

  test('curl-pod gets no reply from the webpod on k8s-w0; the router sends the request out of eth0', () => {
    const t = tap(lab, 'router');
    const dst = webpodOn(lab, 'k8s-w0');
    const r = ping(lab, 'curl-pod', dst, { count: 2, deadlineS: 1 });
    t.stop();
    expect(r.replies).toEqual([]);
    expect(r.done?.stats.transmitted).toBe(1);
    expect(r.done?.exitCode).toBe(1);
    const icmp = t.seen.filter((s) => s.layers.some((l) => l.proto === 'icmp'));
    const expected = `${formatIpv4(podIp(lab, 'curl-pod'))} > ${formatIpv4(dst)}`;
    expect(icmp.map((s) => `${s.dev} ${s.dir} ${describeIp(s)}`)).toEqual([`eth1 in ${expected}`, `eth0 out ${expected}`]);
  });

  test("the router's route lookup for 172.20.2.36 goes via the NAT gateway", () => {
    const out = routeOutput(lab.netns('router'), { dst: parseIpv4('172.20.2.36') ?? 0 as never });
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect([out.value.nexthop, out.value.dev.name, out.value.src].map((x) => (typeof x === 'number' ? formatIpv4(x) : x))).toEqual(['10.0.2.2', 'eth0', '10.0.2.15']);
  });

  test('k8s-ctr has a direct route to k8s-w1 only; k8s-w0 is behind the static /16', () => {
    const routes = lab.netns('k8s-ctr').fib.table(254).list().map((r) => formatRoute(r).trimEnd());
    expect(routes).toContain('172.20.2.0/24 via 192.168.10.101 dev eth1 proto kernel');
    const w0 = parseCidr('172.20.1.0/24');
    expect(routes.filter((r) => r.startsWith('172.20.1.'))).toEqual([]);
    expect(w0).toBeDefined();
    expect(routes).toContain('172.20.0.0/16 via 192.168.10.200 dev eth1 proto static');
  });
});
