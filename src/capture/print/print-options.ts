// Layer capture (print): tcpdump's printing flags as counters, the way netdissect_options keeps them
// (-vv is vflag 2, -nn is nflag 2, -XX is Xflag 2). -q, -x and -X also suppress the default hex print
// of payloads no printer claims (ndo_suppress_default_print).

export interface PrintOptions {
  readonly vflag: number;
  readonly eflag: number;
  readonly nflag: number;
  readonly qflag: number;
  /** -S: absolute TCP sequence numbers. */
  readonly Sflag: number;
  /** 0 default, 1 -t, 2 -tt, 3 -ttt, 4 -tttt, 5 -ttttt. */
  readonly tflag: number;
  readonly xflag: number;
  readonly Xflag: number;
  readonly Aflag: number;
  /** -K: do not verify checksums. */
  readonly Kflag: number;
  /** -#: packet numbers. */
  readonly packetNumber: boolean;
}

export const DEFAULT_PRINT_OPTIONS: PrintOptions = {
  vflag: 0,
  eflag: 0,
  nflag: 0,
  qflag: 0,
  Sflag: 0,
  tflag: 0,
  xflag: 0,
  Xflag: 0,
  Aflag: 0,
  Kflag: 0,
  packetNumber: false,
};

/** ndo_suppress_default_print: -q, -x and -X each set it. */
export function suppressDefaultPrint(o: PrintOptions): boolean {
  return o.qflag > 0 || o.xflag > 0 || o.Xflag > 0;
}
