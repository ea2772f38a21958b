// Layer k8s: API timestamps. metav1.Time marshals as RFC 3339 with second precision and a `Z`
// ("2025-08-03T12:34:56Z"); metav1.MicroTime (Event.eventTime) keeps six fractional digits.
// Wall-clock time is the lab's epoch (ms) plus the scheduler's virtual microseconds.

import type { Scheduler } from '../../sim/scheduler.js';

let lastSecond = Number.NaN;
let lastText = '';

/** metav1.Time text of a wall-clock instant; the last second's text is reused (time reads come in bursts). */
export function formatTime(epochMs: number): string {
  const second = Math.floor(epochMs / 1000);
  if (second !== lastSecond) {
    lastText = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
    lastSecond = second;
  }
  return lastText;
}

let lastMicroSecond = Number.NaN;
let lastMicroBase = '';

/** metav1.MicroTime text; the date and time of the last second are reused, as formatTime's are. */
export function formatMicroTime(epochUs: number): string {
  const second = Math.floor(epochUs / 1_000_000);
  if (second !== lastMicroSecond) {
    lastMicroBase = new Date(second * 1000).toISOString().slice(0, 19);
    lastMicroSecond = second;
  }
  const frac = String(Math.floor(epochUs) % 1_000_000).padStart(6, '0');
  return `${lastMicroBase}.${frac}Z`;
}

/** Parses an RFC 3339 timestamp to epoch ms, or undefined. */
export function parseTime(text: string): number | undefined {
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** The lab's wall clock: epoch + virtual time. */
export class ApiClock {
  constructor(
    readonly scheduler: Scheduler,
    readonly epochMs: number,
  ) {}

  get nowUs(): number {
    return this.scheduler.nowUs;
  }

  /** Wall-clock ms at virtual time `atUs` (default: now). */
  wallMs(atUs = this.scheduler.nowUs): number {
    return this.epochMs + atUs / 1000;
  }

  /** metav1.Time for virtual time `atUs` (default: now). */
  time(atUs = this.scheduler.nowUs): string {
    return formatTime(this.wallMs(atUs));
  }

  microTime(atUs = this.scheduler.nowUs): string {
    return formatMicroTime(this.epochMs * 1000 + atUs);
  }
}
