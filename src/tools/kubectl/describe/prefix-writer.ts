// Layer tools (kubectl): describe's output plumbing (kubectl/pkg/describe): a PrefixWriter that indents by
// two spaces per level into a Go tabwriter(minwidth 0, tabwidth 8, padding 2) — tabbedString — plus the
// RFC 1123 times describe prints in the client's local zone.

import { localTime } from '../../../lab/wall-clock.js';
import { escapeTerminal } from '../printers/table.js';
import { Tabwriter } from '../text/tabwriter.js';

export const DESCRIBE_TABWRITER = { minwidth: 0, tabwidth: 8, padding: 2, rememberWidths: false } as const;

export class PrefixWriter {
  private readonly tw: Tabwriter;
  private out = '';

  constructor() {
    this.tw = new Tabwriter((s) => (this.out += s), DESCRIBE_TABWRITER);
  }

  /** Write(level, text): the text after `level` two-space indents. */
  write(level: number, text: string): void {
    this.tw.write(escapeTerminal('  '.repeat(level) + text));
  }

  /** WriteLine: the text and a newline, no indent. */
  line(text: string): void {
    this.tw.write(`${escapeTerminal(text)}\n`);
  }

  flush(): void {
    this.tw.flush();
  }

  /** Flushes and returns everything written. */
  text(): string {
    this.tw.flush();
    return this.out;
  }
}

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** time.RFC1123Z in `timeZone`: "Sun, 03 Aug 2025 20:37:00 +0900". */
export function rfc1123z(timestamp: string | null | undefined, timeZone: string): string {
  const ms = Date.parse(timestamp ?? '');
  const t = localTime(Number.isNaN(ms) ? -62135596800000 : ms, timeZone);
  const p = (n: number): string => String(n).padStart(2, '0');
  const dow = new Date(Date.UTC(t.year, t.month - 1, t.day)).getUTCDay();
  const off = Math.abs(t.offsetMinutes);
  const zone = `${t.offsetMinutes < 0 ? '-' : '+'}${p(Math.floor(off / 60))}${p(off % 60)}`;
  return `${DAYS[dow] ?? ''}, ${p(t.day)} ${MONTHS[t.month - 1] ?? ''} ${t.year} ${p(t.hour)}:${p(t.minute)}:${p(t.second)} ${zone}`;
}
