// Layer sim (a leaf): the discrete-event scheduler and the virtual clock of a lab.
// Time is an integer count of microseconds since the lab's epoch; nothing here reads the wall clock.
// Events at the same time run in the order they were scheduled. Events due within the next WHEEL_US µs
// (every packet's: link latency, forwarding delay) wait in a timing wheel, one FIFO per microsecond; later
// ones (timers) in a binary heap keyed by time, then sequence. The next event is the earlier of the two heads.

export interface Timer {
  readonly atUs: number;
  readonly seq: number;
  cancelled: boolean;
  /** What runs, with `arg`: one function for every packet and the packet as its argument costs no closure. */
  readonly fn: (arg: never) => void;
  readonly arg: unknown;
  /** The next timer of the same wheel slot (the last one's is the first). */
  next: Timer | undefined;
}

/** The wheel's span in µs (a power of two): a slot per microsecond from now on. */
const WHEEL_US = 2048;
const WHEEL_MASK = WHEEL_US - 1;

export class Scheduler {
  nowUs = 0;
  private heap: Timer[] = [];
  private seq = 0;
  /**
   * The wheel: per slot the last timer of its FIFO, a ring whose last links back to the first (one store into
   * this long-lived array per event, the costly kind for the GC's write barrier), and a bit per non-empty slot.
   */
  private readonly slotTail: Array<Timer | undefined> = new Array<Timer | undefined>(WHEEL_US).fill(undefined);
  private readonly occupied = new Int32Array(WHEEL_US / 32);
  private wheelSize = 0;

  /** Runs `fn(arg)` at absolute virtual time `atUs` (never earlier than now). @example s.at(s.nowUs + 1000, () => {}) */
  at<A = undefined>(atUs: number, fn: (arg: A) => void, arg?: A): Timer {
    const t: Timer = { atUs: Math.max(atUs, this.nowUs), seq: this.seq++, cancelled: false, fn, arg, next: undefined };
    // The wheel holds only whole microseconds within its span, so a slot never mixes two times.
    if (t.atUs - this.nowUs < WHEEL_US && Math.floor(t.atUs) === t.atUs) this.wheelPush(t);
    else this.heapPush(t);
    return t;
  }

  after<A = undefined>(delayUs: number, fn: (arg: A) => void, arg?: A): Timer {
    return this.at(this.nowUs + Math.max(0, Math.round(delayUs)), fn, arg);
  }

  cancel(t: Timer | undefined): void {
    if (t) t.cancelled = true;
  }

  get pending(): number {
    return this.heap.length + this.wheelSize;
  }

  /** Time of the next live event, or undefined when the queue is empty. */
  peekUs(): number | undefined {
    return this.peek()?.atUs;
  }

  /** Runs the next event; returns false when there is none. */
  runNext(): boolean {
    return this.runOne(Number.POSITIVE_INFINITY);
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
    const t = this.peek();
    if (t === undefined || t.atUs > limitUs) return false;
    if (t === this.heap[0]) this.heapPop();
    else this.wheelShift(t);
    this.nowUs = t.atUs;
    (t.fn as (arg: unknown) => void)(t.arg);
    return true;
  }

  /** The next live timer (cancelled ones at either head are dropped on the way), left in place. */
  private peek(): Timer | undefined {
    while (this.heap.length > 0 && (this.heap[0] as Timer).cancelled) this.heapPop();
    let w = this.wheelHead();
    while (w !== undefined && w.cancelled) {
      this.wheelShift(w);
      w = this.wheelHead();
    }
    const h = this.heap[0];
    if (w === undefined) return h;
    if (h === undefined) return w;
    return h.atUs < w.atUs || (h.atUs === w.atUs && h.seq < w.seq) ? h : w;
  }

  private wheelPush(t: Timer): void {
    const slot = t.atUs & WHEEL_MASK;
    const tail = this.slotTail[slot];
    if (tail === undefined) {
      t.next = t;
      this.occupied[slot >>> 5] = (this.occupied[slot >>> 5] as number) | (1 << (slot & 31));
    } else {
      t.next = tail.next;
      tail.next = t;
    }
    this.slotTail[slot] = t;
    this.wheelSize++;
  }

  /** The earliest wheel timer: the first of the first non-empty slot from now on. */
  private wheelHead(): Timer | undefined {
    if (this.wheelSize === 0) return undefined;
    const from = Math.floor(this.nowUs) & WHEEL_MASK;
    let word = from >>> 5;
    let bits = (this.occupied[word] as number) & (-1 << (from & 31));
    for (let i = 0; bits === 0 && i < WHEEL_US / 32; i++) {
      word = (word + 1) & (WHEEL_US / 32 - 1);
      bits = this.occupied[word] as number;
    }
    // The lowest set bit of `bits` is the slot; its tail's next is its head.
    return this.slotTail[(word << 5) | (31 - Math.clz32(bits & -bits))]?.next;
  }

  /** Removes `t`, the head of its slot. */
  private wheelShift(t: Timer): void {
    const slot = t.atUs & WHEEL_MASK;
    const tail = this.slotTail[slot] as Timer;
    if (tail === t) {
      this.slotTail[slot] = undefined;
      this.occupied[slot >>> 5] = (this.occupied[slot >>> 5] as number) & ~(1 << (slot & 31));
    } else tail.next = t.next;
    t.next = undefined;
    this.wheelSize--;
  }

  private less(a: Timer, b: Timer): boolean {
    return a.atUs < b.atUs || (a.atUs === b.atUs && a.seq < b.seq);
  }

  private heapPush(t: Timer): void {
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

  private heapPop(): Timer | undefined {
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
