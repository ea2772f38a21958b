// Layer tools (host): the column renderer of iproute2's ss (misc/ss.c render_calc_width/render): each cell
// is a token of its column; without a terminal every column is as wide as its longest token plus its
// left delimiter (compact output); on a terminal the spare width is spread over the columns of a line.

export type Align = 'left' | 'right';

export interface Column {
  readonly header: string;
  readonly align: Align;
  readonly ldelim: string;
}

/** ss's columns in order: Netid State Recv-Q Send-Q "Local Address:" Port "Peer Address:" Port Process. */
export const SS_COLUMNS: readonly Column[] = [
  { header: 'Netid', align: 'left', ldelim: '' },
  { header: 'State', align: 'left', ldelim: ' ' },
  { header: 'Recv-Q', align: 'left', ldelim: ' ' },
  { header: 'Send-Q', align: 'left', ldelim: ' ' },
  { header: 'Local Address:', align: 'right', ldelim: ' ' },
  { header: 'Port', align: 'left', ldelim: '' },
  { header: 'Peer Address:', align: 'right', ldelim: ' ' },
  { header: 'Port', align: 'left', ldelim: '' },
  { header: 'Process', align: 'left', ldelim: '' },
];

/** Renders rows (one cell per enabled column) under the header; `screenWidth` undefined = not a terminal. */
export function renderTable(enabled: readonly boolean[], rows: ReadonlyArray<readonly string[]>, screenWidth: number | undefined): string {
  const cols = SS_COLUMNS.map((c, i) => ({ ...c, on: enabled[i] ?? false, width: 0 })).filter((c) => c.on);
  const all = [cols.map((c) => c.header), ...rows];
  cols.forEach((c, i) => {
    const maxLen = Math.max(...all.map((r) => (r[i] ?? '').length));
    c.width = i > 0 && maxLen ? maxLen + c.ldelim.length : maxLen;
    if (screenWidth !== undefined) c.width = Math.min(c.width, screenWidth);
  });
  if (screenWidth !== undefined) spread(cols, screenWidth);
  let out = '';
  for (const r of all) {
    r.forEach((cell, i) => {
      const c = cols[i];
      if (!c) return;
      let printed = i > 0 ? c.ldelim.length : 0;
      let s = i > 0 ? c.ldelim : '';
      if (c.align === 'right' && c.width - cell.length - printed > 0) {
        const pad = c.width - cell.length - printed;
        s += ' '.repeat(pad);
        printed += pad;
      }
      s += cell;
      printed += cell.length;
      if (c.align === 'left' && c.width - printed > 0) s += ' '.repeat(c.width - printed);
      out += s;
    });
    out += '\n';
  }
  return out;
}

/** The second pass of render_calc_width for one line of columns: spare width shared out, right to left. */
function spread(cols: Array<{ width: number }>, screenWidth: number): void {
  const len = cols.reduce((n, c) => n + c.width, 0);
  if (len >= screenWidth || cols.length === 0) return;
  const pad = screenWidth - len;
  const spacing = Math.floor(pad / cols.length);
  let rem = pad % cols.length;
  for (let i = cols.length - 1; i >= 0; i--) {
    const c = cols[i];
    if (!c) continue;
    c.width += spacing;
    if (rem) {
      c.width++;
      rem--;
    }
  }
}
