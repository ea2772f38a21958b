// Layer tools (kubectl): Go's fmt verbs applied to decoded JSON (unstructured) values: %v (fmt.Sprint, what
// JSONPath prints for a scalar) and %#v (the object dump in kubectl's jsonpath error). Integral numbers are
// int64 in unstructured objects; other numbers are float64, printed in strconv's shortest 'g' form.

import { compareGo } from './go-json.js';
import { goQuote } from '../../../k8s/index.js';

/** strconv.FormatFloat(f, 'g', -1, 64). @example goFloatG(1234567.5) === '1.2345675e+06' */
export function goFloatG(f: number): string {
  if (Number.isNaN(f)) return 'NaN';
  if (!Number.isFinite(f)) return f > 0 ? '+Inf' : '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const [mant = '0', expText = '0'] = f.toExponential().split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const sign = exp < 0 ? '-' : '+';
    return `${mant}e${sign}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return String(f);
}

/** fmt.Sprint of one value. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloatG(v);
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  const rec = v as Record<string, unknown>;
  return `map[${Object.keys(rec).sort(compareGo).map((k) => `${k}:${goSprint(rec[k])}`).join(' ')}]`;
}

/** fmt "%#v" of an interface{} holding decoded JSON. */
export function goSharpV(v: unknown, inInterface = true): string {
  if (v === null || v === undefined) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : goFloatG(v);
  if (Array.isArray(v)) return `[]interface {}{${v.map((x) => goSharpV(x)).join(', ')}}`;
  const rec = v as Record<string, unknown>;
  const body = Object.keys(rec).sort(compareGo).map((k) => `${goQuote(k)}:${goSharpV(rec[k])}`).join(', ');
  return inInterface ? `map[string]interface {}{${body}}` : body;
}
