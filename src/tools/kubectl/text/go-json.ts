// Layer tools (kubectl): encoding/json as kubectl prints unstructured objects. Objects are Go maps, so keys
// come out sorted; strings escape <, >, & and U+2028/9 (HTMLEscape); MarshalIndent nests with the given
// indent ("    " for -o json); floats use the shortest form, exponent past 1e21 or below 1e-6.

/** json.Marshal. @example goJson({b: 1, a: '<'}) === '{"a":"\\u003c","b":1}' */
export function goJson(v: unknown): string {
  return encode(v, undefined, '');
}

/** json.MarshalIndent(v, "", indent). */
export function goJsonIndent(v: unknown, indent = '    '): string {
  return encode(v, indent, '');
}

function encode(v: unknown, indent: string | undefined, cur: string): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v === 'string') return goJsonString(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : 'null';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  const inner = indent === undefined ? '' : cur + indent;
  const nl = indent === undefined ? '' : `\n${inner}`;
  const end = indent === undefined ? '' : `\n${cur}`;
  const colon = indent === undefined ? ':' : ': ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return `[${nl}${v.map((x) => encode(x, indent, inner)).join(`,${nl}`)}${end}]`;
  }
  if (typeof v === 'object') {
    const rec = v as Record<string, unknown>;
    const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort(compareGo);
    if (keys.length === 0) return '{}';
    return `{${nl}${keys.map((k) => `${goJsonString(k)}${colon}${encode(rec[k], indent, inner)}`).join(`,${nl}`)}${end}}`;
  }
  return 'null';
}

/** Go sorts map keys by bytes; UTF-16 order agrees for the BMP text found in objects. */
export function compareGo(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const HEX = '0123456789abcdef';

/** encodeState.string with HTML escaping. */
export function goJsonString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (ch === '"' || ch === '\\') out += `\\${ch}`;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (c < 0x20 || ch === '<' || ch === '>' || ch === '&') out += `\\u00${HEX[c >> 4] ?? '0'}${HEX[c & 15] ?? '0'}`;
    else if (c === 0x2028 || c === 0x2029) out += `\\u${c.toString(16)}`;
    else out += ch;
  }
  return `${out}"`;
}
