// web (packets): what the trace bus recorded, on a playback clock. Virtual time is too fast to watch (a
// hop takes microseconds) and too slow between packets (a ping a second), so each event gets a playback
// time: gaps of virtual time shrink (1 ms of lab time plays in STEP_MS, at most 3 steps), and every hop
// of a packet takes at least one step after the event it came from. Packets in flight at once stay so.

import type { Recorded } from '../../../src/index.browser.js';

export const STEP_MS = 320;
const MAX_GAP_STEPS = 3;
const MAX_EVENTS = 20_000;
const MAX_MARKS = 200;

/** A frame seen on a device, or a drop: what moves on the picture. */
export type Move = Extract<Recorded, { kind: 'packet' | 'drop' }>;

export interface TimelineEvent {
  readonly seq: number;
  readonly rec: Recorded;
  readonly playMs: number;
}

export interface MoveEvent extends TimelineEvent {
  readonly rec: Move;
  /** The event the packet moved from (undefined for its first). */
  readonly from: MoveEvent | undefined;
}

export interface Trace {
  readonly traceId: number;
  /** Every event of the packet, in order. */
  readonly events: TimelineEvent[];
  readonly moves: MoveEvent[];
}

export interface Mark {
  readonly label: string;
  readonly playMs: number;
}

const machineOf = (r: Recorded) => r.e.netns.name.split('/')[0] ?? '';

export class Timeline {
  readonly traces = new Map<number, Trace>();
  readonly marks: Mark[] = [];
  private readonly stops: number[] = [];
  private count = 0;
  private seq = 0;
  private lastUs = Number.NEGATIVE_INFINITY;
  private baseMs = 0;
  private maxMs = 0;

  get endMs(): number {
    return this.maxMs;
  }

  /** Adds a recorded event; `floorMs` (the playhead) keeps events after a quiet time from playing in the past. */
  add(rec: Recorded, floorMs: number): TimelineEvent {
    const t = rec.e.timeUs;
    if (t > this.lastUs) {
      const gap = Number.isFinite(this.lastUs) ? Math.min(MAX_GAP_STEPS, (t - this.lastUs) / 1000) * STEP_MS : 0;
      this.baseMs = Math.max(this.maxMs + gap, floorMs);
      this.lastUs = t;
    }
    let trace = this.traces.get(rec.e.traceId);
    if (!trace) {
      trace = { traceId: rec.e.traceId, events: [], moves: [] };
      this.traces.set(rec.e.traceId, trace);
    }
    let ev: TimelineEvent;
    if (rec.kind === 'hop') ev = { seq: ++this.seq, rec, playMs: trace.moves.at(-1)?.playMs ?? this.baseMs };
    else {
      const from = sourceOf(trace, rec);
      const move: MoveEvent = { seq: ++this.seq, rec, playMs: Math.max(this.baseMs, from ? from.playMs + STEP_MS : 0), from };
      trace.moves.push(move);
      insertSorted(this.stops, move.playMs);
      ev = move;
    }
    trace.events.push(ev);
    this.maxMs = Math.max(this.maxMs, ev.playMs);
    if (++this.count > MAX_EVENTS) this.dropOldest();
    return ev;
  }

  /** A command was typed: replays start here. */
  mark(label: string, floorMs: number): Mark {
    const m = { label, playMs: Math.max(this.maxMs, floorMs) };
    this.marks.push(m);
    if (this.marks.length > MAX_MARKS) this.marks.shift();
    return m;
  }

  /** The next playback time something happens after `ms`. */
  nextStop(ms: number): number | undefined {
    return this.stops.find((s) => s > ms);
  }

  prevStop(ms: number): number | undefined {
    return this.stops.findLast((s) => s < ms);
  }

  /** Packets with a move in [fromMs, toMs], oldest first. */
  tracesBetween(fromMs: number, toMs: number): Trace[] {
    return [...this.traces.values()].filter((t) => t.moves.some((m) => m.playMs >= fromMs && m.playMs <= toMs));
  }

  private dropOldest(): void {
    const first = this.traces.values().next().value;
    if (!first) return;
    this.traces.delete(first.traceId);
    this.count -= first.events.length;
    const keepFrom = this.traces.values().next().value?.moves[0]?.playMs ?? this.maxMs;
    while ((this.stops[0] ?? Number.POSITIVE_INFINITY) < keepFrom) this.stops.shift();
  }
}

/** Adds `v` to the ascending array `xs` unless it is there. */
function insertSorted(xs: number[], v: number): void {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] ?? 0) < v) lo = mid + 1;
    else hi = mid;
  }
  if (xs[lo] !== v) xs.splice(lo, 0, v);
}

/**
 * Where a frame or drop came from: the packet's previous event, except that a frame received on another
 * VM than the previous event's (a broadcast reaching a second host) comes from the last transmission.
 */
function sourceOf(trace: Trace, rec: Move): MoveEvent | undefined {
  const prev = trace.moves.at(-1);
  if (!prev || rec.kind !== 'packet' || rec.e.dir !== 'in') return prev;
  if (prev.rec.kind === 'packet' && prev.rec.e.dir === 'in' && machineOf(prev.rec) !== machineOf(rec)) {
    return trace.moves.findLast((m) => m.rec.kind === 'packet' && m.rec.e.dir === 'out');
  }
  return prev;
}
