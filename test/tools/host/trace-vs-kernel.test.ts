// tracepath (iputils) and traceroute (2.1) against the real tools across a real router: namespaces a - r - b
// built with the same `ip` commands on both sides, r forwarding; then the printed hops, marks, Resume line
// and exit status compared, with ICMP rate limiting off on both sides. Normalizers: RTTs as <rtt>. Paths
// that end in "net unreachable" are left out: the kernel rate-limits those (ip_error) regardless of sysctls.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { tracepath } from '../../../src/tools/host/tracepath.js';
import { traceroute } from '../../../src/tools/host/traceroute.js';
import { ip } from '../../../src/tools/ip/ip.js';
import type { ExecHost } from '../../../src/tools/process.js';
import { deleteRealNetns, emulatedNetns, emuRun, hasCommand, PREFIX, netnsSkipReason, realNetns, realRun } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (hasCommand('tracepath') && hasCommand('traceroute') ? undefined : 'tracepath or traceroute not installed');
const A = `${PREFIX}-ta`;
const R = `${PREFIX}-tr`;
const B = `${PREFIX}-tb`;

const SETUP = [
  'ip link add eth1 type veth peer name eth1 netns {R}',
  'ip -n {R} link add eth2 type veth peer name eth1 netns {B}',
  'ip addr add 192.168.10.100/24 dev eth1',
  'ip link set eth1 up',
  'ip -n {R} addr add 192.168.10.200/24 dev eth1',
  'ip -n {R} addr add 192.168.20.200/24 dev eth2',
  'ip -n {R} link set eth1 up',
  'ip -n {R} link set eth2 up',
  'ip -n {B} addr add 192.168.20.100/24 dev eth1',
  'ip -n {B} link set eth1 up',
  'ip route add 192.168.20.0/24 via 192.168.10.200 dev eth1',
  'ip route add 172.20.0.0/16 via 192.168.10.200 dev eth1',
  'ip -n {B} route add 192.168.10.0/24 via 192.168.20.200 dev eth1',
];

const cmd = (line: string) => line.replaceAll('{R}', R).replaceAll('{B}', B).split(' ');
const rtt = (s: string) => s.replace(/ +\d+\.\d+ms/g, ' <rtt>ms').replace(/ {2}\d+\.\d+ ms/g, '  <rtt> ms');

describe.skipIf(skip !== undefined)(`tracepath and traceroute vs the real tools ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;

  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 9 });
    for (const n of ['ta', 'tr', 'tb']) realNetns(n);
    host = emulatedNetns(lab, 'router', A).host;
    const r = emulatedNetns(lab, 'router', R);
    const b = emulatedNetns(lab, 'router', B);
    for (const line of SETUP) {
      const real = realRun(A, cmd(line));
      const emu = await emuRun(lab, ip, host, cmd(line));
      expect({ line, ...emu }).toEqual({ line, ...real });
    }
    // ICMP rate limiting off on both routers: the real clock runs between tests, the virtual one does not.
    for (const [k, v] of [['net.ipv4.ip_forward', '1'], ['net.ipv4.icmp_ratelimit', '0']] as const) {
      realRun(R, ['sysctl', '-qw', `${k}=${v}`]);
      realRun(B, ['sysctl', '-qw', `${k}=${v}`]);
      r.ns.sysctl.set(k, v);
      b.ns.sysctl.set(k, v);
    }
  }, 60_000);

  afterAll(() => deleteRealNetns([A, R, B]));

  it.each([
    ['tracepath -n 192.168.20.100', tracepath],
    ['tracepath -n 192.168.10.200', tracepath],
    ['tracepath', tracepath],
    ['traceroute -n -N 1 192.168.20.100', traceroute],
    ['traceroute -n -N 1 -q 1 192.168.10.200', traceroute],
    ['traceroute -n nosuchhost', traceroute],
    ['traceroute nosuchhost', traceroute],
    ['traceroute -n -N 1 --max-hops=1 192.168.20.100', traceroute],
    ['traceroute -nN 1 -m0x2 192.168.20.100', traceroute],
    ['traceroute -nN1 -m0x2 192.168.20.100', traceroute],
    // Bad input: clif's option errors and main()'s range checks (stderr, exit 2).
    ...[
      '-m 0 192.168.20.100', '-m 256 192.168.20.100', '-m -1 192.168.20.100', '-f 0 192.168.20.100', '-f 5 -m 3 192.168.20.100',
      '-q 11 192.168.20.100', '-q 0 192.168.20.100', '-m abc 192.168.20.100', '-mabc 192.168.20.100', '--max-hops=abc 192.168.20.100',
      '-w abc 192.168.20.100', '-w 1,-2 192.168.20.100', '-x 192.168.20.100', '-nx 192.168.20.100', '--bogus 192.168.20.100', '-m', '--max-hops',
      '-n', '192.168.20.100 abc', '192.168.20.100 99999', '192.168.20.100 60 70',
    ].map((args) => [`traceroute ${args}`, traceroute] as const),
  ] as const)('%s', async (line, tool) => {
    const real = realRun(A, cmd(line));
    const emu = await emuRun(lab, tool, host, cmd(line));
    expect({ ...emu, stdout: rtt(emu.stdout) }).toEqual({ ...real, stdout: rtt(real.stdout) });
  }, 60_000);
});
