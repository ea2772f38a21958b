// Local delivery and neighbour failure on a lab VM: a ping to the host's own eth1 address goes through lo
// (ttl=64, nothing on eth1); a ping to an unused address on eth1's subnet ARPs three times, then the kernel
// reports "Destination Host Unreachable" from the host's own address (ipv4_link_failure -> icmp_send).

import { expect, test } from 'vitest';
import { formatIpv4, parseIpv4 } from '../../src/addr/index.js';
import { buildLab, loadDefaultLab } from '../../src/lab/index.js';
import { ping, tap } from '../support/week4.js';

const ip = (s: string) => parseIpv4(s) ?? (0 as never);

test('ping of the host own address stays on lo', () => {
  const lab = buildLab(loadDefaultLab());
  const t = tap(lab, 'k8s-ctr');
  const r = ping(lab, 'k8s-ctr', ip('192.168.10.100'));
  t.stop();
  expect(r.replies.map((x) => x.ttl)).toEqual([64]);
  expect(new Set(t.seen.map((s) => s.dev))).toEqual(new Set(['lo']));
});

test('an address nobody owns on the local subnet: three ARP requests, then host unreachable', () => {
  const lab = buildLab(loadDefaultLab());
  const t = tap(lab, 'k8s-ctr');
  const r = ping(lab, 'k8s-ctr', ip('192.168.10.77'), { count: 1 });
  t.stop();
  const arps = t.seen.filter((s) => s.dev === 'eth1' && s.layers.some((l) => l.proto === 'arp'));
  expect(arps).toHaveLength(3);
  const errors = r.events.filter((e) => e.kind === 'error');
  expect(errors.map((e) => (e.kind === 'error' ? `${formatIpv4(e.from)} ${e.type}/${e.code}` : ''))).toEqual(['192.168.10.100 3/1']);
});
