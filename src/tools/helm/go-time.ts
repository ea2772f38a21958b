// Layer tools (helm): Go time formatting Helm's output uses, in the lab's time zone (the VM's
// /etc/localtime): time.ANSIC for LAST DEPLOYED and history, Time.String() for `helm list` UPDATED
// ("2006-01-02 15:04:05.999999999 -0700 MST", fraction without trailing zeros, tzdata's abbreviation).

import { zoneOffsetMinutes } from '../../lab/wall-clock.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** tzdata abbreviations where Intl only offers "GMT+9" (zones whose tzdata names are letters). */
const TZ_ABBREVIATIONS: Readonly<Record<string, string>> = {
  'Asia/Seoul': 'KST',
  'Asia/Tokyo': 'JST',
  'Asia/Kolkata': 'IST',
  'Asia/Shanghai': 'CST',
  'Asia/Hong_Kong': 'HKT',
  'Asia/Jerusalem': 'IDT',
  UTC: 'UTC',
  'Etc/UTC': 'UTC',
};

function two(n: number): string {
  return String(n).padStart(2, '0');
}

function local(ms: number, timeZone: string): { d: Date; off: number } {
  const off = zoneOffsetMinutes(ms, timeZone);
  return { d: new Date(ms + off * 60000), off };
}

/** time.ANSIC: "Mon Jan _2 15:04:05 2006". */
export function ansic(ms: number, timeZone: string): string {
  const { d } = local(ms, timeZone);
  const hms = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${hms} ${d.getUTCFullYear()}`;
}

function abbreviation(ms: number, timeZone: string, off: number): string {
  const known = TZ_ABBREVIATIONS[timeZone];
  if (known) return known;
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' }).formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
  if (name && !name.startsWith('GMT')) return name;
  const sign = off < 0 ? '-' : '+';
  const a = Math.abs(off);
  return a % 60 === 0 ? `${sign}${two(Math.floor(a / 60))}` : `${sign}${two(Math.floor(a / 60))}${two(a % 60)}`;
}

/** Time.String() of an instant given in microseconds since the epoch. */
export function goTimeString(epochUs: number, timeZone: string): string {
  const ms = Math.floor(epochUs / 1000);
  const { d, off } = local(ms, timeZone);
  const frac = String(Math.floor(epochUs) % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  const a = Math.abs(off);
  const zone = `${off < 0 ? '-' : '+'}${two(Math.floor(a / 60))}${two(a % 60)}`;
  const date = `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`;
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}${frac ? `.${frac}` : ''}`;
  return `${date} ${time} ${zone} ${abbreviation(ms, timeZone, off)}`;
}

/** gosuri/uitable as Helm uses it: every cell padded to its column's width, cells joined by a tab. */
export function uitable(rows: readonly (readonly string[])[]): string {
  const widths: number[] = [];
  for (const r of rows) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, [...c].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i] ?? 0)).join('\t')).join('\n');
}
