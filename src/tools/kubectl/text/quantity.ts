// Layer tools (kubectl): resource.Quantity as kubectl prints it (describe's requests and limits, node
// capacity): parse "100m", "70Mi", "2", "1e3"; add keeping the first operand's format; String() in canonical
// form (the largest SI or binary suffix that leaves an integer mantissa; "0" for zero). Exact in nano-units.

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

export interface Quantity {
  /** Value × 10^9, exact. */
  readonly nanos: bigint;
  readonly format: QuantityFormat;
}

const NANO = 1_000_000_000n;
const DECIMAL: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, '': 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };
const BINARY: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

function pow10(e: number): bigint {
  return 10n ** BigInt(e);
}

/** resource.ParseQuantity; undefined when `s` is not a quantity. */
export function parseQuantity(s: string): Quantity | undefined {
  const m = /^([+-]?)([0-9]+)(?:\.([0-9]*))?(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE]))?$/.exec(s);
  if (!m) return undefined;
  const frac = m[3] ?? '';
  const digits = BigInt(`${m[2] ?? '0'}${frac}`);
  let nanos = (digits * NANO) / pow10(frac.length);
  let format: QuantityFormat = 'DecimalSI';
  if (m[4] !== undefined) {
    const e = Number(m[4].slice(1));
    nanos = e >= 0 ? nanos * pow10(e) : nanos / pow10(-e);
    format = 'DecimalExponent';
  } else if (m[5] !== undefined && BINARY[m[5]] !== undefined) {
    nanos *= 2n ** BigInt(BINARY[m[5]] ?? 0);
    format = 'BinarySI';
  } else {
    const e = DECIMAL[m[5] ?? ''] ?? 0;
    nanos = e >= 0 ? nanos * pow10(e) : nanos / pow10(-e);
  }
  return { nanos: m[1] === '-' ? -nanos : nanos, format };
}

export const ZERO: Quantity = { nanos: 0n, format: 'DecimalSI' };

/** Quantity.Add: the sum, in the receiver's format. */
export function addQuantity(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.format };
}

/** MilliValue (rounded up, as Quantity.MilliValue does). */
export function milliValue(q: Quantity): number {
  const d = 1_000_000n;
  return Number(q.nanos >= 0n ? (q.nanos + d - 1n) / d : q.nanos / d);
}

/** Value (rounded up). */
export function quantityValue(q: Quantity): number {
  return Number(q.nanos >= 0n ? (q.nanos + NANO - 1n) / NANO : q.nanos / NANO);
}

/** Quantity.String(): the canonical form. */
export function formatQuantity(q: Quantity): string {
  if (q.nanos === 0n) return '0';
  const sign = q.nanos < 0n ? '-' : '';
  const abs = q.nanos < 0n ? -q.nanos : q.nanos;
  if (q.format === 'BinarySI' && abs % NANO === 0n) {
    const bytes = abs / NANO;
    for (const [suffix, shift] of Object.entries(BINARY).reverse()) {
      const unit = 2n ** BigInt(shift);
      if (bytes >= unit && bytes % unit === 0n) return `${sign}${bytes / unit}${suffix}`;
    }
    return `${sign}${bytes}`;
  }
  for (const [suffix, exp] of Object.entries(DECIMAL).sort((x, y) => y[1] - x[1])) {
    const unit = exp >= -9 ? (exp >= 0 ? NANO * pow10(exp) : NANO / pow10(-exp)) : 1n;
    if (abs % unit === 0n) return `${sign}${abs / unit}${suffix}`;
  }
  return `${sign}${abs}n`;
}
