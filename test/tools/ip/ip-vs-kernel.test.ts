// `ip` against the real iproute2 6.1 and kernel: the same commands build a Cilium-node-like namespace (a veth
// standing in for eth1, the cilium_host/cilium_net pair, an lxc veth to a pod namespace, cilium_vxlan, the
// routes Cilium and netplan install) in a real namespace and in an emulated one, and every command's stdout,
// stderr and exit status must match. Normalizers: MACs copied from the real devices; NORMALIZE.loopbackV6Flags.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { ip } from '../../../src/tools/ip/ip.js';
import type { ExecHost } from '../../../src/tools/process.js';
import { deleteRealNetns, emulatedNetns, emuRun, NORMALIZE, PREFIX, netnsSkipReason, realMacs, realNetns, realRun } from './real-netns.js';

const skip = netnsSkipReason();
const NODE = `${PREFIX}-node`;
const POD = `${PREFIX}-pod`;
const PEER = `${PREFIX}-peer`;

/** Builds the node; `{POD}` and `{PEER}` stand for the namespace names. */
const SETUP = [
  'ip link add cilium_net type veth peer name cilium_host',
  'ip link set cilium_net arp off',
  'ip link set cilium_host arp off',
  'ip link set cilium_net up',
  'ip link set cilium_host up',
  'ip addr add 172.20.0.172/32 dev cilium_host',
  'ip link add eth1 type veth peer name peer1 netns {PEER}',
  'ip -n {PEER} link set peer1 up',
  'ip link set eth1 up',
  'ip addr add 192.168.10.100/24 brd + dev eth1',
  'ip link add lxc1 type veth peer name eth0 netns {POD}',
  'ip link set lxc1 up',
  'ip -n {POD} link set eth0 up',
  'ip -n {POD} addr add 172.20.0.217/32 dev eth0',
  'ip -n {POD} route add 172.20.0.172 dev eth0 scope link',
  'ip -n {POD} route add default via 172.20.0.172 dev eth0 mtu 1450',
  'ip link add cilium_vxlan type vxlan external dstport 8472',
  'ip link set cilium_vxlan up',
  'ip route add 10.10.0.0/16 via 192.168.10.200 dev eth1 proto static',
  'ip route add 172.20.0.0/16 via 192.168.10.200 dev eth1 proto static',
  'ip route add 172.20.0.0/24 via 172.20.0.172 dev cilium_host proto kernel src 172.20.0.172',
  'ip route add 172.20.0.172 dev cilium_host proto kernel scope link',
  'ip route add 172.20.1.0/24 via 172.20.0.172 dev cilium_host proto kernel src 172.20.0.172 mtu 1450',
  'ip route add 172.20.2.0/24 via 192.168.10.101 dev eth1 proto kernel',
  'ip route add default via 192.168.10.200 dev eth1 metric 100',
  'ip route add 172.20.0.217 dev lxc1 scope link',
];

const SHOW = [
  'ip a',
  'ip addr show dev eth1',
  'ip -4 a',
  'ip -4 -o a',
  'ip -o a',
  'ip -br a',
  'ip -br -4 a',
  'ip -br -c a',
  'ip -c a',
  'ip -c=never a',
  'ip -br link',
  'ip -br -c link',
  'ip link',
  'ip -o link',
  'ip link show cilium_vxlan',
  'ip -d link show cilium_vxlan',
  'ip -d link show lo',
  'ip -d link show cilium_host',
  'ip -d link show lxc1',
  'ip -j -d link show cilium_vxlan',
  'ip -j a',
  'ip -j -p link show eth1',
  'ip -j -p addr show dev cilium_host',
  'ip -s link show lo',
  'ip -s -s link show lo',
  'ip -j -s -s link show lo',
  'ip -s a show lo',
  'ip link show type veth',
  'ip a show up',
  'ip a show scope link',
  'ip a show to 192.168.10.0/24',
  'ip route',
  'ip r',
  'ip -c route',
  'ip -c route show',
  'ip -j route',
  'ip -j -p route',
  'ip -d route',
  'ip route show table local',
  'ip route show table main',
  'ip route show dev eth1',
  'ip route show 172.20.0.0/16',
  'ip route show 172.20.0.172',
  'ip route show root 172.20.0.0/16',
  'ip route show match 172.20.1.5',
  'ip route show proto kernel',
  'ip route show scope link',
  'ip route show via 192.168.10.200',
  'ip route show default',
  'ip route show type local table local',
  'ip route get 172.20.1.10',
  'ip route get 172.20.2.10',
  'ip route get 10.10.1.200',
  'ip route get 172.20.0.172',
  'ip route get 127.0.0.1',
  'ip route get 192.168.10.5',
  'ip route get fibmatch 172.20.1.10',
  'ip -j route get 172.20.1.10',
  'ip -j route get 172.20.0.172',
  'ip -c route get 172.20.1.10',
  'ip route get 172.20.1.10 from 192.168.10.100',
  'ip rule',
  'ip rule show',
  'ip -j rule',
  'ip neigh',
  'ip -n {POD} a',
  'ip -n {POD} route',
  'ip -n {POD} -d link',
  'ip -n {POD} route get 172.20.1.224',
];

const cmd = (line: string) => line.replaceAll('{POD}', POD).replaceAll('{PEER}', PEER).split(' ');

describe.skipIf(skip !== undefined)(`ip vs the real iproute2 ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;

  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 7 });
    for (const n of ['node', 'pod', 'peer']) realNetns(n);
    const node = emulatedNetns(lab, 'k8s-ctr', NODE);
    emulatedNetns(lab, 'k8s-ctr', POD);
    emulatedNetns(lab, 'k8s-ctr', PEER);
    host = node.host;
    for (const line of SETUP) {
      const real = realRun(NODE, cmd(line));
      const emu = await emuRun(lab, ip, host, cmd(line));
      expect({ line, ...emu }).toEqual({ line, ...real });
    }
    for (const [ns, sfx] of [[NODE, ''], [POD, '-n {POD} '], [PEER, '-n {PEER} ']] as const) {
      for (const [dev, mac] of realMacs(ns)) if (dev !== 'lo') await emuRun(lab, ip, host, cmd(`ip ${sfx}link set ${dev} address ${mac}`));
    }
  }, 60_000);

  afterAll(() => deleteRealNetns([NODE, POD, PEER]));

  it.each(SHOW)('%s', async (line) => {
    const real = realRun(NODE, cmd(line));
    const emu = await emuRun(lab, ip, host, cmd(line));
    const norm = (s: string) => NORMALIZE.loopbackV6Flags(s);
    expect({ stdout: norm(emu.stdout), stderr: emu.stderr, exitCode: emu.exitCode }).toEqual({ stdout: norm(real.stdout), stderr: real.stderr, exitCode: real.exitCode });
  });
});
