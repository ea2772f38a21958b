// Layer shell: printf(1) formatting as bash's builtin and coreutils do it — the format is reused until
// every argument is consumed; %s %b %c %d %i %u %o %x %X %e %f %g %q %%, flags, width and precision
// (also `*`); backslash escapes in the format and in %b arguments. Bad numbers warn and print 0.

export interface PrintfResult {
  readonly text: string;
  readonly errors: string[];
}

export function formatPrintf(format: string, args: readonly string[]): PrintfResult {
  const errors: string[] = [];
  let text = '';
  let i = 0;
  do {
    const before = i;
    const r = formatOnce(format, args, i, errors);
    text += r.text;
    i = r.next;
    if (r.stop || i === before) break;
  } while (i < args.length);
  return { text, errors };
}

function formatOnce(format: string, args: readonly string[], start: number, errors: string[]): { text: string; next: number; stop: boolean } {
  let out = '';
  let ai = start;
  const next = () => args[ai++];
  for (let k = 0; k < format.length; k++) {
    const c = format[k];
    if (c === '\\') {
      const esc = unescapeAt(format, k);
      if (esc.stop) return { text: out, next: ai, stop: true };
      out += esc.text;
      k = esc.end - 1;
      continue;
    }
    if (c !== '%') {
      out += c;
      continue;
    }
    const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?([sbcdiuoxXeEfFgGq%])/.exec(format.slice(k));
    if (!m) {
      out += c;
      continue;
    }
    k += m[0].length - 1;
    const conv = m[4] ?? 's';
    if (conv === '%') {
      out += '%';
      continue;
    }
    const width = m[2] === '*' ? Number(next() ?? 0) : m[2] !== undefined ? Number(m[2]) : undefined;
    const precision = m[3] === '*' ? Number(next() ?? 0) : m[3] !== undefined ? Number(m[3] || 0) : undefined;
    out += convert(conv, m[1] ?? '', width, precision, next(), errors);
  }
  return { text: out, next: ai, stop: false };
}

function convert(conv: string, flags: string, width: number | undefined, precision: number | undefined, arg: string | undefined, errors: string[]): string {
  let body: string;
  switch (conv) {
    case 's':
      body = precision !== undefined ? (arg ?? '').slice(0, precision) : (arg ?? '');
      break;
    case 'b': {
      const u = unescapeAll(arg ?? '');
      body = precision !== undefined ? u.slice(0, precision) : u;
      break;
    }
    case 'q':
      body = /^[\w@%+=:,./-]*$/.test(arg ?? '') && arg !== '' ? (arg ?? '') : `'${(arg ?? '').replace(/'/g, `'\\''`)}'`;
      break;
    case 'c':
      body = (arg ?? '').slice(0, 1);
      break;
    default:
      return pad(numeric(conv, flags, precision, arg, errors), flags, width, /[dioxXu]/.test(conv) && precision === undefined);
  }
  return pad(body, flags.replace('0', ''), width, false);
}

function numeric(conv: string, flags: string, precision: number | undefined, arg: string | undefined, errors: string[]): string {
  const n = toNumber(arg, errors);
  const sign = (v: number, s: string) => (v >= 0 ? (flags.includes('+') ? `+${s}` : flags.includes(' ') ? ` ${s}` : s) : s);
  switch (conv) {
    case 'd':
    case 'i':
    case 'u': {
      const v = Math.trunc(n);
      const digits = String(Math.abs(v)).padStart(precision ?? 0, '0');
      return sign(v, v < 0 ? `-${digits}` : digits);
    }
    case 'o':
      return (flags.includes('#') ? '0' : '') + Math.trunc(n).toString(8);
    case 'x':
    case 'X': {
      const h = Math.trunc(n).toString(16);
      const s = (flags.includes('#') && n !== 0 ? '0x' : '') + h.padStart(precision ?? 0, '0');
      return conv === 'X' ? s.toUpperCase() : s;
    }
    case 'e':
    case 'E': {
      const s = n.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, 'e$10$2');
      return sign(n, conv === 'E' ? s.toUpperCase() : s);
    }
    case 'g':
    case 'G': {
      const p = precision === 0 ? 1 : (precision ?? 6);
      const s = String(Number(n.toPrecision(p)));
      return sign(n, conv === 'G' ? s.toUpperCase() : s);
    }
    default:
      return sign(n, n.toFixed(precision ?? 6));
  }
}

function toNumber(arg: string | undefined, errors: string[]): number {
  if (arg === undefined || arg === '') return 0;
  const t = arg.trim();
  if (/^['"]./.test(t)) return t.codePointAt(1) ?? 0;
  if (/^[+-]?0x[0-9a-f]+$/i.test(t)) return Number.parseInt(t, 16);
  if (/^[+-]?0[0-7]+$/.test(t)) return Number.parseInt(t, 8);
  const v = Number(t);
  if (!Number.isFinite(v)) {
    errors.push(`${arg}: invalid number`);
    return 0;
  }
  return v;
}

function pad(s: string, flags: string, width: number | undefined, isInteger: boolean): string {
  if (width === undefined || s.length >= width) return s;
  if (flags.includes('-')) return s.padEnd(width);
  if (flags.includes('0') && (isInteger || /^[+-]?\d/.test(s))) {
    const neg = /^[+-]/.test(s) ? s[0] : '';
    return neg + s.slice(neg ? 1 : 0).padStart(width - (neg ? 1 : 0), '0');
  }
  return s.padStart(width);
}

/** `\n`, `\t`, `\\`, `\0NNN`, `\xHH`, `\c` (stop) at position k of a format or %b argument. */
function unescapeAt(s: string, k: number): { text: string; end: number; stop: boolean } {
  const n = s[k + 1];
  const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', f: '\f', v: '\v', e: '\x1b', '\\': '\\', '"': '"', "'": "'" };
  if (n === undefined) return { text: '\\', end: k + 1, stop: false };
  if (n === 'c') return { text: '', end: k + 2, stop: true };
  if (simple[n] !== undefined) return { text: simple[n] ?? '', end: k + 2, stop: false };
  const oct = /^0?([0-7]{1,3})/.exec(s.slice(k + 1));
  if (oct) return { text: String.fromCharCode(Number.parseInt(oct[1] ?? '0', 8)), end: k + 1 + oct[0].length, stop: false };
  const hex = /^x([0-9a-fA-F]{1,2})/.exec(s.slice(k + 1));
  if (hex) return { text: String.fromCharCode(Number.parseInt(hex[1] ?? '0', 16)), end: k + 1 + hex[0].length, stop: false };
  return { text: `\\${n}`, end: k + 2, stop: false };
}

export function unescapeAll(s: string): string {
  let out = '';
  for (let k = 0; k < s.length; k++) {
    if (s[k] !== '\\') {
      out += s[k];
      continue;
    }
    const e = unescapeAt(s, k);
    out += e.text;
    if (e.stop) break;
    k = e.end - 1;
  }
  return out;
}
