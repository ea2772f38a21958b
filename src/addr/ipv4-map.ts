// Layer addr: a map keyed by IPv4 address, as the datapath's per-packet lookups need it. Keys are stored as
// `addr | 0`: a small integer in V8, where an address from 128.0.0.0 up is a heap number that every lookup
// would box first.

export class Ipv4Map<V> {
  private readonly byAddr = new Map<number, V>();

  get size(): number {
    return this.byAddr.size;
  }

  get(addr: number): V | undefined {
    return this.byAddr.get(addr | 0);
  }

  has(addr: number): boolean {
    return this.byAddr.has(addr | 0);
  }

  set(addr: number, value: V): this {
    this.byAddr.set(addr | 0, value);
    return this;
  }

  delete(addr: number): boolean {
    return this.byAddr.delete(addr | 0);
  }

  /** The values in insertion order. */
  values(): IterableIterator<V> {
    return this.byAddr.values();
  }
}
