// Layer apps: the port through which CoreDNS's kubernetes plugin sees the cluster (its informer cache of
// Namespaces, Services and Endpoints: plugin/kubernetes/controller.go). The lab backs it with the
// Kubernetes API; StaticServiceDirectory is a plain in-memory implementation for tests and small labs.

import type { Ipv4Addr } from '../../addr/index.js';

export interface DnsServicePort {
  /** The port's name ("" when unnamed, as in the seed's webpod Service). */
  readonly name: string;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP' | 'SCTP';
}

export interface DnsEndpointAddress {
  readonly ip: Ipv4Addr;
  /** spec.hostname of the pod behind a headless Service; else the IP with dashes is used. */
  readonly hostname?: string;
}

export interface DnsService {
  readonly namespace: string;
  readonly name: string;
  /** Empty for a headless Service (clusterIP: None). */
  readonly clusterIps: readonly Ipv4Addr[];
  readonly ports: readonly DnsServicePort[];
  /** Ready addresses of the Service's Endpoints, with the Endpoints' ports. */
  readonly endpoints: readonly DnsEndpointAddress[];
  readonly endpointPorts: readonly DnsServicePort[];
}

export interface ServiceDirectory {
  hasNamespace(namespace: string): boolean;
  service(namespace: string, name: string): DnsService | undefined;
  /** Every Service; reverse lookups and the NS record search them. */
  services(): readonly DnsService[];
  /** The SOA serial: the informer's last modification as Unix seconds. */
  serial(): number;
}

export class StaticServiceDirectory implements ServiceDirectory {
  constructor(
    private readonly namespaces: readonly string[],
    private readonly list: readonly DnsService[],
    private readonly serialValue = 1_700_000_000,
  ) {}

  hasNamespace(namespace: string): boolean {
    return this.namespaces.includes(namespace);
  }

  service(namespace: string, name: string): DnsService | undefined {
    return this.list.find((s) => s.namespace === namespace && s.name === name);
  }

  services(): readonly DnsService[] {
    return this.list;
  }

  serial(): number {
    return this.serialValue;
  }
}
