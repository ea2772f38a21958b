// Layer tools (net-clients): curl's command line (src/tool_getparam.c): long options, bundled short ones
// ("-sS", "-sv", "-m5", "-ofile"), their numeric checks, and helpf()'s two-line error with exit status 2
// ("curl: option --x: is unknown" / "curl: try 'curl --help' or 'curl --manual' for more information").
// -h/--help, -V/--version and -M/--manual stop the parse where they stand; --help takes the next argument
// as its category (8.5.0's boolean --help reads it too; 8.14.1 ignores an empty one and the rest of "-hX").

import type { CurlRelease } from '../../apps/index.js';

export interface CurlArgs {
  readonly url: string;
  readonly isSilent: boolean;
  readonly isShowError: boolean;
  readonly isVerbose: boolean;
  readonly isHead: boolean;
  readonly isInclude: boolean;
  readonly isFail: boolean;
  readonly isNoProgress: boolean;
  readonly output: string | undefined;
  readonly writeOut: string | undefined;
  readonly connectTimeoutMs: number | undefined;
  readonly maxTimeMs: number | undefined;
  readonly userAgent: string | undefined;
  readonly headers: ReadonlyArray<readonly [string, string]>;
  /** -X: the request method as typed (HEAD also sets isHead). */
  readonly method: string | undefined;
  /** -d/--data*: the request body, several joined with '&' as curl joins them. */
  readonly data: string | undefined;
}

/** What curl prints instead of a transfer. */
export type CurlRequest = { readonly kind: 'help'; readonly category: string | undefined } | { readonly kind: 'version' | 'manual' };

export type CurlArgsResult =
  | { readonly ok: true; readonly args: CurlArgs }
  | { readonly ok: true; readonly request: CurlRequest }
  | { readonly ok: false; readonly stderr: string; readonly exitCode: number };

type Flag = 'silent' | 'show-error' | 'verbose' | 'head' | 'include' | 'fail' | 'insecure' | 'location' | 'ipv4' | 'no-progress-meter' | 'remote-name';
type Param = 'output' | 'write-out' | 'connect-timeout' | 'max-time' | 'user-agent' | 'header' | 'request' | 'url' | 'data';

const SHORT: Readonly<Record<string, Flag | Param>> = { s: 'silent', S: 'show-error', v: 'verbose', I: 'head', i: 'include', f: 'fail', k: 'insecure', L: 'location', '4': 'ipv4', O: 'remote-name', o: 'output', w: 'write-out', m: 'max-time', A: 'user-agent', H: 'header', X: 'request', d: 'data' };
const PARAMS = new Set<string>(['output', 'write-out', 'connect-timeout', 'max-time', 'user-agent', 'header', 'request', 'url', 'data']);
/** --data-raw, --data-binary and --data-ascii read their argument as -d does (no @file in the lab). */
const DATA_ALIASES = new Set(['data-raw', 'data-binary', 'data-ascii']);
const FLAGS = new Set<string>(['silent', 'show-error', 'verbose', 'head', 'include', 'fail', 'insecure', 'location', 'ipv4', 'no-progress-meter', 'remote-name']);

const TRY_HELP = "curl: try 'curl --help' or 'curl --manual' for more information\n";

function usageError(text: string): CurlArgsResult {
  return { ok: false, stderr: `curl: ${text}\n${TRY_HELP}`, exitCode: 2 };
}

type RequestKind = CurlRequest['kind'];
const SHORT_REQUEST: Readonly<Record<string, RequestKind>> = { h: 'help', V: 'version', M: 'manual' };
const LONG_REQUEST: Readonly<Record<string, RequestKind>> = { help: 'help', version: 'version', manual: 'manual' };

export function parseCurlArgs(argv: readonly string[], release: CurlRelease): CurlArgsResult {
  const flags = new Set<Flag>();
  const params = new Map<Param, string>();
  const headers: Array<readonly [string, string]> = [];
  const urls: string[] = [];
  const data: string[] = [];
  const take = (name: Param, value: string): string | undefined => {
    if (name === 'url') urls.push(value);
    else if (name === 'data') data.push(value);
    else if (name === 'header') {
      const i = value.indexOf(':');
      if (i > 0) headers.push([value.slice(0, i), value.slice(i + 1).trim()]);
    } else if ((name === 'connect-timeout' || name === 'max-time') && !/^\d*\.?\d+$|^\d+\.$/.test(value)) return 'expected a proper numerical parameter';
    else params.set(name, value);
    return undefined;
  };
  const request = (kind: RequestKind, next: string | undefined): CurlArgsResult => {
    if (kind !== 'help') return { ok: true, request: { kind } };
    return { ok: true, request: { kind, category: release === '8.14.1' && next === '' ? undefined : next } };
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a.startsWith('--') && a.length > 2) {
      const kind = LONG_REQUEST[a.slice(a.startsWith('--no-') ? 5 : 2)];
      if (kind && !a.startsWith('--no-')) return request(kind, argv[i + 1]);
      if (kind === 'help' && release === '8.14.1') return usageError(`option ${a}: the given option cannot be reversed with a --no- prefix`);
      if (kind) continue;
      const raw = a.slice(2).replace(/^no-(?!progress-meter)/, '');
      const name = DATA_ALIASES.has(raw) ? 'data' : raw;
      if (FLAGS.has(name)) {
        if (!a.startsWith('--no-') || name === 'no-progress-meter') flags.add(name as Flag);
        else flags.delete(name as Flag);
      } else if (PARAMS.has(name)) {
        const v = argv[++i];
        if (v === undefined) return usageError(`option ${a}: requires parameter`);
        const bad = take(name as Param, v);
        if (bad) return usageError(`option ${a}: ${bad}`);
      } else return usageError(`option ${a}: is unknown`);
      continue;
    }
    if (!a.startsWith('-') || a === '-') {
      urls.push(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const kind = SHORT_REQUEST[a[j] ?? ''];
      if (kind === 'help' && release === '8.14.1' && j + 1 < a.length) break;
      if (kind) return request(kind, argv[i + 1]);
      const name = SHORT[a[j] ?? ''];
      if (name === undefined) return usageError(`option ${a}: is unknown`);
      if (FLAGS.has(name)) {
        flags.add(name as Flag);
        continue;
      }
      const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
      if (v === undefined) return usageError(`option ${a}: requires parameter`);
      const bad = take(name as Param, v);
      if (bad) return usageError(`option ${a}: ${bad}`);
      break;
    }
  }
  const url = urls[0];
  if (url === undefined) return usageError('(2) no URL specified');
  const ms = (p: Param): number | undefined => (params.has(p) ? Math.round(Number(params.get(p)) * 1000) : undefined);
  const method = params.get('request');
  return {
    ok: true,
    args: {
      url,
      isSilent: flags.has('silent'),
      isShowError: flags.has('show-error'),
      isVerbose: flags.has('verbose'),
      isHead: flags.has('head') || method?.toUpperCase() === 'HEAD',
      isInclude: flags.has('include'),
      isFail: flags.has('fail'),
      isNoProgress: flags.has('no-progress-meter'),
      output: params.get('output') ?? (flags.has('remote-name') ? remoteName(url) : undefined),
      writeOut: params.get('write-out'),
      connectTimeoutMs: ms('connect-timeout'),
      maxTimeMs: ms('max-time'),
      userAgent: params.get('user-agent'),
      headers,
      method,
      data: data.length > 0 ? data.join('&') : undefined,
    },
  };
}

/** -O: the last path segment of the URL ("index.html" from ".../index.html"). */
function remoteName(url: string): string {
  const path = url.replace(/^[a-z]+:\/\/[^/]*/i, '').split(/[?#]/)[0] ?? '';
  return path.slice(path.lastIndexOf('/') + 1);
}
