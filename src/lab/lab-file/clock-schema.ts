// Layer lab (lab file): `clock:`: the virtual wall clock at t=0 and the hosts' time zone. The start is
// ISO 8601 with an explicit offset; the offset must agree with the zone at that instant, so the local
// times tcpdump and date print cannot contradict the start time the user wrote.

import { z } from 'zod';
import { fail } from './fields.js';

export const DEFAULT_CLOCK_START = '2025-01-01T00:00:00Z';

const ISO_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** One formatter per zone (building an Intl.DateTimeFormat costs far more than using one); null: unknown zone. */
const offsetFormats = new Map<string, Intl.DateTimeFormat | null>();

function offsetFormat(timeZone: string): Intl.DateTimeFormat | null {
  let f = offsetFormats.get(timeZone);
  if (f === undefined) {
    try {
      f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    } catch {
      f = null;
    }
    if (offsetFormats.size < 64) offsetFormats.set(timeZone, f);
  }
  return f;
}

/** The UTC offset of `timeZone` at `unixMs`, as "+09:00" ("+00:00" for UTC); undefined for an unknown zone. */
export function zoneOffset(timeZone: string, unixMs: number): string | undefined {
  const f = offsetFormat(timeZone);
  if (f === null) return undefined;
  try {
    const name = f.formatToParts(unixMs).find((p) => p.type === 'timeZoneName')?.value ?? '';
    return name === 'GMT' ? '+00:00' : name.replace(/^GMT/, '');
  } catch {
    return undefined;
  }
}

const start = z.string().transform((s, ctx) => {
  const m = ISO_WITH_OFFSET.exec(s);
  const ms = Date.parse(s);
  if (m === null || Number.isNaN(ms)) {
    return fail(ctx, s, 'invalid-time', `"${s}" is not an ISO 8601 time with an offset, like "2025-08-03T20:37:00+09:00"`);
  }
  return { text: s, unixMs: ms, offset: m[8] === 'Z' ? '+00:00' : (m[8] ?? '+00:00') };
});

const timezone = z.string().transform((s, ctx) =>
  zoneOffset(s, 0) === undefined ? fail(ctx, s, 'invalid-time', `"${s}" is not an IANA time zone (e.g. UTC, Asia/Seoul, Europe/Berlin)`) : s,
);

export const clockSchema = z
  .strictObject({
    start: start.prefault(DEFAULT_CLOCK_START).describe('The virtual wall clock at t=0, ISO 8601 with offset ("2025-08-03T20:37:00+09:00"). Default 2025-01-01T00:00:00Z.'),
    timezone: timezone.prefault('UTC').describe('IANA time zone of the hosts (/etc/localtime), e.g. Asia/Seoul. Default UTC.'),
  })
  .describe('The virtual clock.');

/** Checks that the start's offset is the zone's offset at that instant; returns the problem, if any. */
export function clockMismatch(clock: z.output<typeof clockSchema>): string | undefined {
  const want = zoneOffset(clock.timezone, clock.start.unixMs);
  if (want === undefined || want === clock.start.offset) return undefined;
  return `${clock.start.text} has offset ${clock.start.offset}, but ${clock.timezone} is at ${want} at that time; write the start with ${want} or change timezone`;
}
