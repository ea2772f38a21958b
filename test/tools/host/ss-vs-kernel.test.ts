// ss against iproute2 6.1's ss: the sockets of a lab VM's root namespace (its daemons: sshd and systemd
// holding ssh.socket, systemd-resolved, systemd-networkd, Apache or the Kubernetes and Cilium programs)
// are rebuilt in a real network namespace and a new PID namespace — the same families, IPV6_V6ONLY,
// SO_BINDTODEVICE, SO_REUSEPORT, backlogs and addresses, held by processes with the same comm at the same
// fds, the one owning ssh.socket as PID 1 — and each command's table is compared byte for byte.
// Normalizers: row order (the kernel walks hash tables whose buckets mix in a per-namespace random value),
// PIDs other than 1 (the namespace numbers its own), and trailing spaces of -p rows (whose width follows
// the PIDs' digits); `ss -s` from its per-transport table on (Total and TCP count the whole kernel).

import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIpv4 } from '../../../src/addr/index.js';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import { tcpDiag } from '../../../src/net/tcp/tcp-diag.js';
import { udpDiag } from '../../../src/net/udp-diag.js';
import { ss } from '../../../src/tools/host/ss.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { deleteRealNetns, hasCommand, netnsSkipReason, PREFIX, realNetns, realRun } from '../ip/real-netns.js';

const skip = netnsSkipReason() ?? (hasCommand('ss') && hasCommand('python3') && hasCommand('unshare') ? undefined : 'ss, python3 or unshare not installed');
const COMMANDS = ['ss -tulnp', 'ss -tlnp', 'ss -ulnp', 'ss -tln', 'ss -tl', 'ss -ul', 'ss -tlnp4', 'ss -tlnp6', 'ss -lnp -6', 'ss -uanp', 'ss -ta', 'ss -t state listening', 'ss -s'];

interface MirrorSocket {
  readonly id: number;
  readonly proto: 'tcp' | 'udp';
  readonly family: 'inet' | 'inet6';
  readonly addr: string;
  readonly port: number;
  readonly v6only: boolean;
  readonly dev: string;
  readonly reuseport: boolean;
  readonly backlog: number;
}

interface MirrorTask {
  readonly comm: string;
  readonly isInit: boolean;
  readonly fds: ReadonlyArray<readonly [number, number]>;
}

/** The emulated VM's sockets and the tasks holding them, as the Python side rebuilds them. */
function mirrorOf(lab: Lab, host: string): { sockets: MirrorSocket[]; tasks: MirrorTask[]; devices: Array<[string, string]> } {
  const m = lab.machine(host);
  const ns = m.root;
  const ids = new Map<object, number>();
  const sockets: MirrorSocket[] = [];
  const devices = new Map<string, string>();
  const add = (sock: object, proto: 'tcp' | 'udp', d: { localAddr: number; localPort: number; binding: { family: 'inet' | 'inet6'; isV6Only: boolean; boundIfindex: number; isReuseport: boolean } }, backlog: number) => {
    const addr = d.binding.family === 'inet6' ? '::' : formatIpv4(d.localAddr as never);
    if (d.localAddr !== 0 && !addr.startsWith('127.')) {
      const dev = [...ns.devices.values()].find((x) => x.addrs.some((a) => a.local === d.localAddr));
      if (dev) devices.set(dev.name, `${addr}/${dev.addrs.find((a) => a.local === d.localAddr)?.prefixLen ?? 32}`);
    }
    const dev = d.binding.boundIfindex ? (ns.devices.get(d.binding.boundIfindex)?.name ?? '') : '';
    ids.set(sock, sockets.length);
    sockets.push({ id: sockets.length, proto, family: d.binding.family, addr, port: d.localPort, v6only: d.binding.isV6Only, dev, reuseport: d.binding.isReuseport, backlog });
  };
  for (const d of tcpDiag(ns)) if (d.state === 'LISTEN') add(d.socket, 'tcp', d, d.sendQ);
  for (const f of ['inet', 'inet6'] as const) for (const d of udpDiag(ns, f)) add(d.socket, 'udp', d, 0);
  const tasks = [...m.tasks.values()].map((t) => ({
    comm: t.comm,
    isInit: t.pid === 1,
    fds: [...t.fds].flatMap(([fd, sock]) => (ids.has(sock) ? [[fd, ids.get(sock) ?? -1] as const] : [])),
  }));
  return { sockets, tasks, devices: [...devices] };
}

/** PID 1 (comm of the init task) builds every socket, forks one process per other task, and runs ss. */
const PYTHON = `
import ctypes, fcntl, json, os, signal, socket, subprocess, sys
spec = json.loads(sys.argv[1])
libc = ctypes.CDLL(None)
high = {}
for s in spec['sockets']:
    fam = socket.AF_INET6 if s['family'] == 'inet6' else socket.AF_INET
    k = socket.socket(fam, socket.SOCK_STREAM if s['proto'] == 'tcp' else socket.SOCK_DGRAM)
    k.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    if s['reuseport']: k.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    if fam == socket.AF_INET6: k.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1 if s['v6only'] else 0)
    if s['dev']: k.setsockopt(socket.SOL_SOCKET, socket.SO_BINDTODEVICE, s['dev'].encode())
    k.bind((s['addr'], s['port']))
    if s['proto'] == 'tcp': k.listen(s['backlog'])
    high[s['id']] = fcntl.fcntl(k.fileno(), fcntl.F_DUPFD, 700 + s['id'])
    k.close()
# The readiness pipe sits above the fds the tasks take over (dup2 onto 3 or 4 would close it).
_r, _w = os.pipe()
ready_r, ready_w = fcntl.fcntl(_r, fcntl.F_DUPFD, 900), fcntl.fcntl(_w, fcntl.F_DUPFD, 900)
os.close(_r); os.close(_w)
def become(task, extra):
    libc.prctl(15, task['comm'].encode(), 0, 0, 0)
    for fd, sid in task['fds']: os.dup2(high[sid], fd, inheritable=False)
    keep = {fd for fd, _ in task['fds']} | {0, 1, 2} | extra
    for fd in [int(x) for x in os.listdir('/proc/self/fd')]:
        if fd not in keep:
            try: os.close(fd)
            except OSError: pass
children = []
for t in spec['tasks']:
    if t['isInit']: continue
    pid = os.fork()
    if pid == 0:
        become(t, {ready_w})
        os.write(ready_w, b'.')
        os.close(ready_w)
        signal.pause()
        os._exit(0)
    children.append(pid)
init = [t for t in spec['tasks'] if t['isInit']]
become(init[0] if init else {'comm': 'init', 'fds': []}, {ready_r, ready_w})
os.close(ready_w)
got = 0
while got < len(children):
    b = os.read(ready_r, 64)
    if not b: break
    got += len(b)
os.close(ready_r)
res = {c: subprocess.run(c.split(), capture_output=True, text=True).stdout for c in spec['commands']}
sys.stdout.write(json.dumps(res))
sys.stdout.flush()
for pid in children: os.kill(pid, signal.SIGKILL)
`;

function realOutputs(ns: string, mirror: ReturnType<typeof mirrorOf>): Record<string, string> {
  // A veth pair per NIC (this kernel may lack the dummy driver); the peer only gives it a carrier.
  for (const [i, [dev, cidr]] of mirror.devices.entries()) {
    realRun(ns, ['ip', 'link', 'add', dev, 'type', 'veth', 'peer', 'name', `peer${i}`]);
    realRun(ns, ['ip', 'addr', 'add', cidr, 'dev', dev]);
    for (const d of [dev, `peer${i}`]) realRun(ns, ['ip', 'link', 'set', d, 'up']);
  }
  const spec = JSON.stringify({ ...mirror, commands: COMMANDS });
  const r = spawnSync('ip', ['netns', 'exec', ns, 'unshare', '--pid', '--fork', '--mount-proc', 'python3', '-c', PYTHON, spec], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`python: ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, string>;
}

/** Rows sorted under the header; PIDs but 1 as N and, with -p, no trailing spaces; ss -s from its table on. */
function normalise(command: string, text: string): string {
  if (command === 'ss -s') return text.slice(text.indexOf('Transport'));
  const [head = '', ...body] = text.split('\n');
  const rows = body.filter((l) => l !== '').map((l) => l.replace(/pid=(?!1,)\d+/g, 'pid=N'));
  const tidy = (l: string) => (command.includes('p') ? l.trimEnd() : l);
  return [tidy(head), ...rows.map(tidy).sort()].join('\n');
}

describe.skipIf(skip !== undefined)(`ss vs the real ss ${skip ? `(skipped: ${skip})` : ''}`, () => {
  let lab: Lab;
  const real = new Map<string, Record<string, string>>();
  const hosts = ['router', 'k8s-ctr', 'k8s-w0'];

  beforeAll(() => {
    lab = buildLab(loadDefaultLab(), { seed: 2 });
    for (const host of hosts) real.set(host, realOutputs(realNetns(`ss-${host}`), mirrorOf(lab, host)));
  }, 120_000);

  afterAll(() => deleteRealNetns(hosts.map((h) => `${PREFIX}-ss-${h}`)));

  it.each(hosts.flatMap((h) => COMMANDS.map((c) => [h, c] as const)))('%s: %s', async (host, line) => {
    const emu = await runTool(lab, ss, hostOf(lab, host), line.split(' '));
    expect(normalise(line, emu.stdout)).toBe(normalise(line, real.get(host)?.[line] ?? ''));
    expect(emu.exitCode).toBe(0);
  });
});
