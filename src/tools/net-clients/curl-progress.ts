// Layer tools (net-clients): libcurl's progress meter (lib/progress.c progress_meter, progress_calc,
// time2str, max5data): the two header lines, then a "\r"-led line each time the clock's second changes
// and a forced one when the transfer is done, followed by "\n". Speeds are bytes per second of the
// virtual clock; "Current" averages the last seconds as curl's speeder ring does.

const CURR_TIME = 6;

export class ProgressMeter {
  private lastShowS: number | undefined;
  private isHeaderOut = false;
  private dlSize = 0;
  private dlTotal: number | undefined;
  private readonly speeder: Array<{ bytes: number; us: number }> = [];
  private speederCount = 0;
  private currentSpeed = 0;

  constructor(
    private readonly startUs: number,
    private readonly write: (text: string) => void,
  ) {}

  setTotal(bytes: number | undefined): void {
    this.dlTotal = bytes;
  }

  addBytes(n: number): void {
    this.dlSize += n;
  }

  /** Curl_pgrsUpdate: shows a line when the second has changed (always when `force`). */
  update(nowUs: number, opts: { readonly force?: boolean } = {}): void {
    const sec = Math.floor(nowUs / 1e6);
    const spentUs = nowUs - this.startUs;
    if (!opts.force && this.lastShowS === sec) return;
    this.lastShowS = sec;
    this.sampleSpeed(nowUs, spentUs);
    if (!this.isHeaderOut) {
      this.write('  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n');
      this.isHeaderOut = true;
    }
    this.write(this.line(spentUs));
  }

  /** Curl_pgrsDone: the final forced line and its newline. */
  done(nowUs: number): void {
    this.update(nowUs, { force: true });
    this.write('\n');
  }

  private sampleSpeed(nowUs: number, spentUs: number): void {
    const i = this.speederCount % CURR_TIME;
    this.speeder[i] = { bytes: this.dlSize, us: nowUs };
    this.speederCount++;
    const count = Math.min(this.speederCount, CURR_TIME) - 1;
    if (count === 0) {
      this.currentSpeed = trspeed(this.dlSize, spentUs);
      return;
    }
    const old = this.speeder[this.speederCount >= CURR_TIME ? this.speederCount % CURR_TIME : 0] ?? { bytes: 0, us: nowUs };
    const spanMs = Math.max(1, Math.floor((nowUs - old.us) / 1000));
    this.currentSpeed = Math.floor(((this.dlSize - old.bytes) * 1000) / spanMs);
  }

  private line(spentUs: number): string {
    const speed = trspeed(this.dlSize, spentUs);
    const curSecs = Math.floor(spentUs / 1e6);
    const known = this.dlTotal !== undefined;
    const estSecs = known && speed > 0 ? Math.floor((this.dlTotal ?? 0) / speed) : 0;
    const dlPercent = known && speed > 0 ? percent(this.dlTotal ?? 0, this.dlSize) : 0;
    const total = this.dlTotal ?? this.dlSize;
    const cols = [
      `${pad3(percent(total, this.dlSize))} ${max5(total)}`,
      `${pad3(dlPercent)} ${max5(this.dlSize)}`,
      `${pad3(0)} ${max5(0)}`,
      `${max5(speed)}  ${max5(0)} ${time2str(estSecs)} ${time2str(curSecs)} ${time2str(estSecs > 0 ? estSecs - curSecs : 0)} ${max5(this.currentSpeed)}`,
    ];
    return `\r${cols.join('  ')}`;
  }
}

function trspeed(bytes: number, us: number): number {
  return us < 1 ? bytes * 1e6 : Math.floor((bytes * 1e6) / us);
}

function percent(total: number, cur: number): number {
  if (total > 10000) return Math.floor(cur / Math.floor(total / 100));
  return total > 0 ? Math.floor((cur * 100) / total) : 0;
}

function pad3(n: number): string {
  return String(n).padStart(3);
}

/** time2str: "--:--:--" for zero, else "%2d:%02d:%02d" (days past 99 hours). */
function time2str(s: number): string {
  if (s <= 0) return '--:--:--';
  const h = Math.floor(s / 3600);
  if (h <= 99) return `${String(h).padStart(2)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
  const d = Math.floor(s / 86400);
  return d <= 999 ? `${String(d).padStart(3)}d ${String(Math.floor((s % 86400) / 3600)).padStart(2, '0')}h` : `${String(d).padStart(7)}d`;
}

/** max5data: at most five columns, with k/M/G suffixes (1024-based). */
function max5(b: number): string {
  const K = 1024;
  const M = K * K;
  const G = M * K;
  if (b < 100000) return String(b).padStart(5);
  if (b < 10000 * K) return `${String(Math.floor(b / K)).padStart(4)}k`;
  if (b < 100 * M) return `${String(Math.floor(b / M)).padStart(2)}.${Math.floor((b % M) / (M / 10))}M`;
  if (b < 10000 * M) return `${String(Math.floor(b / M)).padStart(4)}M`;
  if (b < 100 * G) return `${String(Math.floor(b / G)).padStart(2)}.${Math.floor((b % G) / (G / 10))}G`;
  return `${String(Math.floor(b / G)).padStart(4)}G`;
}
