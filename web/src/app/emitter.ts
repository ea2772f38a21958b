// web (app): a minimal typed event emitter for views that follow the runtime (a new capture file, a
// command typed in a terminal, a lab replaced). Listeners get an unsubscribe function back.

export class Emitter<T> {
  private readonly listeners = new Set<(value: T) => void>();

  on(fn: (value: T) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  emit(value: T): void {
    for (const fn of [...this.listeners]) fn(value);
  }
}
