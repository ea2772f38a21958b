// Layer tools (kubectl): k8s.io/apimachinery/pkg/util/duration — HumanDuration (AGE, "5m ago") and
// ShortHumanDuration, from a duration in microseconds. Go converts with int(d.Seconds()), which truncates.

const S = 1_000_000;
const M = 60 * S;
const H = 60 * M;

/** duration.HumanDuration. @example humanDuration(20 * 3600e6) === '20h' */
export function humanDuration(us: number): string {
  const seconds = Math.trunc(us / S);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60 * 2) return `${seconds}s`;
  const minutes = Math.trunc(us / M);
  if (minutes < 10) {
    const s = Math.trunc(us / S) % 60;
    return s === 0 ? `${minutes}m` : `${minutes}m${s}s`;
  }
  if (minutes < 60 * 3) return `${minutes}m`;
  const hours = Math.trunc(us / H);
  if (hours < 8) {
    const m = minutes % 60;
    return m === 0 ? `${hours}h` : `${hours}h${m}m`;
  }
  if (hours < 48) return `${hours}h`;
  if (hours < 24 * 8) {
    const h = hours % 24;
    return h === 0 ? `${Math.trunc(hours / 24)}d` : `${Math.trunc(hours / 24)}d${h}h`;
  }
  if (hours < 24 * 365 * 2) return `${Math.trunc(hours / 24)}d`;
  if (hours < 24 * 365 * 8) {
    const dy = Math.trunc(hours / 24) % 365;
    return dy === 0 ? `${Math.trunc(hours / 24 / 365)}y` : `${Math.trunc(hours / 24 / 365)}y${dy}d`;
  }
  return `${Math.trunc(hours / 24 / 365)}y`;
}

/** duration.ShortHumanDuration (kubectl top, events). */
export function shortHumanDuration(us: number): string {
  const seconds = Math.trunc(us / S);
  if (seconds < -1) return '<invalid>';
  if (seconds < 0) return '0s';
  if (seconds < 60) return `${seconds}s`;
  const minutes = Math.trunc(us / M);
  if (minutes < 60) return `${minutes}m`;
  const hours = Math.trunc(us / H);
  if (hours < 24) return `${hours}h`;
  if (hours < 24 * 365) return `${Math.trunc(hours / 24)}d`;
  return `${Math.trunc(hours / 24 / 365)}y`;
}
