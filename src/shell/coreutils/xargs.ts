// Layer shell: xargs (findutils 4.9): builds command lines from stdin words (or lines with -I/-L, or
// NUL/-d delimited items) and runs them one after another on the same host; -n, -I, -L, -0, -d, -r, -t.
// Exit 123 when a command failed, 127 when it was not found, as GNU xargs reports.

import type { Tool } from '../../tools/process.js';
import { getopt, has, last } from './getopt.js';
import { usageError } from './input.js';

export const xargs: Tool = async (p) => {
  const o = getopt('xargs', p.argv.slice(1), { flags: '0rtpx', withValue: 'nIiLdPsE', long: { null: { key: '0', hasValue: false }, 'no-run-if-empty': { key: 'r', hasValue: false }, 'max-args': { key: 'n', hasValue: true }, delimiter: { key: 'd', hasValue: true }, verbose: { key: 't', hasValue: false } } });
  if ('error' in o) return usageError(p, 'xargs', o.error);
  const input = await p.stdin.readAll();
  const replace = last(o, 'I') ?? (has(o, 'i') ? '{}' : undefined);
  const delim = has(o, '0') ? '\0' : last(o, 'd');
  const items = delim !== undefined ? input.split(delim).filter((x, i, a) => x !== '' || i < a.length - 1) : replace !== undefined || has(o, 'L') ? input.split('\n').map((l) => l.trim()).filter((l) => l !== '') : splitWords(input);
  const cmd = o.operands.length > 0 ? o.operands : ['echo'];
  if (items.length === 0 && (has(o, 'r') || replace !== undefined)) return 0;
  const perRun = replace !== undefined ? 1 : Number(last(o, 'n') ?? last(o, 'L') ?? Number.POSITIVE_INFINITY);
  const runs: string[][] = [];
  if (replace !== undefined) for (const it of items) runs.push(cmd.map((a) => a.split(replace).join(it)));
  else if (items.length === 0) runs.push(cmd);
  else for (let i = 0; i < items.length; i += perRun) runs.push([...cmd, ...items.slice(i, i + perRun)]);
  let code = 0;
  for (const argv of runs) {
    if (has(o, 't')) p.err(`${argv.join(' ')}\n`);
    const r = await p.execOn(p.host, argv);
    if (r.exitCode === 126 || r.exitCode === 127) return r.exitCode;
    if (r.exitCode === 255) return 124;
    if (r.exitCode !== 0) code = 123;
  }
  return code;
};

/** Blank-separated words with xargs' quoting ('...', "...", backslash). */
function splitWords(s: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] ?? '';
    if (q) {
      if (c === q) q = undefined;
      else cur += c;
    } else if (c === "'" || c === '"') {
      q = c;
      has = true;
    } else if (c === '\\') {
      cur += s[++i] ?? '';
      has = true;
    } else if (/\s/.test(c)) {
      if (has || cur !== '') out.push(cur);
      cur = '';
      has = false;
    } else cur += c;
  }
  if (has || cur !== '') out.push(cur);
  return out;
}
