// Layer tools: a whole word read as C's strtol with base 0 reads it — "0x" hex, a leading 0 octal (digits
// 0-7 only), else decimal, after an optional sign — as traceroute's options and the kernel's proc_dointvec
// (behind sysctl -w) take numbers.

/** The value of `s`, or undefined when the whole word is not one base-0 integer. @example parseCInteger('010') === 8 */
export function parseCInteger(s: string): number | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2] ?? '';
  const v = /^0[xX]/.test(body) ? parseInt(body.slice(2), 16) : body.length > 1 ? parseInt(body, body.startsWith('0') ? 8 : 10) : Number(body);
  return m[1] === '-' ? -v : v;
}
