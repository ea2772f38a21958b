// Layer tools (cilium): Go's text/tabwriter (flags 0, pad char ' '), which cilium-cli and cilium-dbg print
// through: tab-terminated cells align per column block (consecutive lines that have a cell in that
// column), width = max(minwidth, cell + padding); a line's last, unterminated cell is not aligned, so a
// tab at the end of a row leaves trailing spaces. Ported from Writer.format/writeLines.

export class TabWriter {
  private text = '';

  constructor(
    private readonly minwidth: number,
    private readonly padding: number,
  ) {}

  write(s: string): void {
    this.text += s;
  }

  /** The aligned text of everything written (Flush). */
  flush(): string {
    const raw = this.text;
    this.text = '';
    const endsWithNewline = raw.endsWith('\n');
    const lines = (endsWithNewline ? raw.slice(0, -1) : raw).split('\n').map((l) => l.split('\t'));
    if (raw === '') return '';
    const out: string[] = [];
    this.format(lines, 0, lines.length, [], out);
    return out.join('\n') + (endsWithNewline ? '\n' : '');
  }

  private format(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    const column = widths.length;
    let start = line0;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= (lines[cur]?.length ?? 0) - 1) continue;
      this.writeLines(lines, start, cur, widths, out);
      start = cur;
      let width = this.minwidth;
      for (; cur < line1; cur++) {
        const line = lines[cur] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, [...(line[column] ?? '')].length + this.padding);
      }
      this.format(lines, start, cur, [...widths, width], out);
      start = cur;
      cur--;
    }
    this.writeLines(lines, start, line1, widths, out);
  }

  private writeLines(lines: string[][], line0: number, line1: number, widths: number[], out: string[]): void {
    for (let i = line0; i < line1; i++) {
      const cells = lines[i] ?? [];
      out.push(cells.map((c, j) => (j < widths.length && j < cells.length - 1 ? c.padEnd(widths[j] ?? 0) : c)).join(''));
    }
  }
}

/** Formats `text` in one go. @example tabwrite('a\tb\n', 0, 4) // 'a    b\n' */
export function tabwrite(text: string, minwidth: number, padding: number): string {
  const w = new TabWriter(minwidth, padding);
  w.write(text);
  return w.flush();
}
