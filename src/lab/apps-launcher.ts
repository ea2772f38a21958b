// Layer lab: which program a container runs, chosen by its image as the real image would: traefik/whoami
// serves HTTP on :80, CoreDNS answers DNS for the cluster, netshoot just waits; the router's Apache runs
// on the VM itself. Programs start when the kubelet starts the container and stop when it stops.

import { parseIpv4 } from '../addr/index.js';
import { CoreDnsServer, WhoamiServer } from '../apps/index.js';
import type { ApiServer, Container, Pod } from '../k8s/index.js';
import type { Netns } from '../net/netns.js';
import { K8sServiceDirectory } from './k8s-service-directory.js';

interface Running {
  stop(): void;
}

/** The node's upstream resolver (systemd-resolved's /run/systemd/resolve/resolv.conf): the VirtualBox NAT DNS. */
const NODE_UPSTREAM = '10.0.2.3';

export class AppsLauncher {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly api: () => ApiServer | undefined,
    private readonly epochMs: number,
  ) {}

  start(pod: Pod, c: Container, netns: Netns): void {
    const app = this.appFor(pod, c, netns);
    if (!app) return;
    this.running.set(key(pod, c), app);
  }

  stop(pod: Pod, c: Container): void {
    this.running.get(key(pod, c))?.stop();
    this.running.delete(key(pod, c));
  }

  private appFor(pod: Pod, c: Container, netns: Netns): Running | undefined {
    const image = imageName(c.image ?? '');
    if (image === 'traefik/whoami') {
      const s = new WhoamiServer(netns, { hostname: pod.metadata.name ?? '', epochMs: this.epochMs });
      return s.start() === undefined ? s : undefined;
    }
    const api = this.api();
    if (image === 'registry.k8s.io/coredns/coredns' && api) {
      const upstream = parseIpv4(NODE_UPSTREAM);
      const s = new CoreDnsServer(netns, { directory: new K8sServiceDirectory(api), upstreams: upstream === undefined ? [] : [upstream], probes: { epochMs: this.epochMs } });
      return s.start() === undefined ? s : undefined;
    }
    return undefined;
  }
}

function key(pod: Pod, c: Container): string {
  return `${pod.metadata.uid ?? ''}/${c.name}`;
}

/** The repository part of an image reference, without tag or digest ("traefik/whoami"). */
export function imageName(image: string): string {
  const noDigest = image.split('@')[0] ?? '';
  const lastSlash = noDigest.lastIndexOf('/');
  const colon = noDigest.indexOf(':', lastSlash + 1);
  const repo = colon >= 0 ? noDigest.slice(0, colon) : noDigest;
  return repo.replace(/^docker\.io\//, '').replace(/^library\//, '');
}
