// Layer sim (a leaf): the discrete-event scheduler and the virtual clock of a lab.
// Time is an integer count of microseconds since the lab's epoch; nothing here reads the wall clock.
// Events at the same time run in the order they were scheduled (a binary heap keyed by time, then sequence).

export interface Timer {
  readonly atUs: number;
  readonly seq: number;
  cancelled: boolean;
  readonly fn: () => void;
}

export class Scheduler {
  nowUs = 0;
  private heap: Timer[] = [];
  private seq = 0;

  /** Runs `fn` at absolute virtual time `atUs` (never earlier than now). @example s.at(s.nowUs + 1000, () => {}) */
  at(atUs: number, fn: () => void): Timer {
    const t: Timer = { atUs: Math.max(atUs, this.nowUs), seq: this.seq++, cancelled: false, fn };
    this.push(t);
    return t;
  }

  after(delayUs: number, fn: () => void): Timer {
    return this.at(this.nowUs + Math.max(0, Math.round(delayUs)), fn);
  }

  cancel(t: Timer | undefined): void {
    if (t) t.cancelled = true;
  }

  get pending(): number {
    return this.heap.length;
  }

  /** Time of the next live event, or undefined when the queue is empty. */
  peekUs(): number | undefined {
    this.dropCancelled();
    return this.heap[0]?.atUs;
  }

  /** Runs the next event; returns false when there is none. */
  runNext(): boolean {
    this.dropCancelled();
    const t = this.pop();
    if (!t) return false;
    this.nowUs = t.atUs;
    t.fn();
    return true;
  }

  /** Runs every event due at or before `untilUs`, then sets the clock to `untilUs`. */
  runUntil(untilUs: number): void {
    while (this.runOne(untilUs));
    if (untilUs > this.nowUs) this.nowUs = untilUs;
  }

  /** Runs events until `done()` holds or the queue empties; returns whether `done()` held. */
  runWhile(notDone: () => boolean, limitUs = Number.POSITIVE_INFINITY): boolean {
    while (notDone()) if (!this.runOne(limitUs)) return false;
    return true;
  }

  /** Runs the next event if it is due by `limitUs`. */
  private runOne(limitUs: number): boolean {
    this.dropCancelled();
    const top = this.heap[0];
    if (top === undefined || top.atUs > limitUs) return false;
    this.pop();
    this.nowUs = top.atUs;
    top.fn();
    return true;
  }

  private dropCancelled(): void {
    while (this.heap.length > 0 && this.heap[0]?.cancelled) this.pop();
  }

  private less(a: Timer, b: Timer): boolean {
    return a.atUs < b.atUs || (a.atUs === b.atUs && a.seq < b.seq);
  }

  private push(t: Timer): void {
    const h = this.heap;
    h.push(t);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      const parent = h[p] as Timer;
      if (!this.less(t, parent)) break;
      h[i] = parent;
      i = p;
    }
    h[i] = t;
  }

  private pop(): Timer | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (top === undefined || last === undefined || h.length === 0) return top;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= h.length) break;
      const r = l + 1;
      const c = r < h.length && this.less(h[r] as Timer, h[l] as Timer) ? r : l;
      if (!this.less(h[c] as Timer, last)) break;
      h[i] = h[c] as Timer;
      i = c;
    }
    h[i] = last;
    return top;
  }
}
