// ifconfig and sysctl against net-tools 2.10 and procps-ng 4.0 in a real namespace: the same devices,
// addresses and counters (MACs and RX/TX counters copied from the real devices), then every command's
// stdout, stderr and status compared; a failed write leaves the value unchanged. Normalizers: none.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { ifconfig } from '../../../src/tools/host/ifconfig.js';
import { sysctl } from '../../../src/tools/host/sysctl.js';
import { ip } from '../../../src/tools/ip/ip.js';
import type { ExecHost, Tool } from '../../../src/tools/process.js';
import { deleteRealNetns, emulatedNetns, emuRun, hasCommand, PREFIX, netnsSkipReason, realMacs, realNetns, realRun } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (hasCommand('ifconfig') && hasCommand('sysctl') ? undefined : 'ifconfig or sysctl not installed');
const NODE = `${PREFIX}-hnode`;
const PEER = `${PREFIX}-hpeer`;

const SETUP = [
  'ip link add eth1 type veth peer name peer1 netns {PEER}',
  'ip -n {PEER} link set peer1 up',
  'ip link set eth1 up',
  'ip addr add 192.168.10.100/24 brd + dev eth1',
  'ip link add cilium_net type veth peer name cilium_host',
  'ip link set cilium_host arp off',
  'ip link set cilium_host up',
  'ip link set cilium_net up',
  'ip addr add 172.20.0.172/32 dev cilium_host',
  'ip link add lxc9 type veth peer name lxc9p',
  'ip addr add 10.9.9.9/24 dev lxc9',
];

const cmd = (line: string) => line.replaceAll('{PEER}', PEER).split(' ');

interface RealStats {
  ifname: string;
  stats64: { rx: { bytes: number; packets: number; dropped: number; errors: number }; tx: { bytes: number; packets: number; dropped: number; errors: number } };
}

describe.skipIf(skip !== undefined)(`ifconfig and sysctl vs the real tools ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;
  let node: ReturnType<typeof emulatedNetns>;
  const both = async (tool: Tool, line: string) => ({ real: realRun(NODE, cmd(line)), emu: await emuRun(lab, tool, host, cmd(line)) });

  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 5 });
    realNetns('hnode');
    realNetns('hpeer');
    node = emulatedNetns(lab, 'k8s-ctr', NODE);
    host = node.host;
    emulatedNetns(lab, 'k8s-ctr', PEER);
    for (const line of SETUP) {
      const { real, emu } = await both(ip, line);
      expect({ line, ...emu }).toEqual({ line, ...real });
    }
    for (const [dev, mac] of realMacs(NODE)) if (dev !== 'lo') await emuRun(lab, ip, host, cmd(`ip link set ${dev} address ${mac}`));
  }, 60_000);

  afterAll(() => deleteRealNetns([NODE, PEER]));

  const realStats = () => JSON.parse(realRun(NODE, ['ip', '-j', '-s', 'link']).stdout) as RealStats[];

  /** The real devices' counters (IPv6 multicast reports tick them) copied onto the emulated ones. */
  const syncStats = (stats = realStats()) => {
    for (const s of stats) {
      const d = node.ns.dev(s.ifname);
      if (!d) continue;
      Object.assign(d.stats, { rxBytes: s.stats64.rx.bytes, rxPackets: s.stats64.rx.packets, rxDropped: s.stats64.rx.dropped, rxErrors: s.stats64.rx.errors, txBytes: s.stats64.tx.bytes, txPackets: s.stats64.tx.packets, txDropped: s.stats64.tx.dropped, txErrors: s.stats64.tx.errors });
    }
  };

  it.each(['ifconfig', 'ifconfig -a', 'ifconfig -s', 'ifconfig -a -s', 'ifconfig eth1', 'ifconfig lo', 'ifconfig lxc9', 'ifconfig eth9', 'ifconfig -x'])('%s', async (line) => {
    // The kernel's own IPv6 traffic (router solicitations, MLD reports) may tick a counter while the real
    // ifconfig runs: take a run whose counters did not move between the snapshot before and after it.
    let real = realRun(NODE, cmd(line));
    for (let i = 0; i < 5; i++) {
      const before = realStats();
      real = realRun(NODE, cmd(line));
      if (JSON.stringify(realStats()) === JSON.stringify(before)) {
        syncStats(before);
        break;
      }
    }
    expect(await emuRun(lab, ifconfig, host, cmd(line))).toEqual(real);
  });

  it.each([
    'sysctl net.ipv4.ip_forward',
    'sysctl -n net.ipv4.ip_forward',
    'sysctl net.ipv4.ip_forward net.ipv4.tcp_sack',
    'sysctl net/ipv4/ip_local_port_range',
    'sysctl net.ipv4.conf.eth1.forwarding',
    'sysctl foo.bar',
    'sysctl -w net.ipv4.ip_forward',
    'sysctl net.ipv4.ip_forward=abc',
    'sysctl',
    'sysctl -e foo.bar',
    'sysctl -p /nonexistent.conf',
    'sysctl -w net.ipv4.ip_forward=1',
    'sysctl net.ipv4.conf.eth1.forwarding net.ipv4.conf.all.forwarding',
    'sysctl -q -w net.ipv4.ip_forward=0',
    'sysctl net.ipv4.ip_forward',
    // proc_dointvec keeps the integer it parsed (2, -1, 07 as 7, 0x1 as 1), copied to every device.
    'sysctl -w net.ipv4.ip_forward=2',
    'sysctl net.ipv4.ip_forward net.ipv4.conf.all.forwarding net.ipv4.conf.eth1.forwarding',
    'sysctl -w net.ipv4.ip_forward=07',
    'sysctl net.ipv4.conf.default.forwarding',
    'sysctl -w net.ipv4.ip_forward=0x1',
    'sysctl net.ipv4.ip_forward',
    'sysctl -w net.ipv4.ip_forward=-1',
    'sysctl -w net.ipv4.ip_forward=08',
    'sysctl -w net.ipv4.ip_forward=+1',
    'sysctl -w net.ipv4.ip_forward=010',
    'sysctl net.ipv4.ip_forward',
    'sysctl net.ipv4.conf.lo.forwarding',
    'sysctl -q -w net.ipv4.ip_forward=0',
  ])('%s', async (line) => {
    const { real, emu } = await both(sysctl, line);
    expect(emu).toEqual(real);
  });

  // A new device copies `default` as it is when the device registers; later writes to `default` leave it.
  it.each([
    'sysctl -w net.ipv4.conf.default.rp_filter=1',
    'ip link add cow0 type veth peer name cow0p',
    'sysctl net.ipv4.conf.cow0.rp_filter net.ipv4.conf.cow0p.rp_filter',
    'sysctl -w net.ipv4.conf.default.rp_filter=0',
    'sysctl net.ipv4.conf.cow0.rp_filter net.ipv4.conf.default.rp_filter',
    'ip link del cow0',
    'sysctl net.ipv4.conf.cow0.rp_filter',
    'ip link add cow1 type veth peer name cow1p',
    'sysctl net.ipv4.conf.cow1.rp_filter net.ipv4.conf.cow1.forwarding',
    'ip link del cow1',
  ])('%s', async (line) => {
    const { real, emu } = await both(line.startsWith('ip ') ? ip : sysctl, line);
    expect(emu).toEqual(real);
  });
});
