// Layer k8s: a rate-limited work queue on the virtual clock (client-go util/workqueue's delaying
// queue): a key added several times before it is processed is processed once, at the earliest
// requested time. K8sErrors raised by the handler (conflicts, races) retry with backoff.

import type { Scheduler, Timer } from '../../sim/scheduler.js';
import { K8sError } from '../errors.js';

export class WorkQueue {
  private readonly pending = new Map<string, Timer>();
  private readonly failures = new Map<string, number>();

  constructor(
    private readonly scheduler: Scheduler,
    private readonly handler: (key: string) => void,
  ) {}

  /** Schedules `key` for processing after `delayUs` (coalesced with an earlier pending run). */
  add(key: string, delayUs = 0): void {
    const at = this.scheduler.nowUs + Math.max(0, Math.round(delayUs));
    const existing = this.pending.get(key);
    if (existing && !existing.cancelled && existing.atUs <= at) return;
    this.scheduler.cancel(existing);
    this.pending.set(
      key,
      this.scheduler.at(at, () => this.run(key)),
    );
  }

  get length(): number {
    return this.pending.size;
  }

  private run(key: string): void {
    this.pending.delete(key);
    try {
      this.handler(key);
      this.failures.delete(key);
    } catch (e) {
      if (!(e instanceof K8sError)) throw e;
      const n = (this.failures.get(key) ?? 0) + 1;
      this.failures.set(key, n);
      if (n <= 15) this.add(key, Math.min(5_000, 5 * 2 ** n) * 1000);
    }
  }
}
