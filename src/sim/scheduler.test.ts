// The scheduler against a reference order: whatever is scheduled, cancelled or scheduled from inside an
// event, events run by time, then in scheduling order, and a cancelled one never runs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler, type Timer } from './scheduler.js';

describe('Scheduler', () => {
  it('runs events by time, same-time events in scheduling order, and never a cancelled one', () => {
    // Each step schedules an event `delay` µs after now; a step may cancel an earlier event; events may schedule more.
    const step = fc.record({ delay: fc.integer({ min: 0, max: 40 }), cancel: fc.option(fc.nat(), { nil: undefined }), spawn: fc.integer({ min: 0, max: 2 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const s = new Scheduler();
        const timers: Timer[] = [];
        const expected: Array<{ atUs: number; seq: number; id: number }> = [];
        const ran: number[] = [];
        let next = 0;
        const schedule = (delay: number, spawn: number): void => {
          const id = next++;
          const t = s.after(delay, () => {
            ran.push(id);
            for (let k = 0; k < spawn; k++) schedule((delay * 7 + k) % 13, 0);
          });
          timers.push(t);
          expected.push({ atUs: t.atUs, seq: t.seq, id });
        };
        for (const st of steps) {
          schedule(st.delay, st.spawn);
          if (st.cancel !== undefined) s.cancel(timers[st.cancel % timers.length]);
          if (st.delay % 5 === 0) s.runNext();
        }
        s.runUntil(Number.POSITIVE_INFINITY);
        const live = expected.filter((e) => !timers[e.id]?.cancelled || ran.includes(e.id));
        live.sort((a, b) => a.atUs - b.atUs || a.seq - b.seq);
        expect([...ran].sort((a, b) => a - b)).toEqual(live.map((e) => e.id).sort((a, b) => a - b));
        const order = ran.map((id) => expected[id]!);
        for (let i = 1; i < order.length; i++) {
          const a = order[i - 1]!;
          const b = order[i]!;
          expect(a.atUs < b.atUs || (a.atUs === b.atUs && a.seq < b.seq)).toBe(true);
        }
        expect(s.pending).toBe(0);
      }),
    );
  });
});
