// Layer sim (a leaf): a typed publish/subscribe bus for observations of the lab (packet taps, drops,
// hops, agent logs). Publishers check `has(topic)` first so an unobserved lab pays no allocation; that
// check runs many times per packet, so a bus nobody listens to answers it from one counter.

export class TraceBus<Events extends Record<string, unknown>> {
  private readonly listeners = new Map<keyof Events, Array<(e: never) => void>>();
  /** Listeners of every topic together. */
  private subscribed = 0;

  has<K extends keyof Events>(topic: K): boolean {
    if (this.subscribed === 0) return false;
    const l = this.listeners.get(topic);
    return l !== undefined && l.length > 0;
  }

  /** Subscribes; returns the function that unsubscribes. @example const off = bus.on('drop', (d) => log(d)) */
  on<K extends keyof Events>(topic: K, fn: (e: Events[K]) => void): () => void {
    let l = this.listeners.get(topic);
    if (!l) {
      l = [];
      this.listeners.set(topic, l);
    }
    l.push(fn);
    this.subscribed++;
    return () => {
      const i = l.indexOf(fn);
      if (i < 0) return;
      l.splice(i, 1);
      this.subscribed--;
    };
  }

  emit<K extends keyof Events>(topic: K, event: Events[K]): void {
    const l = this.listeners.get(topic) as Array<(e: Events[K]) => void> | undefined;
    if (!l) return;
    for (const fn of l.slice()) fn(event);
  }
}
