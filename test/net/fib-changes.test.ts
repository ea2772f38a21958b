// Routing changes take effect at once, as `ip route add/del` and `ip link set down/up` do on Linux: a
// longer prefix added after traffic has flowed wins the next lookup, deleting it falls back to the shorter
// one, a link set down loses its routes (fib_sync_down_dev) and a route through it can be used again once
// it is up and re-added. Repeated lookups of the same destination keep answering the same route.

import { expect, test } from 'vitest';
import { Testbed, ip } from '../../src/net/tcp/tcp-testbed.js';

function lab() {
  const tb = new Testbed();
  const host = tb.ns('host');
  const [a] = tb.link(host, 'eth1', '192.168.10.100', tb.ns('gw-a'), 'eth0', '192.168.10.1');
  const [b] = tb.link(host, 'eth2', '192.168.20.100', tb.ns('gw-b'), 'eth0', '192.168.20.1');
  host.routeAdd({ dst: { addr: ip('0.0.0.0'), prefixLen: 0 }, gateway: ip('192.168.10.1') });
  return { host, a, b };
}

const via = (r: { gateway?: number | undefined; dev?: { name: string } | undefined } | undefined) => `${r?.gateway ?? '-'} ${r?.dev?.name ?? '-'}`;

test('a route added later wins the next lookup; deleting it falls back to the default', () => {
  const { host } = lab();
  const dst = ip('172.20.1.5');
  expect(via(host.fib.lookup({ dst }))).toBe(`${ip('192.168.10.1')} eth1`);
  expect(via(host.fib.lookup({ dst }))).toBe(`${ip('192.168.10.1')} eth1`);
  const pod = { dst: { addr: ip('172.20.1.0'), prefixLen: 24 }, gateway: ip('192.168.20.1') };
  host.routeAdd(pod);
  expect(via(host.fib.lookup({ dst }))).toBe(`${ip('192.168.20.1')} eth2`);
  host.routeDel(pod);
  expect(via(host.fib.lookup({ dst }))).toBe(`${ip('192.168.10.1')} eth1`);
});

test('a link set down takes its routes with it; up again, its connected route is back', () => {
  const { host, b } = lab();
  const dst = ip('192.168.20.1');
  expect(via(host.fib.lookup({ dst }))).toBe('- eth2');
  host.setUp(b, false);
  expect(via(host.fib.lookup({ dst }))).toBe(`${ip('192.168.10.1')} eth1`);
  host.setUp(b, true);
  expect(via(host.fib.lookup({ dst }))).toBe('- eth2');
});
