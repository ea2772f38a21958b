// Layer lab: wall-clock text in the lab's time zone (the VMs' /etc/localtime): the zone's offset at an
// instant, the local calendar fields, and Go's time.RFC3339 ("2025-08-03T20:40:00+09:00", kubectl's
// restartedAt annotation). Offsets come from Intl's IANA data, so an instant prints alike everywhere.

import { zoneOffset } from './lab-file/clock-schema.js';

/** The zone's UTC offset at `ms`, in minutes east of UTC. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(zoneOffset(timeZone, ms) ?? '+00:00');
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

export interface LocalTime {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  readonly offsetMinutes: number;
}

/** The local calendar fields of `ms` in `timeZone`. */
export function localTime(ms: number, timeZone: string): LocalTime {
  const offsetMinutes = zoneOffsetMinutes(ms, timeZone);
  const d = new Date(ms + offsetMinutes * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    offsetMinutes,
  };
}

/** Go's time.RFC3339 in the zone: "2025-08-03T20:40:00+09:00" ("...Z" in UTC). */
export function rfc3339Local(ms: number, timeZone: string): string {
  const t = localTime(ms, timeZone);
  const p = (n: number) => String(n).padStart(2, '0');
  const local = `${t.year}-${p(t.month)}-${p(t.day)}T${p(t.hour)}:${p(t.minute)}:${p(t.second)}`;
  if (t.offsetMinutes === 0) return `${local}Z`;
  const a = Math.abs(t.offsetMinutes);
  return `${local}${t.offsetMinutes < 0 ? '-' : '+'}${p(Math.floor(a / 60))}:${p(a % 60)}`;
}
