// parseDuration reads Go durations (time.ParseDuration) into whole microseconds; formatDuration prints
// them back the way Go does ("1m37s"), for messages.

import { describe, expect, it } from 'vitest';
import { formatDuration, parseDuration } from './duration.js';

describe('parseDuration (Go time.ParseDuration, in microseconds)', () => {
  it.each([
    ['400us', 400],
    ['0.4ms', 400],
    ['1ms', 1000],
    ['1.5ms', 1500],
    ['µs', undefined],
    ['5µs', 5],
    ['5μs', 5],
    ['2000ns', 2],
    ['97s', 97_000_000],
    ['-59m', -3_540_000_000],
    ['1h30m', 5_400_000_000],
    ['+1h', 3_600_000_000],
    ['0', 0],
    ['-0', 0],
    ['.5s', 500_000],
    ['1.s', 1_000_000],
  ])('%s', (text, us) => {
    const r = parseDuration(text);
    expect(r.ok ? r.us : undefined).toBe(us);
  });

  it.each([
    ['', '"" is not a duration: it is empty'],
    ['5', '"5" is not a duration: missing unit (write e.g. 400us, 0.4ms, 1ms, 59m, 1h30m)'],
    ['1d', '"1d" is not a duration: unknown unit "d" (units: ns, us, ms, s, m, h)'],
    ['0.4 ms', '"0.4 ms" is not a duration: no spaces allowed (write 0.4ms)'],
    ['1ns', '"1ns" is not a duration: below the virtual clock resolution of 1us'],
    ['.ms', '".ms" is not a duration: write a number followed by a unit, e.g. 400us, 0.4ms, 1ms, 59m, 1h30m'],
  ])('rejects %j', (text, reason) => {
    expect(parseDuration(text)).toEqual({ ok: false, reason });
  });

  it('formats', () => {
    expect([0, 400, 1500, 97_000_000, -3_540_000_000, 5_400_000_000, 3_661_000_000].map(formatDuration)).toEqual(['0s', '400us', '1.5ms', '1m37s', '-59m', '1h30m', '1h1m1s']);
  });
});
