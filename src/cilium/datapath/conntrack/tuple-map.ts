// Layer cilium (conntrack): a BPF hash map keyed by struct ipv4_ct_tuple — the shape of the CT maps
// (cilium_ct4_global, cilium_ct_any4_global) and of the NAT map (cilium_snat_v4_external). Buckets are
// numbered by a hash of the key and chained on collision, so a lookup builds no string. A dump walks the
// buckets in the order they were first filled (the kernel's walks hash order).

import { ctTupleCopy, ctTupleEquals, ctTupleHash, type CtTuple } from './ct-tuple.js';

interface Node<V> {
  readonly key: Readonly<CtTuple>;
  value: V;
  next: Node<V> | undefined;
}

export class TupleMap<V> {
  private readonly buckets = new Map<number, Node<V>>();
  private count = 0;
  /** Bumped by every insert, replace and delete: a value found at one version is the key's value until it changes. */
  version = 0;

  constructor(readonly name: string) {}

  get size(): number {
    return this.count;
  }

  /** map_lookup_elem. */
  lookup(key: Readonly<CtTuple>): V | undefined {
    let n = this.buckets.get(ctTupleHash(key));
    while (n && !ctTupleEquals(n.key, key)) n = n.next;
    return n?.value;
  }

  /** map_update_elem: BPF_ANY replaces an existing value, BPF_NOEXIST refuses (false) to. */
  update(key: Readonly<CtTuple>, value: V, flags: 'any' | 'noexist' = 'any'): boolean {
    const h = ctTupleHash(key);
    let n = this.buckets.get(h);
    if (!n) {
      this.buckets.set(h, { key: ctTupleCopy(key), value, next: undefined });
      this.count++;
      this.version++;
      return true;
    }
    for (;;) {
      if (ctTupleEquals(n.key, key)) {
        if (flags === 'noexist') return false;
        n.value = value;
        this.version++;
        return true;
      }
      if (!n.next) break;
      n = n.next;
    }
    n.next = { key: ctTupleCopy(key), value, next: undefined };
    this.count++;
    this.version++;
    return true;
  }

  /** map_delete_elem; false when the key is absent. */
  delete(key: Readonly<CtTuple>): boolean {
    const h = ctTupleHash(key);
    let prev: Node<V> | undefined;
    for (let n = this.buckets.get(h); n; prev = n, n = n.next) {
      if (!ctTupleEquals(n.key, key)) continue;
      if (prev) prev.next = n.next;
      else if (n.next) this.buckets.set(h, n.next);
      else this.buckets.delete(h);
      this.count--;
      this.version++;
      return true;
    }
    return false;
  }

  /** Every entry, as a dump sees them; deleting the entry just returned is safe. */
  *entries(): IterableIterator<readonly [Readonly<CtTuple>, V]> {
    for (const head of [...this.buckets.values()]) {
      for (let n: Node<V> | undefined = head; n; n = n.next) yield [n.key, n.value];
    }
  }
}
