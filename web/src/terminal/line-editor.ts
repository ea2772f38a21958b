// web (terminal): the line being typed at a prompt, as readline keeps it: the text and the cursor, the
// history walked with Up/Down (the line being typed comes back after the newest entry), and the kills
// (Ctrl-U, Ctrl-K, Ctrl-W). Pure state; `redraw` turns it into the escape sequences xterm.js needs, with
// lines that wrap at the terminal's width.

export class LineEditor {
  text = '';
  cursor = 0;
  private historyAt: number;
  private draft = '';

  constructor(private readonly history: string[]) {
    this.historyAt = history.length;
  }

  insert(s: string): void {
    this.text = this.text.slice(0, this.cursor) + s + this.text.slice(this.cursor);
    this.cursor += s.length;
  }

  backspace(): void {
    if (this.cursor === 0) return;
    this.text = this.text.slice(0, this.cursor - 1) + this.text.slice(this.cursor);
    this.cursor--;
  }

  deleteForward(): void {
    this.text = this.text.slice(0, this.cursor) + this.text.slice(this.cursor + 1);
  }

  left(): void {
    this.cursor = Math.max(0, this.cursor - 1);
  }

  right(): void {
    this.cursor = Math.min(this.text.length, this.cursor + 1);
  }

  home(): void {
    this.cursor = 0;
  }

  end(): void {
    this.cursor = this.text.length;
  }

  /** Ctrl-U: everything before the cursor. */
  killToStart(): void {
    this.text = this.text.slice(this.cursor);
    this.cursor = 0;
  }

  /** Ctrl-K: everything from the cursor on. */
  killToEnd(): void {
    this.text = this.text.slice(0, this.cursor);
  }

  /** Ctrl-W: the word before the cursor (unix-word-rubout: back to whitespace). */
  killWordBack(): void {
    const before = this.text.slice(0, this.cursor).replace(/\S+\s*$/, '');
    this.text = before + this.text.slice(this.cursor);
    this.cursor = before.length;
  }

  historyPrev(): void {
    if (this.historyAt === 0) return;
    if (this.historyAt === this.history.length) this.draft = this.text;
    this.historyAt--;
    this.show(this.history[this.historyAt] ?? '');
  }

  historyNext(): void {
    if (this.historyAt >= this.history.length) return;
    this.historyAt++;
    this.show(this.historyAt === this.history.length ? this.draft : (this.history[this.historyAt] ?? ''));
  }

  /** Enter: the line, added to the history unless blank or the same as the last entry. */
  accept(): string {
    const line = this.text;
    if (line.trim() !== '' && this.history.at(-1) !== line) this.history.push(line);
    this.reset();
    return line;
  }

  reset(): void {
    this.text = '';
    this.cursor = 0;
    this.draft = '';
    this.historyAt = this.history.length;
  }

  private show(s: string): void {
    this.text = s;
    this.cursor = s.length;
  }
}

/** Terminal columns a string takes (one per code point: the prompt's ⎈ is narrow in xterm.js). */
function width(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/**
 * Escape sequences that redraw `prompt + text` from the start of the prompt, given the row (below the
 * prompt's first row) the cursor is on now; returns them and the row the cursor ends on.
 */
export function redraw(prompt: string, text: string, cursor: number, cols: number, cursorRow: number): { out: string; cursorRow: number } {
  const c = Math.max(1, cols);
  const total = width(prompt) + width(text);
  const at = width(prompt) + width(text.slice(0, cursor));
  let out = `${cursorRow > 0 ? `\x1b[${cursorRow}A` : ''}\r\x1b[J${prompt}${text}`;
  // At the exact end of a row the cursor waits to wrap; move it to the next row so rows count right.
  if (total > 0 && total % c === 0) out += '\r\n';
  const endRow = Math.floor(total / c);
  const row = Math.floor(at / c);
  if (endRow > row) out += `\x1b[${endRow - row}A`;
  out += `\x1b[${(at % c) + 1}G`;
  return { out, cursorRow: row };
}

/** The longest prefix every candidate shares. */
export function commonPrefix(words: readonly string[]): string {
  const [first, ...rest] = words;
  if (first === undefined) return '';
  let n = first.length;
  for (const w of rest) {
    let i = 0;
    while (i < n && i < w.length && w[i] === first[i]) i++;
    n = i;
  }
  return first.slice(0, n);
}
