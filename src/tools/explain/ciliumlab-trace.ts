// Layer tools (explain): `ciliumlab trace` in the lab shell: runs a ping or a curl once from a host or pod
// and prints where every packet went and why it ended there (-o json: the library's Explanation).
//   ciliumlab trace ping FROM TO [-s SIZE] [-t TTL] [-M do|want|dont] [-o text|json]
//   ciliumlab trace curl FROM URL [--connect-timeout SECONDS] [-o text|json]

import { startCurl, startPing, type ExplainRun } from '../../observe/index.js';
import type { PmtuDisc } from '../../net/ip-send.js';
import type { Process, Tool } from '../process.js';
import { explanationText } from './explain-text.js';

const USAGE = 'usage: ciliumlab trace ping FROM TO [-s SIZE] [-t TTL] [-M do|want|dont] [-o text|json]\n       ciliumlab trace curl FROM URL [--connect-timeout SECONDS] [-o text|json]\n';

interface Parsed {
  readonly what: string;
  readonly args: string[];
  readonly opts: Map<string, string>;
}

function parse(argv: readonly string[]): Parsed | string {
  const [what = '', ...rest] = argv;
  const args: string[] = [];
  const opts = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    if (!['-s', '-t', '-M', '-o', '--connect-timeout'].includes(a)) {
      if (a.startsWith('-')) return `ciliumlab trace: unknown option ${a}\n${USAGE}`;
      args.push(a);
      continue;
    }
    const v = rest[++i];
    if (v === undefined) return `ciliumlab trace: option ${a} needs a value\n${USAGE}`;
    opts.set(a, v);
  }
  return { what, args, opts };
}

function start(p: Process, x: Parsed): ExplainRun | string {
  const [from, to] = x.args;
  if (from === undefined || to === undefined || x.args.length !== 2) return USAGE;
  if (x.what === 'ping') {
    const num = (k: string) => (x.opts.has(k) ? Number(x.opts.get(k)) : undefined);
    const m = x.opts.get('-M');
    if (m !== undefined && !['do', 'want', 'dont'].includes(m)) return `ciliumlab trace: -M takes do, want or dont\n`;
    const size = num('-s');
    const ttl = num('-t');
    return startPing(p.lab, { from, to, ...(size !== undefined ? { size } : {}), ...(ttl !== undefined ? { ttl } : {}), ...(m !== undefined ? { pmtudisc: m as PmtuDisc } : {}) });
  }
  if (x.what === 'curl') {
    const t = x.opts.get('--connect-timeout');
    return startCurl(p.lab, { from, url: to, ...(t !== undefined ? { connectTimeoutMs: Number(t) * 1000 } : {}) });
  }
  return USAGE;
}

/** `trace ...`: the arguments after "ciliumlab". */
export const ciliumlabTrace: Tool = async (p) => {
  const parsed = parse(p.argv.slice(2));
  if (typeof parsed === 'string') {
    p.err(parsed);
    return 2;
  }
  let run: ExplainRun | string;
  try {
    run = start(p, parsed);
  } catch (e) {
    run = `ciliumlab trace: ${e instanceof Error ? e.message : String(e)}\n`;
  }
  if (typeof run === 'string') {
    p.err(run);
    return 2;
  }
  await p.until(run.isDone, run.limitUs);
  const x = run.finish();
  p.out(parsed.opts.get('-o') === 'json' ? `${JSON.stringify(x, null, 2)}\n` : explanationText(x));
  return 0;
};
