// The scheduler against a reference order: whatever is scheduled (near, in the timing wheel; far or at a
// fractional time, in the heap), cancelled, scheduled from inside an event or skipped over by a jump of the
// clock, events run by time, then in scheduling order, and a cancelled one never runs.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Scheduler, type Timer } from './scheduler.js';

describe('Scheduler', () => {
  it('runs events by time, same-time events in scheduling order, and never a cancelled one', () => {
    // Each step schedules an event `delay` µs after now; a step may cancel an earlier event; events may schedule more.
    // Delays around the wheel's 2048 µs span collide with heap timers at the same time once the clock moves.
    const delay = fc.oneof(fc.integer({ min: 0, max: 40 }), fc.constantFrom(0, 0.5, 1, 2046, 2047, 2047.5, 2048, 2049, 4096, 6000));
    const jump = fc.option(fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 5000 })), { nil: undefined });
    const step = fc.record({ delay, cancel: fc.option(fc.nat(), { nil: undefined }), spawn: fc.integer({ min: 0, max: 2 }), jump });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 120 }), (steps) => {
        const s = new Scheduler();
        const timers: Timer[] = [];
        const expected: Array<{ atUs: number; seq: number; id: number }> = [];
        const ran: number[] = [];
        let next = 0;
        const schedule = (delay: number, spawn: number): void => {
          const id = next++;
          // at() keeps a fractional time (after() rounds it).
          const t = s.at(s.nowUs + delay, () => {
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
          if (st.jump !== undefined) s.runUntil(s.nowUs + st.jump);
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
      { numRuns: 400 },
    );
  });
  it('runs a time a microsecond splits after the whole microsecond, whichever was scheduled first', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    s.at(0.5, () => ran.push('0.5'));
    s.at(0, () => ran.push('0'));
    s.at(1, () => ran.push('1'));
    s.runUntil(Number.POSITIVE_INFINITY);
    expect(ran).toEqual(['0', '0.5', '1']);
  });

  it('runs two events at one time in scheduling order when one waited beyond the wheel and one within it', () => {
    const s = new Scheduler();
    const ran: string[] = [];
    s.at(2049, () => ran.push('far, first'));
    s.runUntil(3);
    s.at(2049, () => ran.push('near, second'));
    s.at(2048, () => ran.push('near, earlier'));
    s.runUntil(Number.POSITIVE_INFINITY);
    expect(ran).toEqual(['near, earlier', 'far, first', 'near, second']);
  });
});
