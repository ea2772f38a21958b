// `ip` on the week-4 lab against the seed blog and the real-kernel transcripts (test/golden/kernel): the
// router's routes and `ip route get`, the nodes' static routes, k8s-ctr's routes in native and tunnel mode,
// `ip addr show dev cilium_vxlan`, `ip -br -4 addr` on the router. Normalizers: ANSI colour codes stripped,
// runs of spaces collapsed and line ends trimmed (the blog drops them), cilium_host IP as X.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { ip } from '../../../src/tools/ip/ip.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { switchToVxlan, week4 } from '../../support/week4.js';

const plain = (s: string) =>
  s
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.replace(/ +/g, ' ').trimEnd())
    .join('\n');

/** Only the line ends trimmed (the layout of `ip a` is kept). */
const trimEnds = (s: string) =>
  s
    .replace(/\x1b\[[0-9;]*m/g, '')
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n');

async function run(lab: Lab, host: string, line: string): Promise<string> {
  const r = await runTool(lab, ip, hostOf(lab, host), line.split(' '));
  expect(r.stderr).toBe('');
  expect(r.exitCode).toBe(0);
  return r.stdout;
}

const SEED_ROUTER_ROUTES = `default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100
10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100
10.0.2.2 dev eth0 proto dhcp scope link src 10.0.2.15 metric 100
10.0.2.3 dev eth0 proto dhcp scope link src 10.0.2.15 metric 100
10.10.1.0/24 dev loop1 proto kernel scope link src 10.10.1.200
10.10.2.0/24 dev loop2 proto kernel scope link src 10.10.2.200
192.168.10.0/24 dev eth1 proto kernel scope link src 192.168.10.200
192.168.20.0/24 dev eth2 proto kernel scope link src 192.168.20.200
`;

describe('ip on the week-4 lab, as the seed shows it', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4(1);
  }, 60_000);

  it('router: ip -c route (seed) with real trailing spaces, and ip route get 172.20.2.36 (golden kernel)', async () => {
    const out = await run(lab, 'router', 'ip -c route');
    expect(out).toContain('\x1b[35m192.168.20.0/24 \x1b[0mdev \x1b[36meth2 \x1b[0mproto kernel scope link src \x1b[35m192.168.20.200 \x1b[0m\n');
    expect(plain(out)).toBe(SEED_ROUTER_ROUTES);
    expect(await run(lab, 'router', 'ip route get 172.20.2.36')).toBe('172.20.2.36 via 10.0.2.2 dev eth0 src 10.0.2.15 uid 0 \n    cache \n');
  });

  it('k8s-ctr: the static routes the seed greps, and the whole native-mode table', async () => {
    const out = plain(await run(lab, 'k8s-ctr', 'ip -c route'));
    expect(out.split('\n').filter((l) => l.includes('static'))).toEqual([
      '10.10.0.0/16 via 192.168.10.200 dev eth1 proto static',
      '172.20.0.0/16 via 192.168.10.200 dev eth1 proto static',
      '192.168.20.0/24 via 192.168.10.200 dev eth1 proto static',
    ]);
    const x = /172\.20\.0\.(\d+) dev cilium_host/.exec(out)?.[1];
    expect(out.replaceAll(`172.20.0.${x}`, '172.20.0.X')).toBe(`default via 10.0.2.2 dev eth0 proto dhcp src 10.0.2.15 metric 100
10.0.2.0/24 dev eth0 proto kernel scope link src 10.0.2.15 metric 100
10.0.2.2 dev eth0 proto dhcp scope link src 10.0.2.15 metric 100
10.0.2.3 dev eth0 proto dhcp scope link src 10.0.2.15 metric 100
10.10.0.0/16 via 192.168.10.200 dev eth1 proto static
172.20.0.0/24 via 172.20.0.X dev cilium_host proto kernel src 172.20.0.X
172.20.0.0/16 via 192.168.10.200 dev eth1 proto static
172.20.0.X dev cilium_host proto kernel scope link
172.20.2.0/24 via 192.168.10.101 dev eth1 proto kernel
192.168.10.0/24 dev eth1 proto kernel scope link src 192.168.10.100
192.168.20.0/24 via 192.168.10.200 dev eth1 proto static
`);
  });

  it('router: ip -br -c -4 addr as the lab notes quote it', async () => {
    expect(plain(await run(lab, 'router', 'ip -br -c -4 addr'))).toBe(`lo UNKNOWN 127.0.0.1/8
eth0 UP 10.0.2.15/24 metric 100
eth1 UP 192.168.10.200/24
eth2 UP 192.168.20.200/24
loop1 UNKNOWN 10.10.1.200/24
loop2 UNKNOWN 10.10.2.200/24
`);
  });

  it('k8s-ctr: ip a shows eth0 and eth1 as the seed does', async () => {
    const out = trimEnds(await run(lab, 'k8s-ctr', 'ip a'));
    expect(out).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP> mtu 65536 qdisc noqueue state UNKNOWN group default qlen 1000\n {4}link\/loopback 00:00:00:00:00:00 brd 00:00:00:00:00:00\n {4}inet 127.0.0.1\/8 scope host lo\n {7}valid_lft forever preferred_lft forever\n {4}inet6 ::1\/128 scope host noprefixroute\n/);
    expect(out).toMatch(/\n2: eth0: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n {4}link\/ether 08:00:27(:[0-9a-f]{2}){3} brd ff:ff:ff:ff:ff:ff\n {4}altname enp0s3\n {4}inet 10.0.2.15\/24 metric 100 brd 10.0.2.255 scope global dynamic eth0\n {7}valid_lft \d+sec preferred_lft \d+sec\n {4}inet6 fd17:625c:f037:2:a00:27ff:fe[0-9a-f]{2}:[0-9a-f]{1,4}\/64 scope global dynamic mngtmpaddr noprefixroute\n {7}valid_lft \d+sec preferred_lft \d+sec\n {4}inet6 fe80::a00:27ff:fe[0-9a-f]{2}:[0-9a-f]{1,4}\/64 scope link\n/);
    expect(out).toMatch(/\n3: eth1: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc fq_codel state UP group default qlen 1000\n {4}link\/ether 08:00:27(:[0-9a-f]{2}){3} brd ff:ff:ff:ff:ff:ff\n {4}altname enp0s8\n {4}inet 192.168.10.100\/24 brd 192.168.10.255 scope global eth1\n {7}valid_lft forever preferred_lft forever\n/);
  });

  it('tunnel mode: cilium_vxlan, the mtu 1450 routes and ip route get', async () => {
    switchToVxlan(lab);
    const dev = trimEnds(await run(lab, 'k8s-ctr', 'ip -c addr show dev cilium_vxlan'));
    expect(dev).toMatch(/^\d+: cilium_vxlan: <BROADCAST,MULTICAST,UP,LOWER_UP> mtu 1500 qdisc noqueue state UNKNOWN group default\n {4}link\/ether ([0-9a-f]{2}:){5}[0-9a-f]{2} brd ff:ff:ff:ff:ff:ff\n {4}inet6 fe80::[0-9a-f:]+\/64 scope link\n {7}valid_lft forever preferred_lft forever\n$/);
    const routes = plain(await run(lab, 'k8s-ctr', 'ip -c route'));
    const x = /172\.20\.0\.(\d+) dev cilium_host/.exec(routes)?.[1];
    expect(routes.split('\n').filter((l) => l.includes('cilium_host')).map((l) => l.replaceAll(`172.20.0.${x}`, '172.20.0.X'))).toEqual([
      '172.20.0.0/24 via 172.20.0.X dev cilium_host proto kernel src 172.20.0.X',
      '172.20.0.X dev cilium_host proto kernel scope link',
      '172.20.1.0/24 via 172.20.0.X dev cilium_host proto kernel src 172.20.0.X mtu 1450',
      '172.20.2.0/24 via 172.20.0.X dev cilium_host proto kernel src 172.20.0.X mtu 1450',
    ]);
    expect(await run(lab, 'k8s-ctr', 'ip route get 172.20.1.10')).toBe(`172.20.1.10 dev cilium_host src 172.20.0.${x} uid 0 \n    cache mtu 1450 \n`);
    const d = await run(lab, 'k8s-ctr', 'ip -d link show cilium_vxlan');
    expect(d).toContain('\n    vxlan external id 0 srcport 0 0 dstport 8472 nolearning ttl auto ageing 300 udpcsum noudp6zerocsumtx noudp6zerocsumrx addrgenmode eui64 ');
  }, 120_000);
});
