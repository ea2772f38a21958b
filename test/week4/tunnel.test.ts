// The seed's switch to VXLAN: after helm upgrade (routingMode=tunnel, autoDirectNodeRoutes=false) and the
// agents' restart, every webpod answers with ttl=63, the router only sees UDP 8472 between node IPs with
// the source pod's identity as VNI, remote PodCIDR routes carry mtu 1450, and a DF echo fits with 1422
// bytes of payload but fails locally (EMSGSIZE) with 1423.

import { describe, expect, test } from 'vitest';
import { formatIpv4 } from '../../src/addr/index.js';
import { formatRoute } from '../../src/net/route-text.js';
import type { Layer } from '../../src/wire/index.js';
import { ping, podIp, switchToVxlan, tap, webpodOn, week4 } from '../support/week4.js';

function identityOf(lab: ReturnType<typeof week4>, pod: string): number {
  const cep = lab.k8s.api.get('CiliumEndpoint', 'default', pod) as unknown as { status: { identity: { id: number } } };
  return cep.status.identity.id;
}

describe('week 4, after the switch to VXLAN', () => {
  const lab = week4();
  switchToVxlan(lab);

  test.each(['k8s-ctr', 'k8s-w1', 'k8s-w0'])('curl-pod reaches the webpod on %s', (node) => {
    const r = ping(lab, 'curl-pod', webpodOn(lab, node));
    expect(r.replies.map((x) => x.ttl)).toEqual([63]);
  });

  test('the router sees VXLAN between node IPs with the pods identities as VNI', () => {
    const t = tap(lab, 'router');
    const dst = webpodOn(lab, 'k8s-w0');
    const r = ping(lab, 'curl-pod', dst, { count: 2, deadlineS: 1, lingerUs: 1_000_000 });
    t.stop();
    expect(r.replies).toHaveLength(1);
    const vx = t.seen.filter((s) => s.layers.some((l) => l.proto === 'vxlan'));
    const webpod = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).find((p) => p.spec.nodeName === 'k8s-w0');
    const rows = vx.map((s) => {
      const outer = s.layers.find((l): l is Extract<Layer, { proto: 'ipv4' }> => l.proto === 'ipv4');
      const udp = s.layers.find((l): l is Extract<Layer, { proto: 'udp' }> => l.proto === 'udp');
      const v = s.layers.find((l): l is Extract<Layer, { proto: 'vxlan' }> => l.proto === 'vxlan');
      return `${s.dev} ${s.dir} ${formatIpv4(outer?.header.src ?? (0 as never))} > ${formatIpv4(outer?.header.dst ?? (0 as never))}:${udp?.header.dstPort} vni ${v?.header.vni}`;
    });
    const req = identityOf(lab, 'curl-pod');
    const rep = identityOf(lab, webpod?.metadata.name ?? '');
    expect(rows).toEqual([
      `eth1 in 192.168.10.100 > 192.168.20.100:8472 vni ${req}`,
      `eth2 out 192.168.10.100 > 192.168.20.100:8472 vni ${req}`,
      `eth2 in 192.168.20.100 > 192.168.10.100:8472 vni ${rep}`,
      `eth1 out 192.168.20.100 > 192.168.10.100:8472 vni ${rep}`,
    ]);
    expect(t.seen.filter((s) => s.layers[1]?.proto === 'ipv4' && s.layers[2]?.proto === 'icmp')).toEqual([]);
    expect(formatIpv4(podIp(lab, 'curl-pod')).startsWith('172.20.0.')).toBe(true);
  });

  test('remote PodCIDR routes on k8s-ctr carry mtu 1450', () => {
    const routes = lab.netns('k8s-ctr').fib.table(254).list().map((r) => formatRoute(r).trimEnd()).filter((r) => r.includes('cilium_host'));
    expect(routes).toEqual([
      '172.20.0.0/24 via 172.20.0.172 dev cilium_host proto kernel src 172.20.0.172',
      '172.20.0.172 dev cilium_host proto kernel scope link',
      '172.20.1.0/24 via 172.20.0.172 dev cilium_host proto kernel src 172.20.0.172 mtu 1450',
      '172.20.2.0/24 via 172.20.0.172 dev cilium_host proto kernel src 172.20.0.172 mtu 1450',
    ]);
  });

  test('a DF echo with 1422 bytes passes; 1423 fails with EMSGSIZE before any packet leaves', () => {
    const dst = webpodOn(lab, 'k8s-w0');
    const ok = ping(lab, 'curl-pod', dst, { size: 1422, pmtudisc: 'do' });
    expect(ok.replies.map((x) => x.bytes)).toEqual([1430]);
    const t = tap(lab, 'k8s-ctr');
    const big = ping(lab, 'curl-pod', dst, { size: 1423, pmtudisc: 'do' });
    t.stop();
    expect(big.events.filter((e) => e.kind === 'send-error').map((e) => (e.kind === 'send-error' ? e.errno : ''))).toEqual(['EMSGSIZE']);
    expect(big.replies).toEqual([]);
    expect(t.seen.filter((s) => s.layers.some((l) => l.proto === 'icmp'))).toEqual([]);
  });
});
