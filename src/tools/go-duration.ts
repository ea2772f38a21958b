// Layer tools: Go's time.ParseDuration ("3s", "1h43m", "1.5h", "300ms", "-2m"), in microseconds — the one parser the
// Go CLIs share for their duration flags and arguments (kubectl --timeout/--since, hubble --since, cilium --wait-duration).
// The Greek mu (U+03BC) is escaped in the patterns: the browser's main script must stay Latin-1 (web/vite.config.ts).

const UNITS: Readonly<Record<string, number>> = { ns: 0.001, us: 1, µs: 1, μs: 1, ms: 1000, s: 1_000_000, m: 60_000_000, h: 3_600_000_000 };

export function parseGoDurationUs(text: string): number | undefined {
  const m = /^([-+]?)((?:\d+(?:\.\d*)?|\.\d+)(?:ns|us|µs|\u03bcs|ms|s|m|h))+$/.exec(text);
  if (!m && text !== '0') return undefined;
  if (text === '0') return 0;
  let total = 0;
  for (const part of text.replace(/^[-+]/, '').matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|\u03bcs|ms|s|m|h)/g)) total += Number(part[1]) * (UNITS[part[2] ?? ''] ?? 0);
  return Math.round(text.startsWith('-') ? -total : total);
}
