// The lab's wall clock text against Go's time.RFC3339 output for the same instants (Asia/Seoul has no DST).
import { expect, test } from 'vitest';
import { localTime, rfc3339Local } from './wall-clock.js';

test('RFC 3339 in the lab zone, as kubectl writes restartedAt', () => {
  const ms = Date.parse('2025-08-03T11:40:05Z');
  expect(rfc3339Local(ms, 'Asia/Seoul')).toBe('2025-08-03T20:40:05+09:00');
  expect(rfc3339Local(ms, 'UTC')).toBe('2025-08-03T11:40:05Z');
  expect(rfc3339Local(ms, 'America/New_York')).toBe('2025-08-03T07:40:05-04:00');
  expect(localTime(Date.parse('2025-08-03T15:30:00Z'), 'Asia/Seoul')).toMatchObject({ day: 4, hour: 0, minute: 30 });
});
