// Layer shell: drives a lab's virtual clock under asynchronous commands. A command awaits virtual time
// (sleep, a ping's next second, a TCP timeout); the driver lets every JavaScript continuation settle (one
// macrotask), then runs the events of the next virtual instant, and so on until the command finishes.
// Scripted runs go as fast as the work allows; the real-time mode keeps virtual time no faster than the
// wall clock, so an interactive `ping` prints a line a second; the interactive CLI also keeps a paced pump
// running between commands, so background jobs (`tcpdump &`, `ping &`) go on while the prompt waits.

import type { Scheduler } from '../sim/index.js';

/** Waits for pending promise continuations to run (setImmediate in Node, a MessageChannel in a browser). */
export type MacrotaskYield = () => Promise<void>;

interface Waiter {
  readonly done: () => boolean;
  readonly resolve: (ok: boolean) => void;
  readonly deadlineUs: number;
}

/** Wall-clock turns (about 1 ms each) a run with nothing scheduled waits before it reports a stall. */
const STALL_GRACE_TURNS = 200;

export class VirtualTimeDriver {
  private readonly waiters = new Set<Waiter>();
  private pump: { stopped: boolean } | undefined;

  constructor(
    readonly scheduler: Scheduler,
    readonly yieldMacrotask: MacrotaskYield,
    /** Wall-clock source and timer for real-time mode (the CLI passes Date.now and setTimeout). */
    private readonly realtime?: { readonly nowMs: () => number; readonly sleepMs: (ms: number) => Promise<void> },
  ) {}

  /** A promise for `us` of virtual time from now. */
  sleep(us: number): Promise<void> {
    return new Promise((resolve) => {
      this.scheduler.after(us, resolve);
    });
  }

  /** A promise that resolves when `done()` holds after some virtual instant, or false at the limit. */
  until(done: () => boolean, limitUs = Number.POSITIVE_INFINITY): Promise<boolean> {
    if (done()) return Promise.resolve(true);
    return new Promise((resolve) => {
      const w: Waiter = { done, resolve, deadlineUs: this.scheduler.nowUs + limitUs };
      this.waiters.add(w);
      if (Number.isFinite(limitUs)) this.scheduler.at(w.deadlineUs, () => this.checkWaiters());
    });
  }

  /**
   * Runs `task` to completion, advancing virtual time whenever it waits. In real-time mode each virtual
   * instant is held back until the wall clock reaches it. `limitUs` bounds the virtual time a run may take.
   */
  async run<T>(task: Promise<T>, limitUs = Number.POSITIVE_INFINITY): Promise<T> {
    if (this.pump) return task;
    let settled = false;
    const guarded = task.finally(() => {
      settled = true;
    });
    const startUs = this.scheduler.nowUs;
    const wallStart = this.realtime?.nowMs() ?? 0;
    while (!settled) {
      await this.yieldMacrotask();
      if (settled) break;
      const next = this.scheduler.peekUs();
      if (next === undefined && (await this.settlesWithoutClock(() => settled))) continue;
      if (next === undefined || next - startUs > limitUs) break;
      if (this.realtime) {
        const dueMs = wallStart + (next - startUs) / 1000;
        const waitMs = dueMs - this.realtime.nowMs();
        if (waitMs > 0) {
          await this.realtime.sleepMs(Math.min(waitMs, 50));
          continue;
        }
      }
      this.runInstant(next);
    }
    if (!settled) throw new VirtualTimeStall(this.scheduler.nowUs - startUs);
    return guarded;
  }

  /**
   * Nothing is left on the clock: before calling it a stall, give real asynchronous work (a module that
   * loads on first use) up to ~200 ms of wall time to settle the task or schedule an event.
   */
  private async settlesWithoutClock(isSettled: () => boolean): Promise<boolean> {
    for (let i = 0; i < STALL_GRACE_TURNS; i++) {
      await new Promise<void>((resolve) => setTimeout(resolve, 1));
      if (isSettled() || this.scheduler.peekUs() !== undefined) return true;
    }
    return false;
  }

  /**
   * Real-time mode for an interactive session: from now on virtual time follows the wall clock whether or
   * not a command runs (`run` then only awaits its task). Needs the wall clock given to the constructor.
   */
  startRealtime(): void {
    const rt = this.realtime;
    if (!rt || this.pump) return;
    const pump = { stopped: false };
    this.pump = pump;
    const wallStart = rt.nowMs();
    const virtualStart = this.scheduler.nowUs;
    void (async () => {
      while (!pump.stopped) {
        await this.yieldMacrotask();
        const wallNowUs = virtualStart + Math.floor((rt.nowMs() - wallStart) * 1000);
        const next = this.scheduler.peekUs();
        if (next !== undefined && next <= wallNowUs) {
          this.runInstant(next);
          continue;
        }
        // Nothing due: the clock still moves with the wall, so a timer set now fires a real second later.
        if (wallNowUs > this.scheduler.nowUs) this.runInstant(wallNowUs);
        await rt.sleepMs(Math.min(next === undefined ? 50 : (next - wallNowUs) / 1000, 50));
      }
    })();
  }

  stopRealtime(): void {
    if (this.pump) this.pump.stopped = true;
    this.pump = undefined;
  }

  /** Runs every event scheduled at virtual time `at`, then re-checks the waiters. */
  private runInstant(at: number): void {
    this.scheduler.runUntil(at);
    this.checkWaiters();
  }

  private checkWaiters(): void {
    for (const w of [...this.waiters]) {
      if (w.done()) {
        this.waiters.delete(w);
        w.resolve(true);
      } else if (this.scheduler.nowUs >= w.deadlineUs) {
        this.waiters.delete(w);
        w.resolve(false);
      }
    }
  }
}

/** A command waited for something that can never happen (nothing left on the clock) or for longer than allowed. */
export class VirtualTimeStall extends Error {
  readonly code = 'virtual-time-stall' as const;
  constructor(readonly elapsedUs: number) {
    super(`command did not finish: it waits for an event that never comes (after ${(elapsedUs / 1e6).toFixed(1)} s of virtual time)`);
  }
}
