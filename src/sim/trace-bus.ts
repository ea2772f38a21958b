// Layer sim (a leaf): a typed publish/subscribe bus for observations of the lab (packet taps, drops,
// hops, agent logs). Publishers check `has(topic)` first so an unobserved lab pays no allocation; that
// check runs several times per packet, so it reads a plain per-topic count, not the listener map.

export class TraceBus<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Array<(e: never) => void>>();
  private readonly counts: Partial<Record<keyof Events, number>> = {};

  has<K extends keyof Events>(topic: K): boolean {
    return (this.counts[topic] ?? 0) > 0;
  }

  /** Subscribes; returns the function that unsubscribes. @example const off = bus.on('drop', (d) => log(d)) */
  on<K extends keyof Events>(topic: K, fn: (e: Events[K]) => void): () => void {
    let l = this.listeners.get(topic);
    if (!l) {
      l = [];
      this.listeners.set(topic, l);
    }
    l.push(fn);
    this.counts[topic] = l.length;
    return () => {
      const i = l.indexOf(fn);
      if (i >= 0) l.splice(i, 1);
      this.counts[topic] = l.length;
    };
  }

  emit<K extends keyof Events>(topic: K, event: Events[K]): void {
    const l = this.listeners.get(topic) as Array<(e: Events[K]) => void> | undefined;
    if (!l) return;
    for (const fn of l.slice()) fn(event);
  }
}
