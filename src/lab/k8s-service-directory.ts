// Layer lab: CoreDNS's view of the cluster (its kubernetes plugin's informer cache) backed by the lab's
// API server: namespaces, Services with their ClusterIPs and ports, and the ready addresses of each
// Service's Endpoints. The SOA serial is the newest change, as Unix seconds.

import { parseIpv4, type Ipv4Addr } from '../addr/index.js';
import type { DnsEndpointAddress, DnsService, DnsServicePort, ServiceDirectory } from '../apps/index.js';
import type { ApiServer } from '../k8s/index.js';

interface PortLike {
  name?: string;
  port: number;
  protocol?: string;
}

function ports(list: readonly PortLike[] | undefined): DnsServicePort[] {
  return (list ?? []).map((p) => ({ name: p.name ?? '', port: p.port, protocol: p.protocol === 'UDP' ? 'UDP' : p.protocol === 'SCTP' ? 'SCTP' : 'TCP' }));
}

export class K8sServiceDirectory implements ServiceDirectory {
  constructor(private readonly api: ApiServer) {}

  hasNamespace(namespace: string): boolean {
    return this.api.tryGet('Namespace', undefined, namespace) !== undefined;
  }

  service(namespace: string, name: string): DnsService | undefined {
    const svc = this.api.tryGet('Service', namespace, name);
    return svc ? this.toDns(svc as unknown as ServiceObj) : undefined;
  }

  services(): readonly DnsService[] {
    return this.api.list('Service', {}).map((s) => this.toDns(s as unknown as ServiceObj));
  }

  serial(): number {
    return Math.floor(this.api.clock.wallMs() / 1000);
  }

  private toDns(svc: ServiceObj): DnsService {
    const namespace = svc.metadata.namespace ?? 'default';
    const name = svc.metadata.name ?? '';
    const clusterIps = (svc.spec.clusterIPs ?? (svc.spec.clusterIP ? [svc.spec.clusterIP] : []))
      .map((ip) => parseIpv4(ip))
      .filter((ip): ip is Ipv4Addr => ip !== undefined);
    const ep = this.api.tryGet('Endpoints', namespace, name) as unknown as EndpointsObj | undefined;
    const endpoints: DnsEndpointAddress[] = [];
    const endpointPorts: DnsServicePort[] = [];
    for (const subset of ep?.subsets ?? []) {
      for (const a of subset.addresses ?? []) {
        const ip = parseIpv4(a.ip);
        if (ip !== undefined) endpoints.push(a.hostname !== undefined ? { ip, hostname: a.hostname } : { ip });
      }
      endpointPorts.push(...ports(subset.ports));
    }
    return { namespace, name, clusterIps, ports: ports(svc.spec.ports), endpoints, endpointPorts };
  }
}

interface ServiceObj {
  metadata: { name?: string; namespace?: string };
  spec: { clusterIP?: string; clusterIPs?: string[]; ports?: PortLike[] };
}

interface EndpointsObj {
  subsets?: Array<{ addresses?: Array<{ ip: string; hostname?: string }>; ports?: PortLike[] }>;
}
