// Layer tools (kubectl): Go's text/tabwriter as kubectl uses it (github.com/liggitt/tabwriter, a fork that adds
// RememberWidths so `get -w` keeps its columns). Cells end at '\t'; a column block is a run of lines that have a
// cell in that column; its width is the widest cell plus padding, at least minwidth. A line without tabs, or
// Flush, formats and writes everything buffered. Widths are counted in runes, as utf8.RuneCount does.

export interface TabwriterOptions {
  readonly minwidth: number;
  readonly tabwidth: number;
  readonly padding: number;
  readonly rememberWidths: boolean;
  /** The fill character (kubectl: ' '). */
  readonly padchar?: string;
}

/** cli-runtime printers.GetNewTabWriter: minwidth 6, tabwidth 4, padding 3, ' ', RememberWidths. */
export const KUBECTL_TABWRITER: TabwriterOptions = { minwidth: 6, tabwidth: 4, padding: 3, rememberWidths: true };

interface Cell {
  readonly text: string;
  readonly width: number;
}

export class Tabwriter {
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];
  private maxwidths: number[] = [];

  constructor(
    private readonly output: (text: string) => void,
    private readonly opts: TabwriterOptions = KUBECTL_TABWRITER,
  ) {}

  /** @example new Tabwriter((s) => out += s).write('NAME\tAGE\nx\t1s\n') */
  write(text: string): void {
    for (const ch of text) {
      if (ch !== '\t' && ch !== '\n' && ch !== '\v' && ch !== '\f') {
        this.cell += ch;
        continue;
      }
      const ncells = this.terminateCell();
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        if (ch === '\f' || ncells === 1) this.flush();
      }
    }
  }

  flush(): void {
    if (this.cell.length > 0) this.terminateCell();
    const out: string[] = [];
    this.format(out, 0, this.lines.length);
    this.output(out.join(''));
    this.lines = [[]];
    this.widths = [];
  }

  /** SetRememberedWidths(nil): kubectl get forgets the widths when a new resource kind starts. */
  forgetWidths(): void {
    this.maxwidths = [];
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1] ?? [];
    line.push({ text: this.cell, width: [...this.cell].length });
    this.cell = '';
    return line.length;
  }

  private format(out: string[], line0: number, line1: number): void {
    const column = this.widths.length;
    for (let cur = line0; cur < line1; cur++) {
      if (column >= (this.lines[cur]?.length ?? 0) - 1) continue;
      this.writeLines(out, line0, cur);
      line0 = cur;
      let width = this.opts.minwidth;
      for (; cur < line1; cur++) {
        const line = this.lines[cur] ?? [];
        if (column >= line.length - 1) break;
        width = Math.max(width, (line[column]?.width ?? 0) + this.opts.padding);
      }
      width = this.remember(width);
      this.widths.push(width);
      this.format(out, line0, cur);
      this.widths.pop();
      line0 = cur;
    }
    this.writeLines(out, line0, line1);
  }

  private remember(width: number): number {
    if (!this.opts.rememberWidths) return width;
    const i = this.widths.length;
    if (this.maxwidths.length < i) this.maxwidths.push(...this.widths.slice(this.maxwidths.length));
    const known = this.maxwidths[i];
    if (known === undefined) this.maxwidths.push(width);
    else if (known > width) return known;
    else this.maxwidths[i] = width;
    return width;
  }

  private writeLines(out: string[], line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i] ?? [];
      line.forEach((c, j) => {
        out.push(c.text);
        const w = this.widths[j];
        if (w !== undefined) out.push((this.opts.padchar ?? ' ').repeat(w - c.width));
      });
      if (i + 1 < this.lines.length) out.push('\n');
    }
  }
}
