// Layer tools (ip): iproute2's lib/json_print.c: every field is printed once through print_*(type, key, fmt,
// value), which writes the text form (with colour when enabled) or a JSON member, so `ip` and `ip -j` come
// from the same code. `-o` (oneline) turns print_nl()'s newline into a backslash, as _SL_ does.

import { COLOR_CLEAR, type ColorAttr } from './color.js';
import { JsonWriter } from './json-writer.js';

/** PRINT_FP (text only), PRINT_JSON (JSON only), PRINT_ANY (both). */
export type PrintType = 'fp' | 'json' | 'any';

export interface PrinterOptions {
  readonly json: boolean;
  readonly pretty: boolean;
  readonly oneline: boolean;
  readonly palette: Readonly<Record<Exclude<ColorAttr, 'none'>, string>> | undefined;
}

export class IpPrinter {
  private out = '';
  readonly jw: JsonWriter | undefined;
  /** _SL_: the line separator inside one record. */
  readonly sl: string;

  constructor(private readonly opts: PrinterOptions) {
    this.jw = opts.json ? new JsonWriter(opts.pretty) : undefined;
    this.sl = opts.oneline ? '\\' : '\n';
  }

  get isJson(): boolean {
    return this.jw !== undefined;
  }

  /** new_json_obj / delete_json_obj around a whole listing (an array in JSON). */
  begin(): void {
    this.jw?.startArray();
  }

  /** The complete output. */
  finish(): string {
    if (!this.jw) return this.out;
    this.jw.endArray();
    return this.jw.finish();
  }

  /** Raw text (fprintf to stdout), never in JSON. */
  fp(text: string): void {
    if (!this.jw) this.out += text;
  }

  /** color_fprintf: `text` wrapped in the attribute's colour when colour is on. */
  colored(attr: ColorAttr, text: string): void {
    if (this.jw) return;
    const code = attr === 'none' ? undefined : this.opts.palette?.[attr];
    this.out += code ? code + text + COLOR_CLEAR : text;
  }

  string(type: PrintType, key: string | null, fmt: string, value: string, attr: ColorAttr = 'none'): void {
    if (this.jw) {
      if (type === 'fp') return;
      if (key !== null) this.jw.name(key);
      this.jw.value(value);
    } else if (type !== 'json') {
      this.colored(attr, printf(fmt, value));
    }
  }

  uint(type: PrintType, key: string | null, fmt: string, value: number): void {
    if (this.jw) {
      if (type === 'fp') return;
      if (key !== null) this.jw.name(key);
      this.jw.value(value);
    } else if (type !== 'json') {
      this.out += printf(fmt, value);
    }
  }

  bool(type: PrintType, key: string, fmt: string, value: boolean): void {
    if (this.jw) {
      if (type === 'fp') return;
      this.jw.name(key);
      this.jw.value(value);
    } else if (type !== 'json') {
      this.out += printf(fmt, value ? 'true' : 'false');
    }
  }

  null(type: PrintType, key: string, fmt: string): void {
    if (this.jw) {
      if (type === 'fp') return;
      this.jw.name(key);
      this.jw.value(null);
    } else if (type !== 'json') {
      this.out += fmt;
    }
  }

  openObject(key: string | null = null): void {
    if (!this.jw) return;
    if (key !== null) this.jw.name(key);
    this.jw.startObject();
  }

  closeObject(): void {
    this.jw?.endObject();
  }

  /** open_json_array: a named array in JSON; in text, PRINT_ANY/FP prints `str`. */
  openArray(type: PrintType, str: string): void {
    if (this.jw) {
      if (type === 'fp') return;
      this.jw.name(str);
      this.jw.startArray();
    } else if (type !== 'json') {
      this.out += str;
    }
  }

  closeArray(type: PrintType, delim: string): void {
    if (this.jw) {
      if (type !== 'fp') this.jw.endArray();
    } else if (type !== 'json') {
      this.out += delim;
    }
  }

  /** print_nl: _SL_ in text, nothing in JSON. */
  nl(): void {
    if (!this.jw) this.out += this.sl;
  }
}

/** A printf subset: %s %d %u %x with an optional '-' flag and width, and %%. */
export function printf(fmt: string, ...args: Array<string | number>): string {
  let i = 0;
  return fmt.replace(/%(-?)(\d*)([sudx%])/g, (_m, left: string, width: string, conv: string) => {
    if (conv === '%') return '%';
    const a = args[i++];
    let s = conv === 'x' ? Number(a).toString(16) : String(a);
    const w = width === '' ? 0 : Number(width);
    if (s.length < w) s = left ? s.padEnd(w) : s.padStart(w);
    return s;
  });
}
