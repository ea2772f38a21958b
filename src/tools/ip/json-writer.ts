// Layer tools (ip): iproute2's lib/json_writer.c, state machine and all: the separator, the depth, and the
// pretty mode's odd spacing ("[ {", "[ ]", four-space indents), so `ip -j` and `ip -j -p` print
// byte-for-byte what iproute2 6.1 prints.

export class JsonWriter {
  private out = '';
  private depth = 0;
  private sep = '';

  constructor(private readonly pretty: boolean) {}

  get text(): string {
    return this.out;
  }

  private indent(): void {
    this.out += '    '.repeat(this.depth);
  }

  private eol(): void {
    if (!this.pretty) return;
    this.out += '\n';
    this.indent();
  }

  private eor(): void {
    if (this.sep !== '') this.out += this.sep;
    this.sep = ',';
  }

  private begin(c: string): void {
    this.eor();
    this.out += c;
    this.depth++;
    this.sep = '';
  }

  private end(c: string): void {
    this.depth--;
    if (this.sep !== '') this.eol();
    this.out += c;
    this.sep = ',';
  }

  name(name: string): void {
    this.eor();
    this.eol();
    this.sep = '';
    this.out += quote(name) + ':';
    if (this.pretty) this.out += ' ';
  }

  /** A raw value (number, true, false, null) or a quoted string. */
  value(v: string | number | boolean | null): void {
    this.eor();
    this.out += typeof v === 'string' ? quote(v) : String(v);
  }

  startObject(): void {
    this.begin('{');
  }

  endObject(): void {
    this.end('}');
  }

  startArray(): void {
    this.begin('[');
    if (this.pretty) this.out += ' ';
  }

  endArray(): void {
    if (this.pretty && this.sep !== '') this.out += ' ';
    this.sep = '';
    this.end(']');
  }

  /** jsonw_destroy: the final newline. */
  finish(): string {
    return this.out + '\n';
  }
}

/** jsonw_puts: only these characters are escaped. */
function quote(s: string): string {
  let r = '"';
  for (const ch of s) {
    switch (ch) {
      case '\t': r += '\\t'; break;
      case '\n': r += '\\n'; break;
      case '\r': r += '\\r'; break;
      case '\f': r += '\\f'; break;
      case '\b': r += '\\b'; break;
      case '\\': r += '\\\\'; break;
      case '"': r += '\\"'; break;
      default: r += ch;
    }
  }
  return r + '"';
}
