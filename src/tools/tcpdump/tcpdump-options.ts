// Layer tools (tcpdump): tcpdump.c's option switch: counters for the printing flags (-v, -n, -e, -x, -X,
// -A, -q, -t, -S), the capture settings (-i, -c, -s, -p, -Q, -w, -r, -y, -O, --print, --count) and the
// checks it makes while reading them ("invalid packet count 0"). -h and --version end the switch at once.

import type { PrintOptions } from '../../capture/index.js';

export const MAXIMUM_SNAPLEN = 262144;

export interface TcpdumpOptions {
  readonly print: PrintOptions;
  readonly Nflag: number;
  readonly lflag: boolean;
  readonly device: string | undefined;
  /** -c: packets to capture, or -1. */
  readonly count: number;
  /** -s; 0 means the default (262144). */
  readonly snaplen: number;
  readonly isPromisc: boolean;
  readonly direction: 'inout' | 'in' | 'out';
  readonly readFile: string | undefined;
  readonly writeFile: string | undefined;
  /** --print: print packets while writing them with -w. */
  readonly isPrint: boolean;
  readonly countMode: boolean;
  readonly optimize: boolean;
  /** -y: a data link type name. */
  readonly linktypeName: string | undefined;
  readonly listInterfaces: boolean;
  readonly listLinktypes: boolean;
}

export type OptionsResult =
  | { readonly kind: 'run'; readonly options: TcpdumpOptions }
  | { readonly kind: 'help' | 'version' }
  | { readonly kind: 'error'; readonly message: string };

/** atoi(): leading blanks, a sign, digits; 0 when there are none. */
export function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? Number.parseInt(m[1] ?? '0', 10) : 0;
}

/** strtol(s, &end, 0) that must consume everything; undefined otherwise. */
function strtolAll(s: string): number | undefined {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.exec(s);
  if (!m) return undefined;
  const body = m[2] ?? '0';
  const v = body.startsWith('0x') || body.startsWith('0X') ? Number.parseInt(body.slice(2), 16) : body.startsWith('0') ? Number.parseInt(body, 8) : Number(body);
  return m[1] === '-' ? -v : v;
}

const FLAG_COUNTERS = { v: 'vflag', e: 'eflag', n: 'nflag', q: 'qflag', S: 'Sflag', t: 'tflag', x: 'xflag', X: 'Xflag', A: 'Aflag', K: 'Kflag' } as const;

export function interpretOptions(opts: ReadonlyArray<readonly [string, string | undefined]>): OptionsResult {
  const flags: Record<string, number> = {};
  let o: Omit<TcpdumpOptions, 'print'> = {
    Nflag: 0, lflag: false, device: undefined, count: -1, snaplen: 0, isPromisc: true, direction: 'inout', readFile: undefined,
    writeFile: undefined, isPrint: false, countMode: false, optimize: true, linktypeName: undefined, listInterfaces: false, listLinktypes: false,
  };
  let packetNumber = false;
  for (const [opt, arg = ''] of opts) {
    const counter = FLAG_COUNTERS[opt as keyof typeof FLAG_COUNTERS];
    if (counter) {
      flags[counter] = (flags[counter] ?? 0) + 1;
      continue;
    }
    switch (opt) {
      case 'h':
        return { kind: 'help' };
      case 'version':
        return { kind: 'version' };
      case 'c':
        if (atoi(arg) <= 0) return { kind: 'error', message: `invalid packet count ${arg}` };
        o = { ...o, count: atoi(arg) };
        break;
      case 's': {
        const v = strtolAll(arg);
        if (v === undefined || v < 0 || v > MAXIMUM_SNAPLEN) return { kind: 'error', message: `invalid snaplen ${arg} (must be >= 0 and <= ${MAXIMUM_SNAPLEN})` };
        o = { ...o, snaplen: v };
        break;
      }
      case 'Q': {
        const d = arg.toLowerCase();
        if (d !== 'in' && d !== 'out' && d !== 'inout') return { kind: 'error', message: `unknown capture direction \`${arg}'` };
        o = { ...o, direction: d };
        break;
      }
      case 'i':
        o = { ...o, device: arg };
        break;
      case 'r':
        o = { ...o, readFile: arg };
        break;
      case 'w':
        o = { ...o, writeFile: arg };
        break;
      case 'y':
        o = { ...o, linktypeName: arg };
        break;
      case 'p':
        o = { ...o, isPromisc: false };
        break;
      case 'l':
        o = { ...o, lflag: true };
        break;
      case 'N':
        o = { ...o, Nflag: o.Nflag + 1 };
        break;
      case 'O':
        o = { ...o, optimize: false };
        break;
      case 'D':
        o = { ...o, listInterfaces: true };
        break;
      case 'L':
        o = { ...o, listLinktypes: true };
        break;
      case '#':
        packetNumber = true;
        break;
      case 'print':
        o = { ...o, isPrint: true };
        break;
      case 'count':
        o = { ...o, countMode: true };
        break;
      default:
        break;
    }
  }
  if ((flags['tflag'] ?? 0) > 5) return { kind: 'error', message: 'only -t, -tt, -ttt, -tttt and -ttttt are supported' };
  const f = (k: string) => flags[k] ?? 0;
  const print: PrintOptions = { vflag: f('vflag'), eflag: f('eflag'), nflag: f('nflag'), qflag: f('qflag'), Sflag: f('Sflag'), tflag: f('tflag'), xflag: f('xflag'), Xflag: f('Xflag'), Aflag: f('Aflag'), Kflag: f('Kflag'), packetNumber };
  return { kind: 'run', options: { ...o, print } };
}
