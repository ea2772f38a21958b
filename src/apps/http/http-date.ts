// Layer apps: the HTTP date (RFC 9110 §5.6.7 IMF-fixdate, Go's http.TimeFormat "Mon, 02 Jan 2006
// 15:04:05 GMT", Apache's ap_recent_rfc822_date) computed from the lab's wall clock: an epoch in ms plus
// the virtual time, never the host's clock.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** @example httpDate(Date.UTC(2025, 7, 16, 10, 0, 0)) === 'Sat, 16 Aug 2025 10:00:00 GMT' */
export function httpDate(epochMs: number): string {
  const d = new Date(Math.floor(epochMs / 1000) * 1000);
  const p2 = (n: number): string => String(n).padStart(2, '0');
  return `${DAYS[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} GMT`;
}

/** The wall clock of a lab: `epochMs` at virtual time 0. */
export function wallMs(epochMs: number, nowUs: number): number {
  return epochMs + Math.floor(nowUs / 1000);
}
