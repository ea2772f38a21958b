// The picture model of the week-4 lab: what the seed's hosts, networks and routes say, and tunnels that
// appear only after the switch to VXLAN.

import { expect, test } from 'vitest';
import { topologyOf } from '../../src/lab/topology.js';
import { switchToVxlan, week4 } from '../support/week4.js';

test('the week-4 topology: networks, interfaces, PodCIDRs, pods; tunnels after the switch', () => {
  const lab = week4();
  const t = topologyOf(lab);
  expect(t.networks.map((n) => `${n.name} ${n.cidr}`)).toEqual(['hostonly-10 192.168.10.0/24', 'hostonly-20 192.168.20.0/24']);
  const router = t.hosts.find((h) => h.name === 'router');
  expect(router?.interfaces.map((i) => `${i.name} ${i.addresses.join(',')} ${i.network ?? '-'}`)).toEqual([
    'eth0 10.0.2.15/24 nat',
    'eth1 192.168.10.200/24 hostonly-10',
    'eth2 192.168.20.200/24 hostonly-20',
    'loop1 10.10.1.200/24 -',
    'loop2 10.10.2.200/24 -',
  ]);
  const ctr = t.hosts.find((h) => h.name === 'k8s-ctr');
  expect([ctr?.podCidr, ctr?.ciliumHostIp]).toEqual(['172.20.0.0/24', '172.20.0.172']);
  expect(ctr?.pods.some((p) => p.name === 'curl-pod' && p.ip.startsWith('172.20.0.'))).toBe(true);
  expect(t.tunnels).toEqual([]);
  switchToVxlan(lab);
  expect(topologyOf(lab).tunnels).toHaveLength(3);
});
