// Layer shell: the small GNU filters — cat (-n, -A, -E, -T, -v), uniq (-c -d -u -i), wc (-l -w -c -m; GNU's column widths), cut
// (-d -f -c -b, --complement, -s, --output-delimiter), tr (sets, ranges, classes; -d -s -c), tee (-a)
// and seq (FIRST INC LAST, -s, -w, -f). cat, cut, tr and tee stream chunk by chunk.

import type { Tool } from '../../tools/process.js';
import { getopt, has, last } from './getopt.js';
import { absPath, hostFsOf, inputs, linesOf, usageError } from './input.js';
import { formatPrintf } from './printf-format.js';

export const cat: Tool = async (p) => {
  const o = getopt('cat', p.argv.slice(1), { flags: 'nbsAEuvTe', withValue: '', long: { number: { key: 'n', hasValue: false }, 'show-all': { key: 'A', hasValue: false } } });
  if ('error' in o) return usageError(p, 'cat', o.error);
  let code = 0;
  let n = 0;
  for await (const input of inputs(p, 'cat', o.operands)) {
    if ('missing' in input) {
      code = 1;
      continue;
    }
    if (!['n', 'A', 'E', 'T', 'v'].some((k) => has(o, k))) {
      for await (const c of input.chunks) p.out(c);
      continue;
    }
    for await (const line of linesOf(input.chunks)) {
      let body = has(o, 'A') || has(o, 'T') ? line.replace(/\t/g, '^I') : line;
      if (has(o, 'A') || has(o, 'v')) body = body.replace(/[\x00-\x08\x0b-\x1f\x7f]/g, (c) => (c === '\x7f' ? '^?' : `^${String.fromCharCode(c.charCodeAt(0) + 64)}`));
      if (has(o, 'A') || has(o, 'E')) body = body.replace(/\n$/, '$\n');
      p.out(has(o, 'n') ? `${String(++n).padStart(6)}\t${body}` : body);
    }
  }
  return code;
};

export const wc: Tool = async (p) => {
  const o = getopt('wc', p.argv.slice(1), { flags: 'lwcmL', withValue: '', long: { lines: { key: 'l', hasValue: false }, words: { key: 'w', hasValue: false }, bytes: { key: 'c', hasValue: false }, chars: { key: 'm', hasValue: false } } });
  if ('error' in o) return usageError(p, 'wc', o.error);
  const want = ['l', 'w', 'm', 'c'].filter((k) => has(o, k));
  const cols = want.length > 0 ? want : ['l', 'w', 'c'];
  const rows: Array<{ counts: number[]; name: string | undefined }> = [];
  let code = 0;
  for await (const input of inputs(p, 'wc', o.operands)) {
    if ('missing' in input) {
      code = 1;
      continue;
    }
    let text = '';
    for await (const c of input.chunks) text += c;
    const counts: Record<string, number> = { l: (text.match(/\n/g) ?? []).length, w: text.split(/\s+/).filter((x) => x !== '').length, c: new TextEncoder().encode(text).length, m: [...text].length };
    rows.push({ counts: cols.map((k) => counts[k] ?? 0), name: o.operands.length > 0 ? input.name : undefined });
  }
  if (rows.length > 1) rows.push({ counts: cols.map((_, i) => rows.reduce((s, r) => s + (r.counts[i] ?? 0), 0)), name: 'total' });
  const fromStdin = o.operands.length === 0;
  const width = cols.length === 1 && rows.length === 1 ? 0 : fromStdin ? 7 : Math.max(1, ...rows.map((r) => Math.max(...r.counts.map((c) => String(c).length))));
  for (const r of rows) p.out(`${r.counts.map((c) => String(c).padStart(width)).join(' ')}${r.name !== undefined ? ` ${r.name}` : ''}\n`);
  return code;
};

/** "1,3-5,7-" as a predicate on 1-based positions. */
function parseList(list: string): ((i: number) => boolean) | undefined {
  const ranges: Array<[number, number]> = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '')) return undefined;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Number.POSITIVE_INFINITY : Number(m[3]);
    ranges.push([a, b]);
  }
  return (i) => ranges.some(([a, b]) => i >= a && i <= b);
}

export const cut: Tool = async (p) => {
  const o = getopt('cut', p.argv.slice(1), { flags: 'sn', withValue: 'dfcb', long: { delimiter: { key: 'd', hasValue: true }, fields: { key: 'f', hasValue: true }, characters: { key: 'c', hasValue: true }, bytes: { key: 'b', hasValue: true }, complement: { key: 'complement', hasValue: false }, 'only-delimited': { key: 's', hasValue: false }, 'output-delimiter': { key: 'od', hasValue: true } } });
  if ('error' in o) return usageError(p, 'cut', o.error);
  const listText = last(o, 'f') ?? last(o, 'c') ?? last(o, 'b');
  if (listText === undefined) return usageError(p, 'cut', 'cut: you must specify a list of bytes, characters, or fields');
  const sel = parseList(listText);
  if (!sel) return usageError(p, 'cut', `cut: invalid field value '${listText}'`);
  const pick = has(o, 'complement') ? (i: number) => !sel(i) : sel;
  const delim = last(o, 'd') ?? '\t';
  if (delim.length !== 1) return usageError(p, 'cut', 'cut: the delimiter must be a single character');
  const outDelim = last(o, 'od') ?? delim;
  const byFields = has(o, 'f');
  let code = 0;
  for await (const input of inputs(p, 'cut', o.operands)) {
    if ('missing' in input) {
      code = 1;
      continue;
    }
    for await (const raw of linesOf(input.chunks)) {
      const nl = raw.endsWith('\n') ? '\n' : '';
      const line = nl ? raw.slice(0, -1) : raw;
      if (!byFields) {
        p.out(`${[...line].filter((_, i) => pick(i + 1)).join('')}${nl}`);
        continue;
      }
      if (!line.includes(delim)) {
        if (!has(o, 's')) p.out(`${line}${nl}`);
        continue;
      }
      p.out(`${line.split(delim).filter((_, i) => pick(i + 1)).join(outDelim)}${nl}`);
    }
  }
  return code;
};

const TR_CLASSES: Readonly<Record<string, string>> = {
  upper: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ',
  lower: 'abcdefghijklmnopqrstuvwxyz',
  digit: '0123456789',
  space: ' \t\n\r\f\v',
  blank: ' \t',
  alpha: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
  alnum: 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789',
  punct: '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~',
};

/** A tr set ("a-z", "[:upper:]", "\\n") as the list of its characters. */
function expandSet(s: string): string[] {
  const esc: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', f: '\f', v: '\v', a: '\x07', b: '\b' };
  const chars: string[] = [];
  for (let i = 0; i < s.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(s.slice(i));
    if (cls) {
      chars.push(...(TR_CLASSES[cls[1] ?? ''] ?? ''));
      i += cls[0].length - 1;
      continue;
    }
    let c = s[i] ?? '';
    if (c === '\\' && i + 1 < s.length) c = esc[s[++i] ?? ''] ?? s[i] ?? '';
    if (s[i + 1] === '-' && i + 2 < s.length) {
      const end = s[i + 2] ?? '';
      for (let x = c.charCodeAt(0); x <= end.charCodeAt(0); x++) chars.push(String.fromCharCode(x));
      i += 2;
    } else chars.push(c);
  }
  return chars;
}

export const tr: Tool = async (p) => {
  const o = getopt('tr', p.argv.slice(1), { flags: 'dscCt', withValue: '', long: { delete: { key: 'd', hasValue: false }, 'squeeze-repeats': { key: 's', hasValue: false }, complement: { key: 'c', hasValue: false } } });
  if ('error' in o) return usageError(p, 'tr', o.error);
  const [s1, s2] = o.operands;
  if (s1 === undefined) return usageError(p, 'tr', 'tr: missing operand');
  const isDelete = has(o, 'd');
  if (!isDelete && !has(o, 's') && s2 === undefined) return usageError(p, 'tr', `tr: missing operand after '${s1}'\nTwo strings must be given when translating.`);
  const set1 = new Set(expandSet(s1));
  const complement = has(o, 'c') || has(o, 'C');
  const in1 = (c: string) => set1.has(c) !== complement;
  const from = expandSet(s1);
  const to = s2 === undefined ? [] : expandSet(s2);
  const squeeze = new Set(has(o, 's') ? (isDelete || s2 === undefined ? [...set1] : to) : []);
  let prev = '';
  for await (const chunk of p.stdin.chunks()) {
    let out = '';
    for (const c of chunk) {
      let x: string | undefined = c;
      if (isDelete && in1(c)) x = undefined;
      else if (!isDelete && s2 !== undefined && in1(c)) x = complement ? (to.at(-1) ?? c) : (to[Math.min(from.indexOf(c), to.length - 1)] ?? c);
      if (x === undefined) continue;
      if (squeeze.has(x) && x === prev) continue;
      out += x;
      prev = x;
    }
    p.out(out);
  }
  return 0;
};

export const tee: Tool = async (p) => {
  const o = getopt('tee', p.argv.slice(1), { flags: 'aip', withValue: '', long: { append: { key: 'a', hasValue: false } } });
  if ('error' in o) return usageError(p, 'tee', o.error);
  const fs = hostFsOf(p);
  let code = 0;
  const files = o.operands.map((f) => absPath(p, f));
  for (const [i, f] of files.entries()) {
    const err = fs?.write(f, '', { append: has(o, 'a') });
    if (err) {
      p.err(`tee: ${o.operands[i]}: No such file or directory\n`);
      code = 1;
    }
  }
  for await (const c of p.stdin.chunks()) {
    for (const f of files) fs?.write(f, c, { append: true });
    p.out(c);
  }
  return code;
};

export const seq: Tool = async (p) => {
  const o = getopt('seq', p.argv.slice(1), { flags: 'w', withValue: 'sf', long: { separator: { key: 's', hasValue: true }, format: { key: 'f', hasValue: true }, 'equal-width': { key: 'w', hasValue: false } } });
  if ('error' in o) return usageError(p, 'seq', o.error);
  const nums = o.operands.map(Number);
  if (nums.length === 0) return usageError(p, 'seq', 'seq: missing operand');
  const bad = o.operands.find((x) => !/^[+-]?(\d+\.?\d*|\.\d+)$/.test(x));
  if (bad !== undefined) return usageError(p, 'seq', `seq: invalid floating point argument: '${bad}'`);
  const [first, inc, lastN] = nums.length === 1 ? [1, 1, nums[0] ?? 1] : nums.length === 2 ? [nums[0] ?? 1, 1, nums[1] ?? 1] : [nums[0] ?? 1, nums[1] ?? 1, nums[2] ?? 1];
  if (inc === 0) return usageError(p, 'seq', `seq: invalid Zero increment value: '${o.operands[1]}'`);
  const decimals = Math.max(...o.operands.slice(0, nums.length === 1 ? 0 : nums.length - 1).map((x) => (x.split('.')[1] ?? '').length), 0);
  const sep = last(o, 's') ?? '\n';
  const fmt = last(o, 'f');
  const width = has(o, 'w') ? Math.max(first.toFixed(decimals).length, lastN.toFixed(decimals).length) : 0;
  let buf = '';
  let isFirst = true;
  for (let v = first; inc > 0 ? v <= lastN + 1e-9 : v >= lastN - 1e-9; v += inc) {
    const text = fmt !== undefined ? formatPrintf(fmt, [String(v)]).text : v.toFixed(decimals).padStart(width, '0');
    buf += (isFirst ? '' : sep) + text;
    isFirst = false;
    if (buf.length > 16384) {
      p.out(buf);
      buf = '';
      await Promise.resolve();
      if (p.isInterrupted) return 141;
    }
  }
  if (!isFirst) p.out(`${buf}\n`);
  return 0;
};

export const uniq: Tool = async (p) => {
  const o = getopt('uniq', p.argv.slice(1), { flags: 'cdui', withValue: '', long: { count: { key: 'c', hasValue: false }, repeated: { key: 'd', hasValue: false }, unique: { key: 'u', hasValue: false }, 'ignore-case': { key: 'i', hasValue: false } } });
  if ('error' in o) return usageError(p, 'uniq', o.error);
  let prev: string | undefined;
  let count = 0;
  const emit = () => {
    if (prev === undefined || (has(o, 'd') && count < 2) || (has(o, 'u') && count > 1)) return;
    p.out(has(o, 'c') ? `${String(count).padStart(7)} ${prev}\n` : `${prev}\n`);
  };
  const key = (l: string) => (has(o, 'i') ? l.toLowerCase() : l);
  for await (const input of inputs(p, 'uniq', o.operands.slice(0, 1))) {
    if ('missing' in input) return 1;
    for await (const raw of linesOf(input.chunks)) {
      const line = raw.replace(/\n$/, '');
      if (prev !== undefined && key(line) === key(prev)) count++;
      else {
        emit();
        prev = line;
        count = 1;
      }
    }
  }
  emit();
  return 0;
};
