// Layer tools (kubectl): --sort-by (kubectl/pkg/cmd/get/sorter.go): the field is a relaxed JSONPath; objects
// sort by its first value — numbers numerically, strings as quantities when both parse ("100m" < "1"), else
// as strings; objects missing the field first. At least one object must have it.

import { KubectlError } from '../cli/errors.js';
import { JsonPath } from '../jsonpath/evaluate.js';
import { relaxedJsonPath } from '../jsonpath/relaxed.js';

const SUFFIX: Readonly<Record<string, number>> = {
  n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

/** resource.ParseQuantity, as a number, or undefined when `s` is not a quantity. */
export function parseQuantity(s: string): number | undefined {
  const m = /^([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|[numkMGTPE])?)$/.exec(s);
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2] !== undefined) return base * 10 ** Number(m[2].slice(1));
  return base * (SUFFIX[m[3] ?? ''] ?? 1);
}

function isLess(a: unknown, b: unknown): boolean {
  if (a === null && b === null) return false;
  if (a === null) return true;
  if (b === null) return false;
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') {
    const qa = parseQuantity(a);
    const qb = parseQuantity(b);
    return qa !== undefined && qb !== undefined ? qa < qb : a < b;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) if (!isLess(a[i], b[i])) return false;
    return true;
  }
  throw new KubectlError(`unsortable type: ${typeof a}`);
}

/** The objects in --sort-by order (stable, like Go's insertion sort for short lists). */
export function sortByField<T>(items: readonly T[], objectOf: (t: T) => unknown, sortBy: string): T[] {
  const field = relaxedJsonPath(sortBy);
  const jp = new JsonPath(field);
  jp.allowMissingKeys = true;
  const keyed = items.map((item) => ({ item, values: jp.findResults(objectOf(item))[0] ?? [] }));
  if (keyed.length > 0 && !keyed.some((k) => k.values.length > 0)) throw new KubectlError(`couldn't find any field with path ${JSON.stringify(field)} in the list of objects`);
  const less = (x: (typeof keyed)[number], y: (typeof keyed)[number]): boolean => {
    if (x.values.length === 0) return true;
    if (y.values.length === 0) return false;
    return isLess(x.values[0], y.values[0]);
  };
  const out = [...keyed];
  for (let i = 1; i < out.length; i++) {
    for (let j = i; j > 0; j--) {
      const a = out[j];
      const b = out[j - 1];
      if (a === undefined || b === undefined || !less(a, b)) break;
      out[j - 1] = a;
      out[j] = b;
    }
  }
  return out.map((k) => k.item);
}
