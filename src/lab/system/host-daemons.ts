// Layer lab: the daemons of the lab's Ubuntu 24.04 VMs as the sockets `ss -tulnp` shows: systemd-networkd's
// DHCP client on the NAT NIC (10.0.2.15%eth0:68), systemd-resolved's stubs 127.0.0.53%lo:53 and 127.0.0.54:53
// (UDP answered as resolved-stub.ts does, and TCP), ssh.socket (0.0.0.0:22 and [::]:22 held by PID 1 and
// the sshd it started), Apache's three processes where the lab runs it, and on Kubernetes nodes containerd's
// CRI stream server and, once the node joins, the kubelet. hostNetwork pods' programs: host-network-pods.ts.

import { parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import { goError, type GoHandler } from '../../apps/http/go-http-server.js';
import { resolvedStubReply } from '../../apps/dns/resolved-stub.js';
import { bytesOf } from '../../apps/http/http-request.js';
import type { ApiServer } from '../../k8s/index.js';
import type { Machine } from '../../net/machine.js';
import { spawnTask } from '../../net/task.js';
import type { HostSpec, LabSpec } from '../lab-file/index.js';
import { VBOX_NAT } from '../lab-file/index.js';
import { HostDaemon } from './host-daemon.js';
import { watchHostNetworkPods } from './host-network-pods.js';

const ANY = 0 as Ipv4Addr;
const LOOPBACK = parseIpv4('127.0.0.1') ?? ANY;
/** resolved.conf's stub (DNSStubListener) and proxy-only stub (since systemd 247). */
const STUB = parseIpv4('127.0.0.53') ?? ANY;
const PROXY_STUB = parseIpv4('127.0.0.54') ?? ANY;

/** Starts every VM's daemons now (its boot) and the kubelets when their nodes join; watches hostNetwork pods. */
export function startHostDaemons(spec: LabSpec, machines: ReadonlyMap<string, Machine>, api: ApiServer): void {
  const epochMs = spec.clock.startUnixMs;
  for (const h of spec.hosts) {
    const m = machines.get(h.name);
    if (!m) continue;
    startSystemd(m, h, epochMs);
    if (h.role === 'node') HostDaemon.spawn(m, 'containerd', epochMs, 10, '/usr/bin/containerd').listen({ addr: LOOPBACK, port: 0, opts: {} });
    for (const s of h.services) if (s.name === 'apache2') adoptApache(m, s.port);
    const node = spec.kubernetes.nodes.find((n) => n.name === h.name);
    if (node) m.ctx.scheduler.at(Math.max(node.joinedUs, m.ctx.scheduler.nowUs), () => startKubelet(m, epochMs));
  }
  watchHostNetworkPods(spec, machines, api);
}

/** networkd, resolved, and ssh.socket with the sshd the first `vagrant ssh` started. */
function startSystemd(m: Machine, h: HostSpec, epochMs: number): void {
  const networkd = HostDaemon.spawn(m, 'systemd-networkd', epochMs, undefined, '/usr/lib/systemd/systemd-networkd');
  for (const i of h.interfaces) {
    const dev = i.nat ? m.root.dev(i.name) : undefined;
    if (dev) networkd.bindUdp({ addr: VBOX_NAT.address.addr, port: 68, opts: { boundIfindex: dev.ifindex } }, 21);
  }
  const resolved = HostDaemon.spawn(m, 'systemd-resolved', epochMs, undefined, '/usr/lib/systemd/systemd-resolved');
  const lo = m.root.dev('lo')?.ifindex ?? 1;
  for (const [addr, fd, opts] of [[STUB, 14, { boundIfindex: lo }], [PROXY_STUB, 16, {}]] as const) {
    resolved.bindUdp({ addr, port: 53, opts }, fd, resolvedStubReply);
    resolved.listen({ addr, port: 53, opts, fd: fd + 1 });
  }
  // ssh.socket: ListenStream=0.0.0.0:22 and [::]:22 with BindIPv6Only=ipv6-only; sshd gets them as fds 3 and 4.
  const systemd = HostDaemon.init(m, epochMs, m.ctx.rng.fork(`pid1-fds/${m.hostname}`).int(70, 220));
  // sshd's proctitle (OpenSSH 9.6's listener), which /proc/PID/cmdline shows.
  const sshd = spawnTask(m, 'sshd', undefined, 'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups');
  for (const [opts, fd] of [[{}, 3], [{ family: 'inet6', isV6Only: true }, 4]] as const) {
    const l = systemd.listen({ addr: ANY, port: 22, opts });
    if (l) sshd.installFd(l, fd);
  }
}

/** apache2 under mpm_event: the parent and its two StartServers children share the listener at fd 4. */
function adoptApache(m: Machine, port: number): void {
  const listener = m.root.sockets.tcpListeners.get(port)?.[0];
  if (!listener) return;
  for (let i = 0; i < 3; i++) spawnTask(m, 'apache2', undefined, '/usr/sbin/apache2').installFd(listener, 4);
}

/** kubelet: healthz on 127.0.0.1:10248 (healthz.InstallHandler with only the ping check) and the API on *:10250. */
function startKubelet(m: Machine, epochMs: number): void {
  const kubelet = HostDaemon.spawn(m, 'kubelet', epochMs, undefined, '/usr/bin/kubelet');
  kubelet.listen({ addr: LOOPBACK, port: 10248, opts: {}, fd: 14, serve: kubeletHealthz });
  kubelet.listen({ addr: ANY, port: 10250, opts: { family: 'inet6' }, fd: 16, serve: 'https' });
}

/** k8s.io/apiserver healthz's handleRootHealth: "ok", or each check with ?verbose. */
const kubeletHealthz: GoHandler = (req) => {
  const [path, query = ''] = req.target.split('?');
  if (path !== '/healthz') return goError(404, '404 page not found');
  const text = query.split('&').some((q) => q.split('=')[0] === 'verbose') ? '[+]ping ok\nhealthz check passed\n' : 'ok';
  return { status: 200, header: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], writes: [bytesOf(text)] };
};
