// Layer cilium: the operator's cluster-pool IPAM (pkg/ipam/allocator/clusterpool): it carves per-node
// PodCIDRs of `maskSize` bits out of clusterPoolIPv4PodCIDRList, lowest free block first, and writes them
// to each CiliumNode's spec.ipam.podCIDRs. Pins reproduce allocations that happened before the lab began.

import type { Ipv4Cidr } from '../../addr/index.js';
import { formatCidr, nth, overlaps, covers, size } from '../../addr/index.js';

export class PoolExhaustedError extends Error {
  readonly code = 'pool-exhausted' as const;
  constructor(readonly node: string) {
    super(`unable to allocate pod CIDR for node ${node}: no more available pod CIDRs in cluster pool`);
  }
}

export class ClusterPool {
  private readonly byNode = new Map<string, Ipv4Cidr>();

  constructor(
    readonly pools: readonly Ipv4Cidr[],
    readonly maskSize: number,
  ) {}

  /** How many per-node CIDRs the pools hold. */
  get capacity(): number {
    return this.pools.reduce((n, p) => n + (p.prefixLen <= this.maskSize ? 2 ** (this.maskSize - p.prefixLen) : 0), 0);
  }

  podCidrOf(node: string): Ipv4Cidr | undefined {
    return this.byNode.get(node);
  }

  /** Records an allocation made before the lab started. */
  pin(node: string, cidr: Ipv4Cidr): void {
    this.byNode.set(node, cidr);
  }

  /** Returns the node's CIDR, allocating the lowest free block when it has none. */
  allocate(node: string): Ipv4Cidr {
    const have = this.byNode.get(node);
    if (have) return have;
    for (const pool of this.pools) {
      if (pool.prefixLen > this.maskSize) continue;
      const blocks = size(pool) / 2 ** (32 - this.maskSize);
      for (let i = 0; i < blocks; i++) {
        const c: Ipv4Cidr = { addr: nth(pool, i * 2 ** (32 - this.maskSize)), prefixLen: this.maskSize };
        if (![...this.byNode.values()].some((used) => overlaps(used, c))) {
          this.byNode.set(node, c);
          return c;
        }
      }
    }
    throw new PoolExhaustedError(node);
  }

  release(node: string): void {
    this.byNode.delete(node);
  }

  inPool(c: Ipv4Cidr): boolean {
    return this.pools.some((p) => covers(p, c));
  }

  describe(): string {
    return this.pools.map(formatCidr).join(',');
  }
}
