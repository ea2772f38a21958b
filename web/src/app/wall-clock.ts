// web (app): what the virtual-time driver needs from the browser: a macrotask yield (a MessageChannel
// message runs after pending promise jobs, without setTimeout's 4 ms clamp) and a wall clock. The clock
// can run faster than the real one (the page's "lab clock" control, or ?clock=N), so a 22-second rollout
// can be watched in a few seconds; at 1× a `ping` prints a line a second, as in the real lab.

import type { MacrotaskYield } from '../../../src/index.browser.js';

const channel = new MessageChannel();
const waiting: Array<() => void> = [];
channel.port1.onmessage = () => waiting.shift()?.();

export const macrotask: MacrotaskYield = () =>
  new Promise<void>((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(0);
  });

/** A wall clock whose rate can change; it never runs backwards. */
export class LabClock {
  private baseMs = 0;
  private realBaseMs = performance.now();

  constructor(private rate = 1) {}

  get speed(): number {
    return this.rate;
  }

  set speed(rate: number) {
    this.baseMs = this.nowMs();
    this.realBaseMs = performance.now();
    this.rate = rate;
  }

  nowMs = (): number => this.baseMs + (performance.now() - this.realBaseMs) * this.rate;

  sleepMs = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms / this.rate));
}
