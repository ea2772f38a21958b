// Layer tools: Go's strconv for the Go CLIs. ParseBool (what pflag's bool flags and viper's GetBool accept)
// and ParseInt(s, 0, 64) as cilium's id parsers call it (pkg/endpoint/id ParseCiliumID): a sign, then a
// 0x/0o/0b prefix or a leading 0 for octal, underscores only after a prefix (underscoreOK), and the NumError
// text "strconv.ParseInt: parsing \"s\": invalid syntax|value out of range".

/** strconv.ParseBool: undefined where Go returns ErrSyntax. */
export function parseGoBool(s: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(s)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(s)) return false;
  return undefined;
}

export type GoIntResult = { readonly ok: true; readonly value: bigint } | { readonly ok: false; readonly error: string };

const DIGITS: Readonly<Record<number, RegExp>> = { 2: /^[01]+$/, 8: /^[0-7]+$/, 10: /^[0-9]+$/, 16: /^[0-9a-f]+$/i };

/** strconv.ParseInt(s, 0, 64). @example parseGoInt('0x10') // { ok: true, value: 16n } */
export function parseGoInt(s: string): GoIntResult {
  const fail = (why: string): GoIntResult => ({ ok: false, error: `strconv.ParseInt: parsing ${goQuote(s)}: ${why}` });
  const isNeg = s.startsWith('-');
  let body = s.startsWith('+') || isNeg ? s.slice(1) : s;
  let base = 10;
  let hasPrefix = false;
  const p = body.slice(0, 2).toLowerCase();
  if (p === '0x' || p === '0o' || p === '0b') [base, body, hasPrefix] = [p === '0x' ? 16 : p === '0o' ? 8 : 2, body.slice(2), true];
  else if (body.length > 1 && body.startsWith('0')) [base, body, hasPrefix] = [8, body.slice(1), true];
  // underscoreOK: underscores only with a base prefix, each between digits.
  if (body.includes('_') && (!hasPrefix || !/^_?[^_]+(_[^_]+)*$/.test(body))) return fail('invalid syntax');
  const digits = body.replace(/_/g, '');
  if (!(DIGITS[base] ?? /$^/).test(digits)) return fail('invalid syntax');
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const value = (isNeg ? -1n : 1n) * BigInt(prefix + digits);
  if (value > 0x7fffffffffffffffn || value < -0x8000000000000000n) return fail('value out of range');
  return { ok: true, value };
}

/** strconv.Quote for the printable ASCII the shell passes through; other bytes as Go escapes them. */
function goQuote(s: string): string {
  return JSON.stringify(s).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
}
