// The seed's other remedy, static routes on the router, in native mode: with only k8s-w0's PodCIDR routed,
// the request reaches k8s-w0's pod but the reply dies at the router (it has no route back to k8s-ctr's
// PodCIDR, so it leaves by eth0); with every node's PodCIDR routed the echo comes back with ttl=61.

import { describe, expect, test } from 'vitest';
import { formatIpv4, parseCidr, parseIpv4 } from '../../src/addr/index.js';
import type { Lab } from '../../src/lab/index.js';
import { describeIp, ping, podIp, tap, webpodOn, week4 } from '../support/week4.js';

function addRoute(lab: Lab, to: string, via: string): void {
  const ns = lab.netns('router');
  const dst = parseCidr(to);
  const gw = parseIpv4(via);
  if (!dst || gw === undefined) throw new Error('bad route');
  ns.routeAdd({ dst, gateway: gw });
}

describe('week 4, routes on the router', () => {
  test('only 172.20.1.0/24 routed: the request arrives, the reply leaves the router by eth0', () => {
    const lab = week4();
    addRoute(lab, '172.20.1.0/24', '192.168.20.100');
    const dst = webpodOn(lab, 'k8s-w0');
    const src = podIp(lab, 'curl-pod');
    const w0 = tap(lab, 'k8s-w0');
    const router = tap(lab, 'router');
    const r = ping(lab, 'curl-pod', dst, { count: 1 });
    w0.stop();
    router.stop();
    expect(r.replies).toEqual([]);
    const req = `${formatIpv4(src)} > ${formatIpv4(dst)}`;
    const rep = `${formatIpv4(dst)} > ${formatIpv4(src)}`;
    expect(w0.seen.filter((s) => s.dev === 'eth1' && s.layers.some((l) => l.proto === 'icmp')).map((s) => `${s.dir} ${describeIp(s)}`)).toEqual([`in ${req}`, `out ${rep}`]);
    const icmp = router.seen.filter((s) => s.layers.some((l) => l.proto === 'icmp'));
    expect(icmp.map((s) => `${s.dev} ${s.dir} ${describeIp(s)}`)).toEqual([`eth1 in ${req}`, `eth2 out ${req}`, `eth2 in ${rep}`, `eth0 out ${rep}`]);
  });

  test('every PodCIDR routed: the echo comes back with ttl=61', () => {
    const lab = week4();
    addRoute(lab, '172.20.0.0/24', '192.168.10.100');
    addRoute(lab, '172.20.1.0/24', '192.168.20.100');
    addRoute(lab, '172.20.2.0/24', '192.168.10.101');
    const r = ping(lab, 'curl-pod', webpodOn(lab, 'k8s-w0'));
    expect(r.replies.map((x) => x.ttl)).toEqual([61]);
  });
});
