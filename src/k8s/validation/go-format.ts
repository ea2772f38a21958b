// Layer k8s: Go's fmt verbs as the apiserver's messages use them: %q (strconv.Quote) and %#v of
// the few Go types that appear as field.Invalid bad values (map[string]string, []string, structs).
// Models fmt's printValue for these shapes: map keys sorted, ", " between entries.

/** strconv.Quote: a double-quoted Go string literal. @example goQuote('a"b') === '"a\\"b"' */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (c === 7) out += '\\a';
    else if (c === 8) out += '\\b';
    else if (c === 12) out += '\\f';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c === 11) out += '\\v';
    else if (c < 0x20 || c === 0x7f) out += `\\x${c.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** %#v of a map[string]string; `undefined` prints as the nil map. */
export function goStringMap(m: Readonly<Record<string, string>> | undefined): string {
  if (m === undefined) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${goQuote(k)}:${goQuote(m[k] ?? '')}`).join(', ')}}`;
}

/** %#v of a []string; `undefined` prints as the nil slice. */
export function goStringSlice(a: readonly string[] | undefined): string {
  if (a === undefined) return '[]string(nil)';
  return `[]string{${a.map(goQuote).join(', ')}}`;
}

/** %v of a []string: `[a b c]`. */
export function goStringSliceV(a: readonly string[]): string {
  return `[${a.join(' ')}]`;
}

export interface LabelSelectorLike {
  matchLabels?: Record<string, string>;
  matchExpressions?: { key: string; operator: string; values?: string[] }[];
}

/** %#v of a v1.LabelSelector value (as ValidateImmutableField prints a changed selector). */
export function goLabelSelector(sel: LabelSelectorLike): string {
  const exprs = sel.matchExpressions;
  const exprText =
    exprs === undefined
      ? '[]v1.LabelSelectorRequirement(nil)'
      : `[]v1.LabelSelectorRequirement{${exprs
          .map((e) => `v1.LabelSelectorRequirement{Key:${goQuote(e.key)}, Operator:${goQuote(e.operator)}, Values:${goStringSlice(e.values)}}`)
          .join(', ')}}`;
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprText}}`;
}
