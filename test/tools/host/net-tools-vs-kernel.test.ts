// route, arp and netstat against net-tools 2.10 in real namespaces: the same veths, addresses, routes (gateway,
// /32, blackhole, unreachable, prohibit, link-local) and neighbours (PERMANENT, STALE, INCOMPLETE, FAILED,
// NOARP) made by the same `ip` commands, the same listening sockets held by processes with the same argv[0];
// /etc/hosts, networks and nsswitch.conf given to both (ip netns exec mounts /etc/netns/NAME). Normalizers:
// the order of arp's and netstat's rows (the kernel's neighbour and socket hashes are seeded per namespace).

import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseIpv4 } from '../../../src/addr/index.js';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { Task } from '../../../src/net/task.js';
import { TcpSocket } from '../../../src/net/tcp/tcp-socket.js';
import { UdpSocket } from '../../../src/net/udp-socket.js';
import { arp } from '../../../src/tools/host/arp.js';
import { netstat } from '../../../src/tools/host/netstat.js';
import { route } from '../../../src/tools/host/route.js';
import { ip } from '../../../src/tools/ip/ip.js';
import { commands as netClients } from '../../../src/tools/net-clients/index.js';
import type { ExecHost, Tool } from '../../../src/tools/process.js';
import { deleteRealNetns, emulatedNetns, emuRun, hasCommand, netnsSkipReason, PREFIX, realNetns, realRun } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (['route', 'arp', 'netstat', 'python3', 'unshare'].every(hasCommand) ? undefined : 'net-tools, python3 or unshare not installed');
const NODE = `${PREFIX}-ntnode`;
const PEER = `${PREFIX}-ntpeer`;
const FILES: Record<string, string> = {
  hosts: '127.0.0.1 localhost\n192.168.10.100 k8s-ctr\n192.168.10.200 router\n192.168.10.101 k8s-w1\n',
  networks: 'link-local 169.254.0.0\n',
  'nsswitch.conf': 'hosts: files\nnetworks: files\nservices: files\n',
  'resolv.conf': 'nameserver 127.0.0.1\n',
};

const SETUP = [
  'ip link add eth1 type veth peer name peer1 netns {PEER}',
  'ip -n {PEER} link set peer1 up',
  'ip link set eth1 up',
  'ip addr add 192.168.10.100/24 brd + dev eth1',
  'ip route add default via 192.168.10.200 dev eth1 metric 100',
  'ip route add 10.0.2.2 dev eth1 metric 100',
  'ip route add 172.20.2.0/24 via 192.168.10.101',
  'ip route add 172.20.0.0/16 via 192.168.10.200 metric 5',
  'ip route add blackhole 10.9.0.0/16',
  'ip route add unreachable 10.8.0.0/16',
  'ip route add prohibit 10.7.7.7',
  'ip route add 169.254.0.0/16 dev eth1',
  'ip neigh add 192.168.10.200 lladdr 02:00:00:00:00:01 dev eth1 nud permanent',
  'ip neigh add 192.168.10.101 lladdr 02:00:00:00:00:02 dev eth1 nud stale',
  'ip neigh add 192.168.10.103 lladdr 02:00:00:00:00:03 dev eth1 nud noarp',
];

/** Listening sockets: [proto, family, address, port, argv0 of the holder]. */
const SOCKETS = [
  ['tcp', 'inet', '0.0.0.0', 22, '/sbin/init'],
  ['tcp', 'inet', '127.0.0.1', 10248, '/usr/bin/kubelet'],
  ['tcp', 'inet', '192.168.10.100', 2379, 'etcd'],
  ['tcp', 'inet6', '::', 6443, 'kube-apiserver'],
  ['udp', 'inet', '127.0.0.1', 53, '/usr/lib/systemd/systemd-resolved'],
  ['udp', 'inet', '0.0.0.0', 8472, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups'],
] as const;

/** Each socket made, then held by a `sleep` exec'd with its argv[0], in order (PIDs rise with it). */
const PYTHON = `
import json, os, socket, subprocess, sys, time
spec = json.loads(sys.argv[1])
pids = []
for proto, fam, addr, port, argv0 in spec['sockets']:
    k = socket.socket(socket.AF_INET6 if fam == 'inet6' else socket.AF_INET, socket.SOCK_STREAM if proto == 'tcp' else socket.SOCK_DGRAM)
    k.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if fam == 'inet6': k.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 0)
    k.bind((addr, port))
    if proto == 'tcp': k.listen(16)
    pid = os.fork()
    if pid == 0:
        if k.fileno() != 3: os.dup2(k.fileno(), 3)
        os.set_inheritable(3, True)
        os.execvp('sleep', [argv0, '30'])
    k.close()
    pids.append(pid)
time.sleep(0.3)
out = {c: subprocess.run(c.split(), capture_output=True, text=True) for c in spec['commands']}
sys.stdout.write(json.dumps({'pids': pids, 'out': {c: [r.stdout, r.stderr, r.returncode] for c, r in out.items()}}))
for pid in pids: os.kill(pid, 9)
`;
const SOCKET_COMMANDS = ['netstat -tulnp', 'netstat -tlnp', 'netstat -ulnp', 'netstat -tln', 'netstat -lnp -4', 'netstat -tl', 'netstat -an', 'netstat -tn'];

const ping = netClients['ping'] as Tool;
const cmd = (line: string) => line.replaceAll('{PEER}', PEER).split(' ');
/** Each run of rows sorted below its headers (arp's "Address ...", netstat's "Active ..." and "Proto ..."). */
const sortRows = (s: string) => {
  const out: string[] = [];
  let run: string[] = [];
  for (const l of s.split('\n')) {
    if (/^(Address|Active|Proto) /.test(l)) {
      out.push(...run.sort(), l);
      run = [];
    } else run.push(l);
  }
  return [...out, ...run.sort()].join('\n');
};

describe.skipIf(skip !== undefined)(`route, arp and netstat vs net-tools ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  let host: ExecHost;
  let sockets: Record<string, [string, string, number]> = {};
  const both = async (tool: Tool, line: string) => ({ real: realRun(NODE, cmd(line)), emu: await emuRun(lab, tool, host, cmd(line)) });

  beforeAll(async () => {
    lab = buildLab(loadDefaultLab(), { seed: 5 });
    realNetns('ntnode');
    realNetns('ntpeer');
    mkdirSync(`/etc/netns/${NODE}`, { recursive: true });
    for (const [f, text] of Object.entries(FILES)) writeFileSync(`/etc/netns/${NODE}/${f}`, text);
    const node = emulatedNetns(lab, 'k8s-ctr', NODE);
    host = { ...node.host, readFile: (p) => FILES[p.replace('/etc/', '')] };
    emulatedNetns(lab, 'k8s-ctr', PEER);
    for (const line of SETUP) {
      const { real, emu } = await both(ip, line);
      expect({ line, ...emu }).toEqual({ line, ...real });
    }
    // An unanswered ARP (INCOMPLETE, then FAILED) on both sides: a neighbour nobody answers for.
    realRun(NODE, cmd('ping -c1 -W1 192.168.10.105'));
    await emuRun(lab, ping, host, cmd('ping -c1 -W1 192.168.10.105'));
    const spec = JSON.stringify({ sockets: SOCKETS, commands: SOCKET_COMMANDS });
    const r = spawnSync('ip', ['netns', 'exec', NODE, 'unshare', '--pid', '--fork', '--mount-proc', 'python3', '-c', PYTHON, spec], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`python: ${r.stderr}`);
    const res = JSON.parse(r.stdout) as { pids: number[]; out: typeof sockets };
    sockets = res.out;
    // The same sockets here, held by tasks with the real holders' PIDs (free on the emulated machine).
    const tasks = lab.machine('k8s-ctr').tasks;
    for (const [i, [proto, family, addr, port, argv0]] of SOCKETS.entries()) {
      const a = parseIpv4(addr === '::' ? '0.0.0.0' : addr) ?? 0;
      const s = proto === 'tcp' ? TcpSocket.listen(node.ns, a as never, port, 16, { family }) : new UdpSocket(node.ns);
      if (s instanceof UdpSocket) s.bind(a as never, port, {});
      const pid = res.pids[i] ?? 0;
      expect(tasks.has(pid)).toBe(false);
      const task = new Task(pid, argv0.split(/[ /]/).pop() ?? '', 3, argv0);
      tasks.set(pid, task);
      task.installFd(s as object, 3);
    }
  }, 60_000);

  afterAll(() => {
    deleteRealNetns([NODE, PEER]);
    rmSync(`/etc/netns/${NODE}`, { recursive: true, force: true });
  });

  it.each(['route', 'route -n', 'route -e', 'route -ne', 'route -nee', 'route -neee', 'route -C', 'route -x', 'route foo', 'route -A', 'route --bogus', 'route -h'])('%s', async (line) => {
    const { real, emu } = await both(route, line);
    expect(emu).toEqual(real);
  });

  it.each(['netstat -rn', 'netstat -r', 'netstat -rne', 'netstat -rnee', 'netstat -y', 'netstat -ri', 'netstat --bogus'])('%s', async (line) => {
    const { real, emu } = await both(netstat, line);
    expect(emu).toEqual(real);
  });

  it.each(['arp', 'arp -n', 'arp -a', 'arp -an', 'arp -n -i eth1', 'arp -n -i lo', 'arp -n 192.168.10.200', 'arp -n 192.168.10.9', 'arp -an 192.168.10.9', 'arp router', 'arp -v -n', 'arp nosuchhost', 'arp -x', 'arp -i'])('%s', async (line) => {
    const { real, emu } = await both(arp, line);
    expect({ ...emu, stdout: sortRows(emu.stdout) }).toEqual({ ...real, stdout: sortRows(real.stdout) });
  });

  it.each(SOCKET_COMMANDS)('%s', async (line) => {
    const [stdout = '', stderr = '', exitCode = -1] = sockets[line] ?? [];
    const emu = await emuRun(lab, netstat, host, cmd(line));
    expect({ ...emu, stdout: sortRows(emu.stdout) }).toEqual({ stdout: sortRows(stdout), stderr, exitCode });
  });
});
