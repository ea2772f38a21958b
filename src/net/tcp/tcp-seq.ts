// Layer net/tcp: sequence-number arithmetic modulo 2^32 (RFC 9293 §3.4), as include/net/tcp.h's before()
// and after(). Every sequence value is kept as an unsigned 32-bit number; comparisons go through the
// signed 32-bit difference, so they stay right across wrap-around.

/** `a + n` modulo 2^32. */
export function seqAdd(a: number, n: number): number {
  return (a + n) >>> 0;
}

/** The signed distance `a - b` (negative when `a` is before `b`). */
export function seqDiff(a: number, b: number): number {
  return (a - b) | 0;
}

export function before(a: number, b: number): boolean {
  return seqDiff(a, b) < 0;
}

export function after(a: number, b: number): boolean {
  return seqDiff(a, b) > 0;
}

/** `lo <= x <= hi` in sequence space (between() in tcp.h). */
export function seqBetween(x: number, lo: number, hi: number): boolean {
  return ((hi - lo) >>> 0) >= ((x - lo) >>> 0);
}

export function seqMax(a: number, b: number): number {
  return after(a, b) ? a : b;
}

export function seqMin(a: number, b: number): number {
  return before(a, b) ? a : b;
}
