// The VMs' daemons as `ss -tulnp` lists them, against what the lab file and each daemon's documented
// defaults say they listen on (sources beside each expectation; fds and ordering are checked against the
// real ss in ss-vs-kernel.test.ts), and what talking to them does: the TCP handshake to the API server
// through the kubernetes Service, the kubelet's healthz, a DaemonSet rollout giving the agent a new PID.

import { beforeAll, describe, expect, it } from 'vitest';
import { formatIpv4, parseIpv4 } from '../../../src/addr/index.js';
import { buildLab, loadDefaultLab, type Lab } from '../../../src/lab/index.js';
import type { LabSpec } from '../../../src/lab/lab-file/index.js';
import { TcpSocket } from '../../../src/net/tcp/tcp-socket.js';
import { ss } from '../../../src/tools/host/ss.js';
import { commands } from '../../../src/tools/net-clients/index.js';
import { hostOf, runTool } from '../../support/tool-harness.js';
import { switchToVxlan, week4 } from '../../support/week4.js';

const curl = commands['curl'] ?? (() => Promise.resolve(127));

/** `proto local comm` for every row of `ss -tulnp` (a socket several tasks hold gives one entry per task). */
async function listeners(lab: Lab, host: string): Promise<string[]> {
  const out = (await runTool(lab, ss, hostOf(lab, host), ['ss', '-tulnp'])).stdout;
  return out
    .split('\n')
    .slice(1)
    .filter((l) => l !== '')
    .flatMap((l) => {
      const [proto = '', , , , local = ''] = l.split(/\s+/);
      return [...l.matchAll(/\("([^"]+)",pid=\d+,fd=\d+\)/g)].map((m) => `${proto} ${local} ${m[1] ?? ''}`);
    })
    .map((r) => r.replace(/127\.0\.0\.1:(3[2-9]\d{3}|[4-5]\d{4}|60\d{3})\b/, '127.0.0.1:<ephemeral>'))
    .sort();
}

/** What the lab file and the daemons' defaults put on one node. */
function expectedOn(spec: LabSpec, host: string, operatorNode: string): string[] {
  const node = spec.kubernetes.nodes.find((n) => n.name === host);
  const values = spec.cilium.values as { prometheus?: { enabled?: boolean }; hubble?: { enabled?: boolean; metrics?: { enabled?: unknown[] } }; operator?: { prometheus?: { enabled?: boolean } } };
  const rows = [
    // systemd-networkd's DHCPv4 client: the leased address on the NIC (sd-dhcp-client, dhcp_network_bind_udp_socket: SO_BINDTODEVICE + bind to port 68).
    'udp 10.0.2.15%eth0:68 systemd-network',
    // systemd-resolved (resolved.conf(5) DNSStubListener): 127.0.0.53 bound to lo, and the proxy-only stub 127.0.0.54 (systemd 247+), UDP and TCP.
    'udp 127.0.0.53%lo:53 systemd-resolve', 'udp 127.0.0.54:53 systemd-resolve',
    'tcp 127.0.0.53%lo:53 systemd-resolve', 'tcp 127.0.0.54:53 systemd-resolve',
    // Ubuntu 24.04's ssh.socket: ListenStream=0.0.0.0:22 and [::]:22 with BindIPv6Only=ipv6-only; sshd inherits both from PID 1.
    'tcp 0.0.0.0:22 sshd', 'tcp 0.0.0.0:22 systemd', 'tcp [::]:22 sshd', 'tcp [::]:22 systemd',
  ];
  if (spec.hosts.find((h) => h.name === host)?.services.some((s) => s.name === 'apache2')) {
    // router.sh's apache2: `Listen 80` on :: taking IPv4 too; mpm_event's parent and 2 StartServers children.
    rows.push('tcp *:80 apache2', 'tcp *:80 apache2', 'tcp *:80 apache2');
  }
  if (!node) return rows.sort();
  const ip = formatIpv4(node.nodeIP);
  // containerd 1.7's CRI plugin: stream_server_address "127.0.0.1", stream_server_port "0" (bind(0)).
  rows.push('tcp 127.0.0.1:<ephemeral> containerd');
  // KubeletConfiguration defaults: healthzBindAddress 127.0.0.1, healthzPort 10248; address 0.0.0.0, port 10250 (Go: one dual-stack socket).
  rows.push('tcp 127.0.0.1:10248 kubelet', 'tcp *:10250 kubelet');
  if (host === spec.kubernetes.controlPlane) {
    // kubeadm's static pods: kube-apiserver --secure-port=6443 on the default bind address 0.0.0.0; etcd's
    // --listen-client-urls=https://127.0.0.1:2379,https://<ip>:2379, --listen-peer-urls=https://<ip>:2380,
    // --listen-metrics-urls=http://127.0.0.1:2381; controller-manager and scheduler --bind-address=127.0.0.1 on 10257 and 10259.
    rows.push('tcp *:6443 kube-apiserver', 'tcp 127.0.0.1:2379 etcd', `tcp ${ip}:2379 etcd`, `tcp ${ip}:2380 etcd`, 'tcp 127.0.0.1:2381 etcd');
    rows.push('tcp 127.0.0.1:10257 kube-controller', 'tcp 127.0.0.1:10259 kube-scheduler');
  }
  if (!spec.kubernetes.proxy.disabled) {
    // KubeProxyConfiguration defaults (kubeadm leaves both empty): healthz 0.0.0.0:10256, metrics 127.0.0.1:10249.
    rows.push('tcp *:10256 kube-proxy', 'tcp 127.0.0.1:10249 kube-proxy');
  }
  // Cilium 1.18 agent ("Services and ports" in Cilium's docs, cilium-config from the chart): healthz on
  // 127.0.0.1:9879, gops 127.0.0.1:9890, the DNS proxy on 127.0.0.1 at a bound-by-the-kernel port (TCP and UDP),
  // prometheus :9962 (prometheus.enabled), Hubble :4244 (hubble.enabled) and its metrics :9965 (hubble.metrics.enabled).
  rows.push('tcp 127.0.0.1:9879 cilium-agent', 'tcp 127.0.0.1:9890 cilium-agent', 'tcp 127.0.0.1:<ephemeral> cilium-agent', 'udp 127.0.0.1:<ephemeral> cilium-agent');
  if (values.prometheus?.enabled) rows.push('tcp *:9962 cilium-agent');
  if (values.hubble?.enabled) rows.push('tcp *:4244 cilium-agent');
  if (values.hubble?.enabled && (values.hubble.metrics?.enabled?.length ?? 0) > 0) rows.push('tcp *:9965 cilium-agent');
  // cilium-envoy (chart defaults envoy.prometheus.enabled, port 9964; envoy.healthPort 9878): the bootstrap's
  // listeners on 0.0.0.0 and 127.0.0.1, each bound once per worker thread (concurrency = vCPUs).
  const cpus = spec.hosts.find((h) => h.name === host)?.cpus ?? 2;
  for (let i = 0; i < cpus; i++) rows.push('tcp 0.0.0.0:9964 cilium-envoy', 'tcp 127.0.0.1:9878 cilium-envoy');
  if (host === operatorNode) {
    // cilium-operator (hostNetwork): operator-api-serve-addr 127.0.0.1:9234, gops 127.0.0.1:9891, :9963 with operator.prometheus.enabled.
    rows.push('tcp 127.0.0.1:9234 cilium-operator', 'tcp 127.0.0.1:9891 cilium-operator');
    if (values.operator?.prometheus?.enabled) rows.push('tcp *:9963 cilium-operator');
  }
  return rows.sort();
}

function operatorNode(lab: Lab): string {
  return lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'name=cilium-operator' })[0]?.spec.nodeName ?? '';
}

describe('host daemons on the week-4 lab', () => {
  let lab: Lab;
  beforeAll(() => {
    lab = week4(1);
  }, 60_000);

  it.each(['k8s-ctr', 'k8s-w1', 'k8s-w0', 'router'])('%s listens where its daemons do', async (host) => {
    expect(await listeners(lab, host)).toEqual(expectedOn(lab.spec, host, operatorNode(lab)));
  });

  it('without kube-proxy (proxy.disabled, as the lab files since 2025-08-16) nothing listens on 10249/10256', async () => {
    const spec = loadDefaultLab();
    const noProxy = buildLab({ ...spec, kubernetes: { ...spec.kubernetes, proxy: { disabled: true } } }, { seed: 1 });
    const rows = await listeners(noProxy, 'k8s-w1');
    expect(rows.filter((r) => r.includes('kube-proxy'))).toEqual([]);
    expect(rows).toEqual(expectedOn(noProxy.spec, 'k8s-w1', operatorNode(noProxy)));
  });

  it('a pod connects to the kubernetes Service and completes the handshake with kube-apiserver on 192.168.10.100:6443', async () => {
    const c = TcpSocket.connect(lab.netns('curl-pod'), { addr: parseIpv4('10.96.0.1') ?? (0 as never), port: 443 });
    if (typeof c === 'string') throw new Error(c);
    let connected = false;
    c.onConnected = () => void (connected = true);
    lab.runFor(1_000_000);
    expect(connected).toBe(true);
    expect(`${formatIpv4(c.remoteAddr)}:${c.remotePort}`).toBe('192.168.10.100:6443');
    const rows = (await runTool(lab, ss, hostOf(lab, 'k8s-ctr'), ['ss', '-tnp'])).stdout.split('\n');
    const pod = formatIpv4(c.localAddr);
    expect(rows.find((l) => l.includes(`[::ffff:${pod}]:${c.localPort}`))).toMatch(/^ESTAB +0 +0 +\[::ffff:192\.168\.10\.100\]:6443 +\[::ffff:[\d.]+\]:\d+ users:\(\("kube-apiserver",pid=\d+,fd=\d+\)\)$/);
    c.close();
  });

  it("the kubelet's healthz answers ok (and each check with ?verbose); the agent's healthz answers 200", async () => {
    const run = (argv: string[]) => runTool(lab, curl, hostOf(lab, 'k8s-w1'), argv);
    expect((await run(['curl', '-s', 'http://127.0.0.1:10248/healthz'])).stdout).toBe('ok');
    expect((await run(['curl', '-s', 'http://127.0.0.1:10248/healthz?verbose'])).stdout).toBe('[+]ping ok\nhealthz check passed\n');
    expect((await run(['curl', '-s', 'http://127.0.0.1:10248/metrics'])).stdout).toBe('404 page not found\n');
    expect((await run(['curl', '-s', '-o', '/dev/null', '-w', '%{http_code}', 'http://127.0.0.1:9879/healthz'])).stdout).toBe('200');
  });

  it('TLS ports without a handshake: Go net/http answers plaintext HTTP with its 400, etcd hangs up', async () => {
    const pod = await runTool(lab, curl, hostOf(lab, 'curl-pod'), ['curl', '-s', 'http://10.96.0.1:443/version']);
    expect(pod).toEqual({ stdout: 'Client sent an HTTP request to an HTTPS server.\n', stderr: '', exitCode: 0 });
    const etcd = await runTool(lab, curl, hostOf(lab, 'k8s-ctr'), ['curl', '-sS', 'http://127.0.0.1:2379/health']);
    expect(etcd).toEqual({ stdout: '', stderr: 'curl: (52) Empty reply from server\n', exitCode: 52 });
  });

  it("systemd-resolved's stub answers SERVFAIL at once (the NAT's DNS leads nowhere): getaddrinfo fails with EAI_AGAIN", async () => {
    const dig = commands['dig'] ?? curl;
    const ping = commands['ping'] ?? curl;
    const t0 = lab.nowUs;
    expect(await runTool(lab, ping, hostOf(lab, 'router'), ['ping', '-c1', 'foo'])).toEqual({ stdout: '', stderr: 'ping: foo: Temporary failure in name resolution\n', exitCode: 2 });
    const out = (await runTool(lab, dig, hostOf(lab, 'router'), ['dig', 'foo'])).stdout;
    expect(lab.nowUs - t0).toBeLessThan(1_000_000);
    expect(out).toMatch(/;; ->>HEADER<<- opcode: QUERY, status: SERVFAIL, id: \d+\n;; flags: qr rd ra; QUERY: 1, ANSWER: 0, AUTHORITY: 0, ADDITIONAL: 1\n/);
    expect(out).toContain('; EDNS: version: 0, flags:; udp: 65494\n');
    expect(out).toContain(';; SERVER: 127.0.0.53#53(127.0.0.53) (UDP)\n');
  });

  it('ss names the ports from /etc/services unless -n, but not inside ip_local_port_range', async () => {
    const out = (await runTool(lab, ss, hostOf(lab, 'router'), ['ss', '-tul'])).stdout;
    expect(out).toContain('0.0.0.0:ssh ');
    expect(out).toContain('127.0.0.53%lo:domain ');
    expect(out).toContain('10.0.2.15%eth0:bootpc ');
    expect(out).toContain('*:http ');
    const ctr = (await runTool(lab, ss, hostOf(lab, 'k8s-ctr'), ['ss', '-tl'])).stdout;
    expect(ctr).toContain('*:6443 ');
    expect(ctr).toMatch(/127\.0\.0\.1:(3[2-9]\d{3}|4\d{4}) /);
  });

  it('ss -s counts the namespace and, for TCP alloc, the whole kernel', async () => {
    const out = (await runTool(lab, ss, hostOf(lab, 'router'), ['ss', '-s'])).stdout;
    expect(out).toBe(
      'Total: 8\nTCP:   5 (estab 0, closed 0, orphaned 0, timewait 0)\n\nTransport Total     IP        IPv6\n' +
        'RAW\t  0         0         0        \nUDP\t  3         3         0        \nTCP\t  5         3         2        \n' +
        'INET\t  8         6         2        \nFRAG\t  0         0         0        \n\n',
    );
  });

  it('a rollout restarts the agent as a new process that keeps its DNS proxy port; VXLAN adds the kernel socket on 8472', async () => {
    const agentRows = async () => (await runTool(lab, ss, hostOf(lab, 'k8s-w0'), ['ss', '-tulnp'])).stdout.split('\n').filter((l) => l.includes('cilium-agent'));
    const pidOf = (rows: string[]) => new Set(rows.map((l) => /pid=(\d+)/.exec(l)?.[1]));
    const proxyPort = (rows: string[]) => rows.find((l) => /^tcp .*127\.0\.0\.1:(3|4|5)\d{4} /.test(l))?.split(/\s+/)[4];
    const before = await agentRows();
    switchToVxlan(lab);
    const after = await agentRows();
    expect(pidOf(before).size).toBe(1);
    expect(pidOf(after).size).toBe(1);
    expect([...pidOf(after)][0]).not.toBe([...pidOf(before)][0]);
    expect(proxyPort(after)).toBe(proxyPort(before));
    const udp = (await runTool(lab, ss, hostOf(lab, 'k8s-w0'), ['ss', '-ulnp'])).stdout;
    expect(udp).toMatch(/\nUNCONN 0 +0 +0\.0\.0\.0:8472 +0\.0\.0\.0:\* +\n/);
  });
});
