// Layer cilium: what every agent learns from the Kubernetes API and Cilium's CRDs: the nodes (CiliumNode:
// node IP, PodCIDR, CiliumInternalIP), the endpoints of every node (CiliumEndpoint: pod IP, identity, node
// IP), the identities, and the services. Agents keep views of it; kept once here so a 5,000-node lab holds
// each fact once, not once per agent.

import type { Ipv4Addr, Ipv4Cidr } from '../addr/index.js';
import { Ipv4Map, prefixMask } from '../addr/index.js';
import type { Rng } from '../sim/index.js';
import { IdentityAllocator } from './identity/identity-allocator.js';

export interface CiliumNodeInfo {
  readonly name: string;
  readonly nodeIp: Ipv4Addr;
  readonly podCidr: Ipv4Cidr;
  readonly ciliumInternalIp: Ipv4Addr;
}

export interface RemoteEndpoint {
  readonly ip: Ipv4Addr;
  readonly identity: number;
  readonly nodeName: string;
  readonly nodeIp: Ipv4Addr;
  /** namespace/pod, for Hubble and `cilium-dbg` output. */
  readonly podName: string;
  readonly namespace: string;
}

export interface ServiceBackend {
  readonly ip: Ipv4Addr;
  readonly port: number;
  readonly nodeName: string;
  readonly state: 'active' | 'terminating';
}

export interface ServiceFrontend {
  readonly namespace: string;
  readonly name: string;
  readonly type: 'ClusterIP' | 'NodePort' | 'LoadBalancer';
  readonly vip: Ipv4Addr;
  readonly port: number;
  readonly protocol: 'TCP' | 'UDP';
  /** Cilium's service id (the rev-NAT index), stable per frontend. */
  readonly id: number;
  backends: ServiceBackend[];
}

export class ClusterState {
  readonly nodes = new Map<string, CiliumNodeInfo>();
  readonly identities: IdentityAllocator;
  /** Every endpoint of the cluster by pod IP. */
  readonly endpoints = new Ipv4Map<RemoteEndpoint>();
  /** Service frontends by "vip:port/proto". */
  readonly services = new Map<string, ServiceFrontend>();
  private readonly nodeByIp = new Map<number, CiliumNodeInfo>();
  private readonly nodeByPodNet = new Map<number, CiliumNodeInfo>();
  private podMaskLens: number[] = [];
  private nextServiceId = 1;
  /** Bumped on every change so agents can tell when their view is stale. */
  version = 0;

  constructor(rng: Rng) {
    this.identities = new IdentityAllocator(rng.fork('identity'));
  }

  upsertNode(n: CiliumNodeInfo): void {
    const old = this.nodes.get(n.name);
    if (old) this.forgetNode(old);
    this.nodes.set(n.name, n);
    this.nodeByIp.set(n.nodeIp, n);
    this.nodeByIp.set(n.ciliumInternalIp, n);
    this.nodeByPodNet.set(n.podCidr.addr >>> 0, n);
    if (!this.podMaskLens.includes(n.podCidr.prefixLen)) this.podMaskLens = [...this.podMaskLens, n.podCidr.prefixLen].sort((a, b) => b - a);
    this.version++;
  }

  deleteNode(name: string): void {
    const n = this.nodes.get(name);
    if (!n) return;
    this.forgetNode(n);
    this.nodes.delete(name);
    this.version++;
  }

  /** The node that owns `ip` as its node IP or CiliumInternalIP. */
  nodeByAddr(ip: Ipv4Addr): CiliumNodeInfo | undefined {
    return this.nodeByIp.get(ip);
  }

  /** The node whose PodCIDR holds `ip` (the tunnel map's key is the PodCIDR's network address). */
  nodeByPodIp(ip: Ipv4Addr): CiliumNodeInfo | undefined {
    for (const len of this.podMaskLens) {
      const n = this.nodeByPodNet.get((ip & prefixMask(len)) >>> 0);
      if (n && n.podCidr.prefixLen === len) return n;
    }
    return undefined;
  }

  upsertEndpoint(ep: RemoteEndpoint): void {
    this.endpoints.set(ep.ip, ep);
    this.version++;
  }

  deleteEndpoint(ip: Ipv4Addr): void {
    if (this.endpoints.delete(ip)) this.version++;
  }

  upsertService(f: Omit<ServiceFrontend, 'id'>): ServiceFrontend {
    const key = serviceKey(f.vip, f.port, f.protocol);
    const cur = this.services.get(key);
    const svc: ServiceFrontend = { ...f, id: cur?.id ?? this.nextServiceId++ };
    this.services.set(key, svc);
    this.version++;
    return svc;
  }

  deleteService(vip: Ipv4Addr, port: number, protocol: 'TCP' | 'UDP'): void {
    if (this.services.delete(serviceKey(vip, port, protocol))) this.version++;
  }

  service(vip: Ipv4Addr, port: number, protocol: 'TCP' | 'UDP'): ServiceFrontend | undefined {
    return this.services.get(serviceKey(vip, port, protocol));
  }

  private forgetNode(n: CiliumNodeInfo): void {
    this.nodeByIp.delete(n.nodeIp);
    this.nodeByIp.delete(n.ciliumInternalIp);
    this.nodeByPodNet.delete(n.podCidr.addr >>> 0);
  }
}

export function serviceKey(vip: Ipv4Addr, port: number, protocol: string): string {
  return `${vip >>> 0}:${port}/${protocol}`;
}
