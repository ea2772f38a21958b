// Layer observe: Hubble's flow ring buffer (pkg/hubble/container/ring.go): the last `capacity` flows of a
// node (hubble-event-buffer-capacity, 4095 by default); older flows are overwritten. Reads go oldest first.

export class FlowRing<T> {
  private readonly items: Array<T | undefined>;
  private next = 0;
  private count = 0;

  constructor(readonly capacity: number) {
    this.items = new Array<T | undefined>(capacity);
  }

  push(item: T): void {
    this.items[this.next] = item;
    this.next = (this.next + 1) % this.capacity;
    if (this.count < this.capacity) this.count++;
  }

  get size(): number {
    return this.count;
  }

  /** Oldest first. */
  toArray(): T[] {
    const out: T[] = [];
    const start = (this.next - this.count + this.capacity) % this.capacity;
    for (let i = 0; i < this.count; i++) {
      const it = this.items[(start + i) % this.capacity];
      if (it !== undefined) out.push(it);
    }
    return out;
  }
}
