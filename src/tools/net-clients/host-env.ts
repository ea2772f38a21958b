// Layer tools (net-clients): what a client program finds on the host it runs on. A netshoot pod is Alpine
// (musl, iputils 20240905, curl 8.14.1, BIND 9.20 tools); a VM is Ubuntu 24.04 (glibc, iputils 20240117,
// curl 8.5.0). Files come from the host; until it has them, a pod's resolv.conf is the kubelet's and a
// VM's is systemd-resolved's stub. strerror() texts differ per C library (musl src/errno/__strerror.h).

import { GlibcResolver, MuslResolver, type CurlRelease, type IputilsRelease, type ResolveResult } from '../../apps/index.js';
import { ERRNO_TEXT, type Errno } from '../../net/netlink-error.js';
import type { Netns } from '../../net/netns.js';
import { podResolvConf } from '../../lab/pod-resolv-conf.js';
import type { Process } from '../process.js';

export type Libc = 'musl' | 'glibc';

export interface ClientEnv {
  readonly libc: Libc;
  readonly iputils: IputilsRelease;
  readonly curl: CurlRelease;
  readonly netns: Netns;
  readonly resolvConf: string;
  readonly hosts: string;
}

/** systemd-resolved's /etc/resolv.conf on Ubuntu 24.04 (the stub listener). */
const RESOLVED_STUB = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch .\n';

function isNetshoot(p: Process): boolean {
  return p.host.kind === 'pod' && /(^|\/)netshoot(:|@|$)/.test(p.host.pod?.image ?? '');
}

/** The curl the host has: netshoot's Alpine build or Ubuntu's. */
export function curlRelease(p: Process): CurlRelease {
  return isNetshoot(p) ? '8.14.1' : '8.5.0';
}

/** The host's environment, or undefined when the process has no network namespace. */
export function clientEnv(p: Process): ClientEnv | undefined {
  const netns = p.host.netns;
  if (!netns) return undefined;
  const musl = p.host.kind === 'pod' && isNetshoot(p);
  return {
    libc: musl ? 'musl' : 'glibc',
    iputils: musl ? '20240905' : '20240117',
    curl: curlRelease(p),
    netns,
    resolvConf: p.host.readFile('/etc/resolv.conf') ?? fallbackResolvConf(p),
    hosts: p.host.readFile('/etc/hosts') ?? '127.0.0.1\tlocalhost\n',
  };
}

function fallbackResolvConf(p: Process): string {
  const pod = p.host.pod;
  if (p.host.kind !== 'pod' || !pod) return RESOLVED_STUB;
  const obj = p.lab.k8s.api.tryGet('Pod', pod.namespace, pod.name);
  return obj ? podResolvConf(p.lab.spec, obj) : RESOLVED_STUB;
}

export interface Lookup {
  lookup(name: string, done: (r: ResolveResult) => void): () => void;
}

/** getaddrinfo() of the host's C library; `family: 'inet'` for AF_INET callers. */
export function resolverFor(env: ClientEnv, family: 'unspec' | 'inet' = 'unspec'): Lookup {
  const opts = { resolvConf: env.resolvConf, hosts: env.hosts, family };
  return env.libc === 'musl' ? new MuslResolver(env.netns, opts) : new GlibcResolver(env.netns, opts);
}

const MUSL_TEXT: Partial<Record<Errno, string>> = {
  ETIMEDOUT: 'Operation timed out',
  EHOSTUNREACH: 'Host is unreachable',
  EADDRINUSE: 'Address in use',
  EMSGSIZE: 'Message too large',
  EADDRNOTAVAIL: 'Address not available',
  ENETUNREACH: 'Network unreachable',
  EOPNOTSUPP: 'Not supported',
};

export function strerror(libc: Libc, errno: Errno): string {
  return (libc === 'musl' ? MUSL_TEXT[errno] : undefined) ?? ERRNO_TEXT[errno];
}
