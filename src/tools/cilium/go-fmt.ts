// Layer tools (cilium): the two Go formatting rules the cilium printers depend on: fmt's %.Nf (the exact
// binary value rounded half to even, where JS toFixed rounds exact ties up) and time.Duration.String for
// whole seconds ("58s", "2m52s", "1h0m3s"), as `time.Since(t).Truncate(time.Second)` prints it.

/** fmt.Sprintf("%.<digits>f", x). @example goFixed(0.125, 2) // '0.12' */
export function goFixed(x: number, digits: number): string {
  const exact = x.toFixed(Math.min(100, digits + 30));
  const tail = exact.slice(exact.length - 30);
  if (!/^50*$/.test(tail)) return x.toFixed(digits);
  const kept = exact.slice(0, exact.length - 30).replace(/\.$/, '');
  const last = Number(kept[kept.length - 1]);
  return last % 2 === 0 ? kept : x.toFixed(digits);
}

/** A Duration of whole seconds as Go prints it. @example goSeconds(172) // '2m52s' */
export function goSeconds(totalS: number): string {
  const s = Math.max(0, Math.floor(totalS));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (h > 0) return `${h}h${m}m${s % 60}s`;
  if (m > 0) return `${m}m${s % 60}s`;
  return `${s}s`;
}
