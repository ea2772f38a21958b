// Layer capture (print): util-print.c's ts_print(). Default "HH:MM:SS.uuuuuu " in the local time zone of
// the machine printing (the lab's, e.g. Asia/Seoul), -t nothing, -tt "sec.usec ", -ttt the delta since the
// previous packet and -ttttt since the first, as " HH:MM:SS.uuuuuu " in UTC, -tttt with the date. The zone
// offset comes from Intl once per hour of timestamps, so printing stays fast.

import { zoneOffsetMinutes } from '../../lab/wall-clock.js';

export class TimestampPrinter {
  private refSec = 0;
  private refUsec = 0;
  private hasRef = false;
  private offsetHour = Number.NaN;
  private offsetS = 0;
  /** The last second printed and its "HH:MM:SS" (or date and time). */
  private lastSec = Number.NaN;
  private lastText = '';

  constructor(
    private readonly tflag: number,
    private readonly timeZone: string,
  ) {}

  format(sec: number, usec: number): string {
    switch (this.tflag) {
      case 1:
        return '';
      case 2:
        return sec & 0x80000000 ? '[Error converting time] ' : `${sec >>> 0}.${usec6(usec)} `;
      case 3:
      case 5:
        return this.delta(sec, usec);
      case 4:
        return `${this.local(sec, usec, true)} `;
      default:
        return `${this.local(sec, usec, false)} `;
    }
  }

  private delta(sec: number, usec: number): string {
    if (!this.hasRef) {
      this.refSec = sec;
      this.refUsec = usec;
      this.hasRef = true;
    }
    const t = sec * 1_000_000 + usec;
    const ref = this.refSec * 1_000_000 + this.refUsec;
    const d = Math.abs(t - ref);
    const s = `${t < ref ? '-' : ' '}${hms(Math.floor(d / 1_000_000))}.${usec6(d % 1_000_000)} `;
    if (this.tflag === 3) {
      this.refSec = sec;
      this.refUsec = usec;
    }
    return s;
  }

  private local(sec: number, usec: number, withDate: boolean): string {
    if (sec & 0x80000000) return '[Error converting time]';
    if (sec !== this.lastSec) {
      const hour = Math.floor(sec / 3600);
      if (hour !== this.offsetHour) {
        this.offsetHour = hour;
        this.offsetS = zoneOffsetMinutes(sec * 1000, this.timeZone) * 60;
      }
      const local = sec + this.offsetS;
      const time = hms(((local % 86400) + 86400) % 86400);
      this.lastSec = sec;
      this.lastText = withDate ? `${new Date(local * 1000).toISOString().slice(0, 10)} ${time}` : time;
    }
    return `${this.lastText}.${usec6(usec)}`;
  }
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** "%06u" for 0..999999 without padStart (the hot path). */
function usec6(n: number): string {
  return n < 1_000_000 ? String(1_000_000 + n).slice(1) : String(n);
}

/** %H:%M:%S of seconds within a day (the -ttt delta can exceed a day and wraps, as gmtime does). */
function hms(s: number): string {
  const day = s % 86400;
  return `${pad(Math.floor(day / 3600), 2)}:${pad(Math.floor((day % 3600) / 60), 2)}:${pad(day % 60, 2)}`;
}
