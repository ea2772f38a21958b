// Layer k8s: ClusterIP allocation from the service CIDR (pkg/registry/core/service/ipallocator).
// The network and broadcast addresses are never handed out. Dynamic allocation prefers the upper
// band, leaving the first min(max(16, size/16), 256) addresses to explicit requests (KEP-3070),
// and picks a random free offset there (the seeded rng stands in for the real random source).

import type { Rng } from '../../sim/rng.js';
import { formatIpv4, parseIpv4 } from '../../addr/ipv4-addr.js';
import { contains, formatCidr, network, nth, parseCidr, size, type Ipv4Cidr } from '../../addr/ipv4-cidr.js';

export type AllocateResult = { ok: true; ip: string } | { ok: false; error: string };

export class ServiceIpAllocator {
  readonly cidr: Ipv4Cidr;
  private readonly used = new Set<number>();
  private readonly max: number;
  private readonly lowerBand: number;

  constructor(
    cidrText: string,
    private readonly rng: Rng,
  ) {
    const c = parseCidr(cidrText);
    if (!c) throw new RangeError(`invalid service CIDR ${cidrText}`);
    this.cidr = network(c);
    this.max = Math.max(0, size(this.cidr) - 2);
    this.lowerBand = Math.min(Math.max(16, Math.floor(this.max / 16)), 256);
  }

  get rangeText(): string {
    return formatCidr(this.cidr);
  }

  /** The address at `offset` from the network address (offset 1 is the `kubernetes` service). */
  addressAt(offset: number): string {
    return formatIpv4(nth(this.cidr, offset));
  }

  isAllocated(ip: string): boolean {
    const a = parseIpv4(ip);
    return a !== undefined && this.used.has(a - this.cidr.addr);
  }

  /** Allocate(ip): the messages are ipallocator's ErrNotInRange / ErrAllocated. */
  allocate(ip: string): AllocateResult {
    const a = parseIpv4(ip);
    const offset = a === undefined ? -1 : a - this.cidr.addr;
    if (a === undefined || !contains(this.cidr, a) || offset < 1 || offset > this.max)
      return { ok: false, error: `the provided IP (${ip}) is not in the valid range. The range of valid IPs is ${this.rangeText}` };
    if (this.used.has(offset)) return { ok: false, error: 'provided IP is already allocated' };
    this.used.add(offset);
    return { ok: true, ip };
  }

  /** AllocateNext: a random free address, upper band first. */
  allocateNext(): AllocateResult {
    const pick = (lo: number, hi: number): number | undefined => {
      if (hi < lo) return undefined;
      const span = hi - lo + 1;
      const start = this.rng.int(0, span - 1);
      for (let i = 0; i < span; i++) {
        const off = lo + ((start + i) % span);
        if (!this.used.has(off)) return off;
      }
      return undefined;
    };
    const off = pick(this.lowerBand + 1, this.max) ?? pick(1, Math.min(this.lowerBand, this.max));
    if (off === undefined) return { ok: false, error: 'range is full' };
    this.used.add(off);
    return { ok: true, ip: this.addressAt(off) };
  }

  release(ip: string): void {
    const a = parseIpv4(ip);
    if (a !== undefined) this.used.delete(a - this.cidr.addr);
  }
}

/** NodePort allocation from 30000-32767 (pkg/registry/core/service/portallocator). */
export class NodePortAllocator {
  private readonly used = new Set<number>();
  constructor(
    private readonly rng: Rng,
    readonly base = 30000,
    readonly count = 2768,
  ) {}

  allocate(port: number): AllocateResult {
    if (port < this.base || port >= this.base + this.count)
      return { ok: false, error: `provided port is not in the valid range. The range of valid ports is ${this.base}-${this.base + this.count - 1}` };
    if (this.used.has(port)) return { ok: false, error: 'provided port is already allocated' };
    this.used.add(port);
    return { ok: true, ip: String(port) };
  }

  allocateNext(): number | undefined {
    const start = this.rng.int(0, this.count - 1);
    for (let i = 0; i < this.count; i++) {
      const p = this.base + ((start + i) % this.count);
      if (!this.used.has(p)) {
        this.used.add(p);
        return p;
      }
    }
    return undefined;
  }

  release(port: number): void {
    this.used.delete(port);
  }
}
