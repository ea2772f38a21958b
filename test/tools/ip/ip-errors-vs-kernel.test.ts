// Bad input to `ip` against the real iproute2 6.1 and kernel: each command fails with the same message and
// exit status on both sides, and leaves the namespace as it was (addresses, links and routes listed before
// and after are identical). Modifications that succeed are compared too. Normalizers: none.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { ip } from '../../../src/tools/ip/ip.js';
import type { ExecHost } from '../../../src/tools/process.js';
import { deleteRealNetns, emulatedNetns, emuRun, PREFIX, netnsSkipReason, realMacs, realNetns, realRun } from './real-netns.js';

const skip = netnsSkipReason();
const NODE = `${PREFIX}-errnode`;
const PEER = `${PREFIX}-errpeer`;

const SETUP = [
  'ip link add eth1 type veth peer name peer1 netns {PEER}',
  'ip -n {PEER} link set peer1 up',
  'ip link set eth1 up',
  'ip addr add 192.168.10.100/24 brd + dev eth1',
  'ip route add 172.20.0.0/16 via 192.168.10.200 dev eth1 proto static',
];

const BAD = [
  'ip foo',
  'ip -foo a',
  'ip',
  'ip a foo',
  'ip route foo',
  'ip link foo',
  'ip neigh foo',
  'ip route add 1.2.3.4/33 dev eth1',
  'ip route add 1.2.3.4/24 dev eth1',
  'ip route add 1.2.3.0/24 via 9.9.9.9',
  'ip route add 1.2.3.0/24 via 192.168.10.1 dev lo',
  'ip route add 172.20.0.0/16 via 192.168.10.200',
  'ip route add 1.2.3.0/24 dev eth9',
  'ip route add 10.0.0.0/8',
  'ip route add',
  'ip route add 10.0.0.0/8 metric x dev eth1',
  'ip route add 10.0.0.0/8 dev eth1 scope bogus',
  'ip route add 10.0.0.0/8 dev eth1 table bogus',
  'ip route add 10.0.0.0/8 dev eth1 dev eth1 10.1.0.0/16',
  'ip route del 1.2.3.0/24',
  'ip route del 172.20.0.0/16 via 192.168.10.9',
  'ip route change 10.9.0.0/16 dev eth1',
  'ip route get',
  'ip route get 300.1.1.1',
  'ip route get 8.8.8.8 oif eth9',
  'ip route get 172.20.1.5 from 1.1.1.1',
  'ip route get 172.20.1.5 from 192.168.10.100',
  'ip route flush',
  'ip route show table bogus',
  'ip route show dev eth9',
  'ip a show dev eth9',
  'ip a show eth1 eth1',
  'ip addr add 10.9.9.9/24',
  'ip addr add 10.9.9.9/24 dev eth9',
  'ip addr add 192.168.10.100/24 dev eth1',
  'ip addr add 192.168.10.300/24 dev eth1',
  'ip addr del 10.1.1.1/24 dev eth1',
  'ip addr flush',
  'ip link set eth9 up',
  'ip link set dev',
  'ip link set eth1 mtu 70000',
  'ip link set eth1 mtu 10',
  'ip link set eth1 mtu abc',
  'ip link set eth1 address 11:22',
  'ip link set eth1 foo',
  'ip link del eth9',
  'ip link del',
  'ip link add eth1 type veth peer name x1',
  'ip link add x5 type bogus',
  'ip link add vx5 type vxlan dstport 4789',
  'ip link add vx5 type vxlan external id 5 dstport 4789',
  'ip neigh add 192.168.10.9 dev eth9',
  'ip neigh add 192.168.10.9',
  'ip neigh del 192.168.10.9 dev eth1',
  'ip -n nonexistent a',
];

const GOOD = [
  'ip addr add 10.1.1.1/24 dev eth1',
  'ip addr add 10.1.1.2/24 dev eth1',
  'ip -4 a show dev eth1',
  'ip route add 10.5.0.0/16 via 192.168.10.1 mtu 1400',
  'ip route replace 10.5.0.0/16 via 192.168.10.2',
  'ip route append 10.5.0.0/16 dev eth1',
  'ip route add blackhole 10.8.0.0/16',
  'ip route add unreachable 10.7.0.0/16',
  'ip route add 10.4.0.0/16 via 10.3.3.3 dev eth1 onlink',
  'ip route',
  'ip route get 10.8.1.1',
  'ip route get 10.7.1.1',
  'ip route get 8.8.8.8',
  'ip route del 10.5.0.0/16',
  'ip route',
  'ip addr del 10.1.1.1/24 dev eth1',
  'ip -4 a show dev eth1',
  'ip neigh add 192.168.10.9 lladdr 02:00:00:00:00:09 dev eth1',
  'ip neigh',
  'ip neigh add 192.168.10.9 lladdr 02:00:00:00:00:09 dev eth1',
  'ip neigh del 192.168.10.9 dev eth1',
  'ip neigh',
  'ip link set eth1 mtu 1450',
  'ip link show eth1',
  'ip route flush dev eth1',
  'ip route',
  'ip link set eth1 down',
  'ip link show eth1',
  'ip a show dev eth1',
  'ip route',
];

const STATE = ['ip a', 'ip route', 'ip route show table local', 'ip link', 'ip neigh'];

const cmd = (line: string) => line.replaceAll('{PEER}', PEER).split(' ').filter((w) => w !== '');

describe.skipIf(skip !== undefined)(`ip errors and modifications vs the real iproute2 ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;
  const both = async (line: string) => {
    const real = realRun(NODE, cmd(line));
    const emu = await emuRun(lab, ip, host, cmd(line));
    return { real, emu };
  };

  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 3 });
    realNetns('errnode');
    realNetns('errpeer');
    host = emulatedNetns(lab, 'k8s-ctr', NODE).host;
    emulatedNetns(lab, 'k8s-ctr', PEER);
    for (const line of SETUP) {
      const { real, emu } = await both(line);
      expect({ line, ...emu }).toEqual({ line, ...real });
    }
    for (const [dev, mac] of realMacs(NODE)) if (dev !== 'lo') await emuRun(lab, ip, host, cmd(`ip link set ${dev} address ${mac}`));
  }, 60_000);

  afterAll(() => deleteRealNetns([NODE, PEER]));

  it.each(BAD)('%s fails like iproute2 and changes nothing', async (line) => {
    const before = await Promise.all(STATE.map((s) => emuRun(lab, ip, host, cmd(s))));
    const { real, emu } = await both(line);
    expect(emu).toEqual(real);
    const after = await Promise.all(STATE.map((s) => emuRun(lab, ip, host, cmd(s))));
    expect(after).toEqual(before);
  });

  it('modifications print and change what the kernel does', async () => {
    for (const line of GOOD) {
      const { real, emu } = await both(line);
      expect({ line, ...emu }).toEqual({ line, ...real });
    }
  });
});
