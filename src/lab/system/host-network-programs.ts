// Layer lab: what the programs of hostNetwork containers listen on, read from what they read: kubeadm's
// static pod flags (kube-apiserver --secure-port, etcd --listen-*-urls, --bind-address), kube-proxy's
// config.conf, cilium-config for the agent (gops, prometheus, Hubble, the DNS proxy, healthz) and the
// operator, and the Envoy pod's metrics port and health probe (one socket per worker thread, SO_REUSEPORT).
// Descriptor numbers are those of a kubeadm 1.33 control plane and a Cilium 1.17/1.18 node on Ubuntu 24.04.

import { parseIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { GoHandler } from '../../apps/http/go-http-server.js';
import type { Container } from '../../k8s/index.js';
import type { ListenAddr, TcpListenSpec } from './host-daemon.js';

export interface ProgramSockets {
  /** The executable's name (comm is its first 15 characters). */
  readonly name: string;
  readonly tcp: readonly TcpListenSpec[];
}

/** What a program reads at start besides its own command line (read only by the programs that need it). */
export interface ProgramInputs {
  ciliumConfig(): Readonly<Record<string, string>>;
  kubeProxyConfig(): string | undefined;
  /** vCPUs: Envoy's default --concurrency. */
  readonly cpus: number;
  /** The DNS proxy's port from an earlier run of the agent on this node (restored from its state dir). */
  readonly dnsProxyPort: number | undefined;
}

const LOOPBACK = parseIpv4('127.0.0.1') ?? (0 as Ipv4Addr);

/** goListenAddr's answers by text (the same few addresses come back on every start). */
const parsed = new Map<string, ListenAddr | undefined>();

/**
 * A Go listen address: an empty host, 0.0.0.0 or :: is one AF_INET6 socket that takes IPv4 too (net's
 * favoriteAddrFamily for a wildcard), an IPv4 address an AF_INET socket; anything else is not modelled.
 */
function goListenAddr(hostPort: string): ListenAddr | undefined {
  if (parsed.has(hostPort)) return parsed.get(hostPort);
  const i = hostPort.lastIndexOf(':');
  const host = hostPort.slice(0, i).replace(/^\[(.*)\]$/, '$1');
  const port = Number(hostPort.slice(i + 1));
  let a: ListenAddr | undefined;
  if (i < 0 || !Number.isInteger(port)) a = undefined;
  else if (host === '' || host === '0.0.0.0' || host === '::') a = { addr: 0 as Ipv4Addr, port, opts: { family: 'inet6' } };
  else {
    const addr = parseIpv4(host === 'localhost' ? '127.0.0.1' : host);
    a = addr === undefined ? undefined : { addr, port, opts: {} };
  }
  parsed.set(hostPort, a);
  return a;
}

/** `--name=value` of a container's command line, one pattern per flag name (a regex over the joined line). */
const flagPatterns = new Map<string, RegExp>();

function flag(line: string, name: string): string | undefined {
  let re = flagPatterns.get(name);
  if (!re) {
    re = new RegExp(`^--${name}=(.*)$`, 'm');
    flagPatterns.set(name, re);
  }
  return re.exec(line)?.[1];
}

/** The container's command and args, one per line. */
function commandLine(c: Container): string {
  return [...(c.command ?? []), ...(c.args ?? [])].join('\n');
}

function urls(list: string | undefined): ListenAddr[] {
  return (list ?? '').split(',').flatMap((u) => {
    const a = goListenAddr(u.replace(/^[a-z]+:\/\//, ''));
    return a ? [a] : [];
  });
}

function at(a: ListenAddr | undefined, fd: number, more: Partial<TcpListenSpec> = {}): TcpListenSpec[] {
  return a ? [{ ...a, fd, ...more }] : [];
}

/** The top-level scalars of kube-proxy's config.conf, parsed once per text. */
const scalarsByText = new Map<string, ReadonlyMap<string, string>>();

/** A top-level YAML scalar of kube-proxy's config.conf; "" or absent means kube-proxy's default. */
function yamlValue(text: string | undefined, key: string): string {
  let scalars = scalarsByText.get(text ?? '');
  if (!scalars) {
    scalars = new Map([...(text ?? '').matchAll(/^(\w+): *"?([^"\n]*)"?$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
    scalarsByText.set(text ?? '', scalars);
  }
  return scalars.get(key) ?? '';
}

/** The agent's healthz (daemon/cmd/agenthealth): the status code alone. */
const agentHealthz: GoHandler = () => ({ status: 200, header: [], writes: [] });

function ciliumAgent(cfg: Readonly<Record<string, string>>, dnsProxyPort: number | undefined): ProgramSockets {
  const hubble = cfg['enable-hubble'] === 'true';
  const dns = cfg['enable-l7-proxy'] !== 'false';
  const loopback = (port: number): ListenAddr => ({ addr: LOOPBACK, port, opts: {} });
  const proxyPort = Number(cfg['tofqdns-proxy-port'] ?? 0) || dnsProxyPort || 0;
  return {
    name: 'cilium-agent',
    tcp: [
      ...(cfg['enable-gops'] !== 'false' ? at(loopback(Number(cfg['gops-port'] ?? 9890)), 6) : []),
      ...at(goListenAddr(cfg['prometheus-serve-addr'] ?? ''), 7),
      ...(hubble ? at(goListenAddr(cfg['hubble-metrics-server'] ?? ''), 32) : []),
      ...(hubble ? at(goListenAddr(cfg['hubble-listen-address'] ?? ''), 39, { serve: 'tls' }) : []),
      // The DNS proxy (fqdn/dnsproxy bindToAddr): TCP on 127.0.0.1, then UDP on the port TCP got.
      ...(dns ? at(loopback(proxyPort), 52, { udpTwinFd: 53 }) : []),
      ...at(loopback(Number(cfg['agent-health-port'] ?? 9879)), 60, { serve: agentHealthz, opts: { isReuseport: true } }),
    ],
  };
}

function ciliumOperator(cfg: Readonly<Record<string, string>>): ProgramSockets {
  return {
    name: 'cilium-operator-generic',
    tcp: [
      ...at({ addr: LOOPBACK, port: 9891, opts: {} }, 6),
      ...(cfg['enable-metrics'] === 'true' ? at(goListenAddr(cfg['operator-prometheus-serve-addr'] ?? ''), 7) : []),
      ...at(goListenAddr(cfg['operator-api-serve-addr'] ?? 'localhost:9234'), 9),
    ],
  };
}

/** Envoy binds each listener of its bootstrap once per worker: the prometheus one on 0.0.0.0, the health one on 127.0.0.1. */
function ciliumEnvoy(c: Container, cpus: number): ProgramSockets {
  const metrics = c.ports?.find((p) => p.name === 'envoy-metrics')?.containerPort;
  const probe = (c.readinessProbe?.['httpGet'] ?? {}) as { host?: string; port?: number };
  const listeners = [
    ...(metrics !== undefined ? [{ addr: 0 as Ipv4Addr, port: metrics }] : []),
    ...(probe.port !== undefined ? [{ addr: goListenAddr(`${probe.host ?? '127.0.0.1'}:${probe.port}`)?.addr ?? LOOPBACK, port: probe.port }] : []),
  ];
  let fd = 24;
  const tcp = listeners.flatMap((l) => Array.from({ length: cpus }, () => ({ ...l, opts: { isReuseport: true }, fd: fd++ })));
  return { name: 'cilium-envoy', tcp };
}

/** The sockets of the program a hostNetwork container runs, chosen by its image; undefined for one that opens none modelled. */
export function hostNetworkProgram(image: string, c: Container, inputs: ProgramInputs): ProgramSockets | undefined {
  switch (image) {
    case 'registry.k8s.io/kube-apiserver':
      return { name: 'kube-apiserver', tcp: at(secure(commandLine(c), 6443), 3, { serve: 'https' }) };
    case 'registry.k8s.io/kube-controller-manager':
      return { name: 'kube-controller-manager', tcp: at(secure(commandLine(c), 10257), 3, { serve: 'https' }) };
    case 'registry.k8s.io/kube-scheduler':
      return { name: 'kube-scheduler', tcp: at(secure(commandLine(c), 10259), 3, { serve: 'https' }) };
    case 'registry.k8s.io/etcd': {
      const line = commandLine(c);
      const listen = [...urls(flag(line, 'listen-peer-urls')), ...urls(flag(line, 'listen-client-urls'))];
      const metrics = urls(flag(line, 'listen-metrics-urls'));
      return { name: 'etcd', tcp: [...listen.map((a, i) => ({ ...a, fd: 6 + i, serve: 'tls' as const })), ...metrics.map((a, i) => ({ ...a, fd: 14 + i }))] };
    }
    case 'registry.k8s.io/kube-proxy': {
      const healthz = yamlValue(inputs.kubeProxyConfig(), 'healthzBindAddress') || '0.0.0.0:10256';
      const metrics = yamlValue(inputs.kubeProxyConfig(), 'metricsBindAddress') || '127.0.0.1:10249';
      return { name: 'kube-proxy', tcp: [...at(goListenAddr(healthz), 17), ...at(goListenAddr(metrics), 18)] };
    }
    case 'quay.io/cilium/cilium':
      return c.name === 'cilium-agent' ? ciliumAgent(inputs.ciliumConfig(), inputs.dnsProxyPort) : undefined;
    case 'quay.io/cilium/operator-generic':
      return ciliumOperator(inputs.ciliumConfig());
    case 'quay.io/cilium/cilium-envoy':
      return ciliumEnvoy(c, inputs.cpus);
    default:
      return undefined;
  }
}

/** A control-plane component's HTTPS port: --secure-port (else its default) on --bind-address (else 0.0.0.0). */
function secure(line: string, port: number): ListenAddr | undefined {
  return goListenAddr(`${flag(line, 'bind-address') ?? '0.0.0.0'}:${flag(line, 'secure-port') ?? port}`);
}
