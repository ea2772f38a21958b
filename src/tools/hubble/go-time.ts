// Layer tools (hubble): the time layouts hubble prints with (Go's time.Format in the host's zone):
// StampMilli "Jan _2 15:04:05.000" (the default), RFC3339 and its Milli/Micro/Nano forms, the date-only
// ones, RFC1123Z; and the proto3 JSON form of a timestamp (UTC, 0/3/6/9 fractional digits).

import { localTime } from '../../lab/wall-clock.js';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

function p2(n: number): string {
  return String(n).padStart(2, '0');
}

function zone(offsetMinutes: number, z: boolean): string {
  if (offsetMinutes === 0 && z) return 'Z';
  const a = Math.abs(offsetMinutes);
  return `${offsetMinutes < 0 ? '-' : '+'}${p2(Math.floor(a / 60))}${z ? ':' : ''}${p2(a % 60)}`;
}

/** ".999" / ".999999" / ".999999999": fraction digits with trailing zeros (and a lone dot) dropped. */
function trimmedFraction(us: number, digits: number): string {
  const f = String(us).padStart(6, '0').padEnd(9, '0').slice(0, digits).replace(/0+$/, '');
  return f === '' ? '' : `.${f}`;
}

/** Formats wall-clock microseconds in `timeZone` with one of hubble's --time-format names. */
export function formatGoTime(wallUs: number, timeZone: string, formatName: string): string {
  const ms = Math.floor(wallUs / 1000);
  const us = ((wallUs % 1_000_000) + 1_000_000) % 1_000_000;
  const t = localTime(ms, timeZone);
  const date = `${t.year}-${p2(t.month)}-${p2(t.day)}`;
  const clock = `${p2(t.hour)}:${p2(t.minute)}:${p2(t.second)}`;
  switch (formatName.toLowerCase()) {
    case 'yearmonthday':
      return date;
    case 'yearmonthdayhour':
      return `${date}T${p2(t.hour)}${zone(t.offsetMinutes, true)}`;
    case 'yearmonthdayhourminute':
      return `${date}T${p2(t.hour)}:${p2(t.minute)}${zone(t.offsetMinutes, true)}`;
    case 'rfc3339':
      return `${date}T${clock}${zone(t.offsetMinutes, true)}`;
    case 'rfc3339milli':
      return `${date}T${clock}${trimmedFraction(us, 3)}${zone(t.offsetMinutes, true)}`;
    case 'rfc3339micro':
      return `${date}T${clock}${trimmedFraction(us, 6)}${zone(t.offsetMinutes, true)}`;
    case 'rfc3339nano':
      return `${date}T${clock}${trimmedFraction(us, 9)}${zone(t.offsetMinutes, true)}`;
    case 'rfc1123z': {
      const wd = DAYS[new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay()] ?? '';
      return `${wd}, ${p2(t.day)} ${MONTHS[t.month - 1] ?? ''} ${t.year} ${clock} ${zone(t.offsetMinutes, false)}`;
    }
    default:
      return `${MONTHS[t.month - 1] ?? ''} ${String(t.day).padStart(2, ' ')} ${clock}.${String(Math.floor(us / 1000)).padStart(3, '0')}`;
  }
}

/** protojson's Timestamp: "2025-08-03T11:37:18.313178Z". */
export function protoTimestamp(wallUs: number): string {
  const d = new Date(Math.floor(wallUs / 1000));
  const us = ((wallUs % 1_000_000) + 1_000_000) % 1_000_000;
  const base = `${d.getUTCFullYear()}-${p2(d.getUTCMonth() + 1)}-${p2(d.getUTCDate())}T${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`;
  if (us === 0) return `${base}Z`;
  return `${base}.${us % 1000 === 0 ? String(us / 1000).padStart(3, '0') : String(us).padStart(6, '0')}Z`;
}
