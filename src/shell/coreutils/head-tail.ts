// Layer shell: head and tail (GNU coreutils 9.4). head streams: after its N lines it closes its input,
// so the command writing into the pipe gets SIGPIPE (`ping ... | head -2` ends ping). tail keeps the
// last N lines (or from line +N), `-c` counts bytes, `-f` keeps waiting after the end (until Ctrl-C).

import type { Process, Tool } from '../../tools/process.js';
import { getopt, has, last } from './getopt.js';
import { inputs, linesOf, usageError } from './input.js';

const HEAD_SPEC = { flags: 'qvz', withValue: 'nc', numberOption: 'n', long: { lines: { key: 'n', hasValue: true }, bytes: { key: 'c', hasValue: true }, quiet: { key: 'q', hasValue: false }, silent: { key: 'q', hasValue: false }, verbose: { key: 'v', hasValue: false } } } as const;
const TAIL_SPEC = { flags: 'qvzfF', withValue: 'ncs', numberOption: 'n', long: { ...HEAD_SPEC.long, follow: { key: 'f', hasValue: false } } } as const;

function count(v: string | undefined, fallback: number): { n: number; sign: '' | '+' | '-' } | undefined {
  if (v === undefined) return { n: fallback, sign: '' };
  const m = /^([+-]?)(\d+)$/.exec(v);
  return m ? { n: Number(m[2]), sign: (m[1] ?? '') as '' | '+' | '-' } : undefined;
}

export const head: Tool = async (p) => {
  const o = getopt('head', p.argv.slice(1), HEAD_SPEC);
  if ('error' in o) return usageError(p, 'head', o.error);
  const isBytes = has(o, 'c');
  const c = count(isBytes ? last(o, 'c') : last(o, 'n'), 10);
  if (!c) return usageError(p, 'head', `head: invalid number of ${isBytes ? 'bytes' : 'lines'}: '${isBytes ? last(o, 'c') : last(o, 'n')}'`);
  const multi = o.operands.length > 1 ? !has(o, 'q') : has(o, 'v');
  let code = 0;
  let first = true;
  for await (const input of inputs(p, 'head', o.operands)) {
    if ('missing' in input) {
      code = 1;
      continue;
    }
    if (multi) p.out(`${first ? '' : '\n'}==> ${input.name} <==\n`);
    first = false;
    if (c.sign === '-') await allBut(p, input.chunks, c.n, isBytes);
    else if (isBytes) await firstBytes(p, input.chunks, c.n);
    else {
      let left = c.n;
      if (left > 0) {
        for await (const line of linesOf(input.chunks)) {
          p.out(line);
          if (--left === 0) break;
        }
      }
    }
  }
  return code;
};

async function firstBytes(p: Process, chunks: AsyncIterable<string>, n: number): Promise<void> {
  let left = n;
  for await (const c of chunks) {
    if (left <= 0) break;
    p.out(c.slice(0, left));
    left -= c.length;
    if (left <= 0) break;
  }
}

async function allBut(p: Process, chunks: AsyncIterable<string>, n: number, isBytes: boolean): Promise<void> {
  let all = '';
  for await (const c of chunks) all += c;
  if (isBytes) p.out(all.slice(0, Math.max(0, all.length - n)));
  else {
    const lines = all.split(/(?<=\n)/);
    p.out(lines.slice(0, Math.max(0, lines.length - n)).join(''));
  }
}

export const tail: Tool = async (p) => {
  const o = getopt('tail', p.argv.slice(1), TAIL_SPEC);
  if ('error' in o) return usageError(p, 'tail', o.error);
  const isBytes = has(o, 'c');
  const c = count(isBytes ? last(o, 'c') : last(o, 'n'), 10);
  if (!c) return usageError(p, 'tail', `tail: invalid number of ${isBytes ? 'bytes' : 'lines'}: '${isBytes ? last(o, 'c') : last(o, 'n')}'`);
  const multi = o.operands.length > 1 ? !has(o, 'q') : has(o, 'v');
  let code = 0;
  let first = true;
  for await (const input of inputs(p, 'tail', o.operands)) {
    if ('missing' in input) {
      code = 1;
      continue;
    }
    if (multi) p.out(`${first ? '' : '\n'}==> ${input.name} <==\n`);
    first = false;
    let all = '';
    for await (const chunk of input.chunks) all += chunk;
    if (isBytes) p.out(c.sign === '+' ? all.slice(Math.max(0, c.n - 1)) : all.slice(Math.max(0, all.length - c.n)));
    else {
      const lines = all === '' ? [] : all.split(/(?<=\n)/);
      p.out((c.sign === '+' ? lines.slice(Math.max(0, c.n - 1)) : lines.slice(Math.max(0, lines.length - c.n))).join(''));
    }
  }
  if (has(o, 'f') && o.operands.length > 0) await p.until(() => false);
  return code;
};
