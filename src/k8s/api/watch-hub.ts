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
  private readonly byKind = new Map<string, WatchHandler[]>();
  private readonly any: WatchHandler[] = [];
  private readonly queue: WatchEvent[] = [];
  private dispatching = false;

  /** Subscribes to one kind; returns the unsubscribe function. */
  on(kind: string, handler: WatchHandler): () => void {
    const list = this.byKind.get(kind) ?? [];
    list.push(handler);
    this.byKind.set(kind, list);
    return () => remove(list, handler);
  }

  onAny(handler: WatchHandler): () => void {
    this.any.push(handler);
    return () => remove(this.any, handler);
  }

  emit(e: WatchEvent): void {
    this.queue.push(e);
    if (this.dispatching) return;
    this.dispatching = true;
    try {
      for (let next = this.queue.shift(); next !== undefined; next = this.queue.shift()) {
        for (const h of (this.byKind.get(next.object.kind) ?? []).slice()) h(next);
        for (const h of this.any.slice()) h(next);
      }
    } finally {
      this.dispatching = false;
    }
  }
}

function remove(list: WatchHandler[], h: WatchHandler): void {
  const i = list.indexOf(h);
  if (i >= 0) list.splice(i, 1);
}
