// Layer cilium: the agent's host-scope IPAM over its node's PodCIDR (pkg/ipam/hostscope.go on the
// bitmap allocator with randomScanStrategy): a free address chosen at random, never the network or
// broadcast address; each allocation remembers its owner ("router", "kube-system/coredns-...").

import type { Ipv4Addr, Ipv4Cidr } from '../../addr/index.js';
import { contains, formatCidr, formatIpv4, nth, size } from '../../addr/index.js';
import type { Rng } from '../../sim/index.js';

export class IpamError extends Error {
  readonly code = 'ipam' as const;
}

export class HostScopeIpam {
  private readonly owners = new Map<number, string>();

  constructor(
    readonly cidr: Ipv4Cidr,
    private readonly rng: Rng,
  ) {}

  /** CountIPsInCIDR - 2: usable addresses. */
  get capacity(): number {
    return size(this.cidr) - 2;
  }

  get used(): number {
    return this.owners.size;
  }

  ownerOf(ip: Ipv4Addr): string | undefined {
    return this.owners.get(ip);
  }

  /** Allocations in string order of the address, as `cilium status --all-addresses` lists them. */
  allocations(): Array<{ ip: Ipv4Addr; owner: string }> {
    return [...this.owners.entries()]
      .map(([ip, owner]) => ({ ip: ip as Ipv4Addr, owner }))
      .sort((a, b) => (formatIpv4(a.ip) < formatIpv4(b.ip) ? -1 : formatIpv4(a.ip) > formatIpv4(b.ip) ? 1 : 0));
  }

  /** AllocateNext: a random free address (random offset, then the next free one upward). */
  allocateNext(owner: string): Ipv4Addr {
    const n = this.capacity;
    if (this.owners.size >= n) throw new IpamError(`range is full`);
    const start = this.rng.int(0, n - 1);
    for (let i = 0; i < n; i++) {
      const ip = nth(this.cidr, 1 + ((start + i) % n));
      if (!this.owners.has(ip)) {
        this.owners.set(ip, owner);
        return ip;
      }
    }
    throw new IpamError(`range is full`);
  }

  /** Allocate a specific address (a restored or pinned one). */
  allocate(ip: Ipv4Addr, owner: string): void {
    if (!contains(this.cidr, ip) || ip === nth(this.cidr, 0) || ip === nth(this.cidr, size(this.cidr) - 1)) {
      throw new IpamError(`IP ${formatIpv4(ip)} is not in range ${formatCidr(this.cidr)}`);
    }
    const cur = this.owners.get(ip);
    if (cur !== undefined && cur !== owner) throw new IpamError(`IP ${formatIpv4(ip)} is already allocated to ${cur}`);
    this.owners.set(ip, owner);
  }

  release(ip: Ipv4Addr): void {
    this.owners.delete(ip);
  }
}
