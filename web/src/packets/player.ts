// web (packets): the playhead over the timeline — play at a speed, pause, step to the next or previous
// moment something happens, jump to a typed command or to now. Playing stops at the newest event and goes
// on by itself when the lab sends more.

import type { Mark, Timeline } from './timeline.js';

export const SPEEDS = [0.25, 0.5, 1, 2, 4] as const;

export class Player {
  playMs = 0;
  speed = 1;
  isPlaying = true;
  private readonly listeners = new Set<() => void>();

  constructor(readonly timeline: Timeline) {}

  /** Moves the playhead by a frame's wall time. */
  advance(dtMs: number): void {
    if (this.isPlaying) this.playMs = Math.min(this.playMs + dtMs * this.speed, this.timeline.endMs);
  }

  onChange(fn: () => void): void {
    this.listeners.add(fn);
  }

  play(): void {
    this.isPlaying = true;
    this.changed();
  }

  pause(): void {
    this.isPlaying = false;
    this.changed();
  }

  step(): void {
    this.isPlaying = false;
    this.playMs = this.timeline.nextStop(this.playMs) ?? this.playMs;
    this.changed();
  }

  back(): void {
    this.isPlaying = false;
    this.playMs = this.timeline.prevStop(this.playMs) ?? 0;
    this.changed();
  }

  replay(mark: Mark): void {
    this.playMs = mark.playMs;
    this.isPlaying = true;
    this.changed();
  }

  toNow(): void {
    this.playMs = this.timeline.endMs;
    this.changed();
  }

  setSpeed(s: number): void {
    this.speed = s;
    this.changed();
  }

  private changed(): void {
    for (const fn of this.listeners) fn();
  }
}
