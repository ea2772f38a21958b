// Layer apps: iputils ping's arithmetic (ping/ping_common.c gather_statistics and finish,
// ping/ping_output.c ping_print_finish and ping_print_statistics): the EWMA, the loss percentage as a
// C float printed with %g, the "time" from the first to the last transmission rounded to ms, avg by
// integer division, mdev through ping's own integer Newton square root, and the exit status.

/** What ping counts while it runs (struct ping_rts). Times are µs, as ping keeps them. */
export interface PingCounters {
  transmitted: number;
  received: number;
  duplicates: number;
  corrupted: number;
  errors: number;
  tminUs: number;
  tmaxUs: number;
  tsumUs: number;
  tsum2: number;
  /** rts->rtt: the EWMA of the RTT in fixed point (8 × µs). */
  ewma: number;
  pipesize: number;
}

export function newPingCounters(): PingCounters {
  return { transmitted: 0, received: 0, duplicates: 0, corrupted: 0, errors: 0, tminUs: Number.MAX_SAFE_INTEGER, tmaxUs: 0, tsumUs: 0, tsum2: 0, ewma: 0, pipesize: -1 };
}

/** gather_statistics: folds one timed reply into the sums (also done for duplicates). */
export function addRtt(c: PingCounters, triptimeUs: number): void {
  c.tsumUs += triptimeUs;
  c.tsum2 += triptimeUs * triptimeUs;
  if (triptimeUs < c.tminUs) c.tminUs = triptimeUs;
  if (triptimeUs > c.tmaxUs) c.tmaxUs = triptimeUs;
  c.ewma = c.ewma === 0 ? triptimeUs * 8 : c.ewma + triptimeUs - Math.floor(c.ewma / 8);
}

export interface RttSummary {
  readonly minUs: number;
  readonly avgUs: number;
  readonly maxUs: number;
  readonly mdevUs: number;
  /** "min/avg/max/mdev" as ping prints it after "rtt min/avg/max/mdev = ", without " ms". */
  readonly text: string;
}

export interface PingStats {
  readonly transmitted: number;
  readonly received: number;
  readonly duplicates: number;
  readonly corrupted: number;
  readonly errors: number;
  /** The loss as ping computes it: a C float; `lossText` is its %g form ("0", "100", "66.6667"). */
  readonly loss: number;
  readonly lossText: string;
  /** From the first to the last transmission, rounded to ms; undefined when nothing was sent. */
  readonly timeMs: number | undefined;
  readonly rtt: RttSummary | undefined;
  /** Printed as "pipe N" when above 1. */
  readonly pipe: number | undefined;
  /** ipg/ewma (µs), printed for -i 0, -f and -A runs. */
  readonly ipg: { readonly ipgUs: number; readonly ewmaUs: number; readonly text: string } | undefined;
  readonly exitCode: 0 | 1;
}

export interface FinishContext {
  readonly startUs: number;
  /** rts->cur_time: when the pinger last let a packet go. */
  readonly lastSendUs: number;
  readonly isTiming: boolean;
  readonly hasDeadline: boolean;
  readonly count: number | undefined;
  readonly showIpg: boolean;
}

/** ping_print_finish + finish(). */
export function pingStatistics(c: PingCounters, f: FinishContext): PingStats {
  const loss = c.transmitted > 0 ? Math.fround(((c.transmitted - c.received) * 100.0) / c.transmitted) : 0;
  const diffUs = Math.max(0, f.lastSendUs - f.startUs);
  const timeMs = c.transmitted > 0 ? Math.floor((diffUs * 1000 + 500000) / 1e6) : undefined;
  const rtt = c.received > 0 && f.isTiming ? rttSummary(c) : undefined;
  const ipgOn = f.showIpg && c.received > 0 && c.transmitted > 1;
  const ipgUs = ipgOn ? Math.trunc(diffUs / (c.transmitted - 1)) : 0;
  const ewmaUs = Math.floor(c.ewma / 8);
  const failed = c.received === 0 || (f.hasDeadline && c.received < (f.count ?? 0));
  return {
    transmitted: c.transmitted,
    received: c.received,
    duplicates: c.duplicates,
    corrupted: c.corrupted,
    errors: c.errors,
    loss,
    lossText: formatG(loss),
    timeMs,
    rtt,
    pipe: c.pipesize > 1 ? c.pipesize : undefined,
    ipg: ipgOn ? { ipgUs, ewmaUs, text: `${msText(ipgUs)}/${msText(ewmaUs)}` } : undefined,
    exitCode: failed ? 1 : 0,
  };
}

/** ping_print_statistics: avg by integer division, mdev = llsqrt(E[t²] - E[t]²) in µs. */
export function rttSummary(c: PingCounters): RttSummary {
  const total = c.received + c.duplicates;
  const avg = Math.trunc(c.tsumUs / total);
  const tmvar = c.tsumUs < 2147483647 ? Math.trunc((c.tsum2 - (c.tsumUs * c.tsumUs) / total) / total) : Math.trunc(c.tsum2 / total - avg * avg);
  const mdev = llsqrt(tmvar);
  return { minUs: c.tminUs, avgUs: avg, maxUs: c.tmaxUs, mdevUs: mdev, text: [c.tminUs, avg, c.tmaxUs, mdev].map(msText).join('/') };
}

/** ping's llsqrt: Newton's iteration that stops when it stops shrinking (llsqrt(3) === 2, as in ping). */
export function llsqrt(a: number): number {
  let prev = Number.MAX_SAFE_INTEGER;
  let x = a;
  if (x > 0) {
    while (x < prev) {
      prev = x;
      x = Math.trunc((x + Math.trunc(a / x)) / 2);
    }
  }
  return x;
}

/** "%ld.%03ld" of µs as ms, with C's truncating division. */
export function msText(us: number): string {
  const whole = Math.trunc(us / 1000);
  const frac = Math.abs(us % 1000);
  return `${us < 0 && whole === 0 ? '-' : ''}${whole}.${String(frac).padStart(3, '0')}`;
}

/** The "time=" of a reply line: 3 decimals under 1 ms, then 2, 1 and none as the RTT grows (-3 keeps 3). */
export function formatPingTime(triptimeUs: number, opts: { readonly precise?: boolean } = {}): string {
  const t = triptimeUs;
  if (opts.precise) return `${Math.trunc(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
  if (t >= 100000 - 50) return `${Math.trunc((t + 500) / 1000)}`;
  if (t >= 10000 - 5) return `${Math.trunc((t + 50) / 1000)}.${Math.trunc(((t + 50) % 1000) / 100)}`;
  if (t >= 1000) return `${Math.trunc((t + 5) / 1000)}.${String(Math.trunc(((t + 5) % 1000) / 10)).padStart(2, '0')}`;
  return `${Math.trunc(t / 1000)}.${String(t % 1000).padStart(3, '0')}`;
}

/** C's printf("%g", v): six significant digits, trailing zeros dropped, exponent form outside 1e-4..1e6. */
export function formatG(v: number): string {
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  if (!Number.isFinite(v)) return Number.isNaN(v) ? 'nan' : v > 0 ? 'inf' : '-inf';
  const [mant = '0', expText = '0'] = v.toExponential(5).split('e');
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const m = stripZeros(mant);
    return `${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
  }
  return stripZeros(v.toFixed(5 - exp));
}

function stripZeros(s: string): string {
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}
