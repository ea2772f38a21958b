// Layer k8s: watch fan-out, the in-process equivalent of the apiserver's watch cache and the
// informers built on it. Handlers run synchronously, in registration order; an event raised while
// handlers run is queued and delivered after, so every handler sees events in commit order.

import type { KubeObject } from '../objects/meta.js';

export type WatchEventType = 'ADDED' | 'MODIFIED' | 'DELETED';

export interface WatchEvent<T extends KubeObject = KubeObject> {
  readonly type: WatchEventType;
  /** The object as committed (for DELETED: its last state). Shared: do not mutate. */
  readonly object: T;
  /** The previous state for MODIFIED and DELETED. */
  readonly oldObject?: T;
}

export type WatchHandler<T extends KubeObject = KubeObject> = (e: WatchEvent<T>) => void;

export class WatchHub {
  /** Handler lists are replaced, never edited, so a dispatch can walk the list it started with. */
  private readonly byKind = new Map<string, readonly WatchHandler[]>();
  private any: readonly WatchHandler[] = [];
  private readonly queue: WatchEvent[] = [];
  private dispatching = false;

  /** Subscribes to one kind; returns the unsubscribe function. */
  on(kind: string, handler: WatchHandler): () => void {
    this.byKind.set(kind, [...(this.byKind.get(kind) ?? []), handler]);
    return () => this.byKind.set(kind, without(this.byKind.get(kind) ?? [], handler));
  }

  onAny(handler: WatchHandler): () => void {
    this.any = [...this.any, handler];
    return () => {
      this.any = without(this.any, handler);
    };
  }

  emit(e: WatchEvent): void {
    // With nothing queued the event is delivered at once; what its handlers raise queues behind it.
    const isQueued = this.dispatching || this.queue.length > 0;
    if (isQueued) this.queue.push(e);
    if (this.dispatching) return;
    this.dispatching = true;
    let taken = 0;
    try {
      if (!isQueued) this.deliver(e);
      while (taken < this.queue.length) this.deliver(this.queue[taken++] as WatchEvent);
    } finally {
      // A handler that throws leaves the later events queued for the next emit.
      if (this.queue.length > 0) this.queue.splice(0, taken);
      this.dispatching = false;
    }
  }

  private deliver(e: WatchEvent): void {
    const handlers = this.byKind.get(e.object.kind) ?? NO_HANDLERS;
    for (let j = 0; j < handlers.length; j++) (handlers[j] as WatchHandler)(e);
    const any = this.any;
    for (let j = 0; j < any.length; j++) (any[j] as WatchHandler)(e);
  }
}

const NO_HANDLERS: readonly WatchHandler[] = [];

function without(list: readonly WatchHandler[], h: WatchHandler): readonly WatchHandler[] {
  const i = list.indexOf(h);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}
