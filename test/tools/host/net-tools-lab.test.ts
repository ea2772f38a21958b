// route, arp and netstat on the week-4 lab's k8s-ctr and router, against what `ip route` and `ip neigh` say
// of the same state: every main-table route one row (destination, gateway, genmask, flags, metric, device),
// every neighbour a row after a ping; names as Ubuntu prints them (_gateway, /etc/hosts, resolved's
// synthesized PTRs); bad input fails as net-tools does and changes nothing. Normalizers: none.

import { beforeAll, describe, expect, it } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { arp } from '../../../src/tools/host/arp.js';
import { netstat } from '../../../src/tools/host/netstat.js';
import { route } from '../../../src/tools/host/route.js';
import { ip } from '../../../src/tools/ip/ip.js';
import { commands as netClients } from '../../../src/tools/net-clients/index.js';
import type { Tool } from '../../../src/tools/process.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { week4 } from '../../support/week4.js';

const ping = netClients['ping'] as Tool;
const MASKS = (len: number) => [0, 8, 16, 24].map((o) => 256 - 2 ** Math.max(0, Math.min(8, 8 - (len - o)))).join('.');

describe('route, arp and netstat on the week-4 lab', () => {
  let lab: Lab;
  const hosts = { '/etc/hosts': '127.0.0.1 localhost\n127.0.2.1 k8s-ctr k8s-ctr\n192.168.10.100 k8s-ctr\n192.168.10.200 router\n192.168.10.101 k8s-w1\n', '/etc/resolv.conf': 'nameserver 127.0.0.53\n' };
  const run = (tool: Tool, host: string, line: string) => runTool(lab, tool, hostOf(lab, host, hosts), line.split(' '));
  beforeAll(() => {
    lab = week4(1);
  }, 60_000);

  it.each(['k8s-ctr', 'router'])('%s: route -n has one row per `ip route` line, with its gateway, mask, flags, metric and device', async (host) => {
    const ipRoutes = (await run(ip, host, 'ip route')).stdout.trim().split('\n');
    const rows = (await run(route, host, 'route -n')).stdout.trim().split('\n').slice(2);
    const expected = ipRoutes.map((l) => {
      const [dst = ''] = l.split(' ');
      const [addr = '', len = '32'] = dst === 'default' ? ['0.0.0.0', '0'] : dst.split('/');
      const gw = /via (\S+)/.exec(l)?.[1];
      const flags = `U${gw ? 'G' : ''}${len === '32' ? 'H' : ''}`;
      return [addr, gw ?? '0.0.0.0', MASKS(Number(len)), flags, /metric (\d+)/.exec(l)?.[1] ?? '0', '0', '0', /dev (\S+)/.exec(l)?.[1]];
    });
    expect(rows.map((r) => r.split(/\s+/))).toEqual(expected);
  });

  it('k8s-ctr: route prints the names Ubuntu resolves (default, _gateway, /etc/hosts, the hostname for cilium_host)', async () => {
    const out = (await run(route, 'k8s-ctr', 'route')).stdout.split('\n');
    expect(out[2]).toBe('default         _gateway        0.0.0.0         UG    100    0        0 eth0');
    expect(out).toContain('_gateway        0.0.0.0         255.255.255.255 UH    100    0        0 eth0');
    expect(out).toContain('172.20.0.0      k8s-ctr         255.255.255.0   UG    0      0        0 cilium_host');
    expect(out).toContain('192.168.20.0    router          255.255.255.0   UG    0      0        0 eth1');
  });

  it('k8s-ctr: arp after a ping lists what `ip neigh` lists', async () => {
    await run(ping, 'k8s-ctr', 'ping -c1 -W1 192.168.10.200');
    await run(ping, 'k8s-ctr', 'ping -c1 -W1 192.168.10.77');
    const neigh = (await run(ip, 'k8s-ctr', 'ip neigh')).stdout.trim().split('\n');
    const rows = (await run(arp, 'k8s-ctr', 'arp -an')).stdout.trim().split('\n');
    expect(rows).toEqual(
      neigh.map((l) => {
        const [addr, , dev] = l.split(' ');
        const mac = /lladdr (\S+)/.exec(l)?.[1];
        return `? (${addr}) at ${mac && !/INCOMPLETE|FAILED/.test(l) ? `${mac} [ether]` : '<incomplete>'} ${/PERMANENT/.test(l) ? 'PERM ' : ''}on ${dev}`;
      }),
    );
    expect((await run(arp, 'k8s-ctr', 'arp -a')).stdout).toContain('router (192.168.10.200) at ');
  });

  it('k8s-ctr: netstat -tulnp lists the sockets ss -tulnp lists, with PID/argv0', async () => {
    const out = (await run(netstat, 'k8s-ctr', 'netstat -tulnp')).stdout.split('\n');
    expect(out.slice(0, 2)).toEqual(['Active Internet connections (only servers)', 'Proto Recv-Q Send-Q Local Address           Foreign Address         State       PID/Program name    ']);
    expect(out).toContain('tcp        0      0 0.0.0.0:22              0.0.0.0:*               LISTEN      1/init              ');
    expect(out.some((l) => /^tcp6 +0 +0 :::22 +:::\* +LISTEN +1\/init/.test(l))).toBe(true);
    expect(out.some((l) => /^udp +0 +0 127\.0\.0\.53:53 +0\.0\.0\.0:\* +\d+\/systemd-resolv/.test(l))).toBe(true);
    expect((await run(netstat, 'k8s-ctr', 'netstat -tl')).stdout).toMatch(/_localdnsstub:domain +0\.0\.0\.0:\*/);
  });

  it('bad input: net-tools messages and statuses, the tables unchanged', async () => {
    const before = (await run(ip, 'router', 'ip route')).stdout;
    const r = await run(route, 'router', 'route frob');
    expect([r.stdout, r.exitCode, r.stderr.split('\n')[0]]).toEqual(['', 3, 'Usage: route [-nNvee] [-FC] [<AF>]           List kernel routing tables']);
    const a = await run(arp, 'router', 'arp -x');
    expect([a.exitCode, a.stderr.split('\n')[0]]).toEqual([3, "arp: invalid option -- 'x'"]);
    const n = await run(netstat, 'router', 'netstat -ri');
    expect([n.exitCode, n.stderr.split('\n')[0]]).toEqual([3, 'usage: netstat [-vWeenNcCF] [<Af>] -r         netstat {-V|--version|-h|--help}']);
    expect((await run(arp, 'router', 'arp nosuchhost')).stderr).toBe('nosuchhost: Unknown host\n');
    expect((await run(ip, 'router', 'ip route')).stdout).toBe(before);
  });
});
