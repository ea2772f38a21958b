// Layer lab (lab file): durations as Go's time.ParseDuration reads them ("400us", "0.4ms", "-59m", "1h30m").
// Kubernetes, Cilium and Helm all take Go durations, so lab files do too. The result is whole microseconds,
// the unit of the virtual clock (src/sim/scheduler.ts); a non-zero duration below 1us is rejected.

export type DurationResult = { readonly ok: true; readonly us: number } | { readonly ok: false; readonly reason: string };

const UNIT_US = {
  ns: 0.001,
  us: 1,
  'µs': 1, // U+00B5 MICRO SIGN
  'μs': 1, // U+03BC GREEK SMALL LETTER MU
  ms: 1_000,
  s: 1_000_000,
  m: 60_000_000,
  h: 3_600_000_000,
} as const satisfies Record<string, number>;

function isUnit(u: string): u is keyof typeof UNIT_US {
  return Object.hasOwn(UNIT_US, u);
}

/** Parses a Go duration into microseconds. @example parseDuration('0.4ms') // { ok: true, us: 400 } */
export function parseDuration(text: string): DurationResult {
  const bad = (why: string): DurationResult => ({ ok: false, reason: `"${text}" is not a duration: ${why}` });
  if (/\s/.test(text)) return bad(`no spaces allowed (write ${text.replace(/\s+/g, '')})`);
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return { ok: true, us: 0 };
  if (rest === '') return bad('it is empty');
  let totalUs = 0;
  let hasSubMicro = false;
  while (rest !== '') {
    const num = /^([0-9]*)(\.[0-9]*)?/.exec(rest);
    const numText = num?.[0] ?? '';
    if (numText === '' || numText === '.') return bad('write a number followed by a unit, e.g. 400us, 0.4ms, 1ms, 59m, 1h30m');
    rest = rest.slice(numText.length);
    const unit = /^[^0-9.]+/.exec(rest)?.[0] ?? '';
    if (unit === '') return bad('missing unit (write e.g. 400us, 0.4ms, 1ms, 59m, 1h30m)');
    if (!isUnit(unit)) return bad(`unknown unit "${unit}" (units: ns, us, ms, s, m, h)`);
    rest = rest.slice(unit.length);
    const part = Number(numText) * UNIT_US[unit];
    if (part > 0 && part < 1) hasSubMicro = true;
    totalUs += part;
  }
  const us = Math.round(totalUs);
  if (us === 0 && hasSubMicro) return bad('below the virtual clock resolution of 1us');
  if (!Number.isSafeInteger(us)) return bad('too large');
  return { ok: true, us: sign * us || 0 };
}

/** Formats microseconds compactly for messages ("400us", "1.5ms", "59m", "-1h30m"). */
export function formatDuration(us: number): string {
  if (us === 0) return '0s';
  const sign = us < 0 ? '-' : '';
  let v = Math.abs(us);
  if (v < 1_000) return `${sign}${v}us`;
  if (v < 1_000_000) return `${sign}${v / 1_000}ms`;
  if (v < 60_000_000) return `${sign}${v / 1_000_000}s`;
  let out = '';
  const h = Math.floor(v / UNIT_US.h);
  v -= h * UNIT_US.h;
  const m = Math.floor(v / UNIT_US.m);
  v -= m * UNIT_US.m;
  if (h > 0) out += `${h}h`;
  if (m > 0) out += `${m}m`;
  if (v > 0) out += `${v / 1_000_000}s`;
  return sign + out;
}
