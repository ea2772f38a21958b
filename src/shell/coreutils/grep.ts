// Layer shell: GNU grep 3.11 for the options tutorials use: -E -F -G -P, -i, -v, -w, -x, -c, -n, -o,
// -q, -s, -l, -L, -h/-H, -m N, -e PAT (repeatable), -f FILE, and context -A/-B/-C/-NUM with "--"
// between groups. Lines stream: `tcpdump | grep ICMP` prints each match as it comes. Exit 0 on a
// match, 1 on none, 2 on an error (a missing file, a bad pattern).

import type { Process, Tool } from '../../tools/process.js';
import { getopt, has, last, type ParsedOpts } from './getopt.js';
import { inputs, linesOf, readFileOrReport } from './input.js';
import { posixToJs, type RegexFlavor } from './posix-regex.js';

const SPEC = {
  flags: 'EFGPivwxcnoqslLhHaUrRz',
  withValue: 'efmABCd',
  numberOption: 'C',
  long: {
    'extended-regexp': { key: 'E', hasValue: false },
    'fixed-strings': { key: 'F', hasValue: false },
    'basic-regexp': { key: 'G', hasValue: false },
    'perl-regexp': { key: 'P', hasValue: false },
    'ignore-case': { key: 'i', hasValue: false },
    'invert-match': { key: 'v', hasValue: false },
    'word-regexp': { key: 'w', hasValue: false },
    'line-regexp': { key: 'x', hasValue: false },
    count: { key: 'c', hasValue: false },
    'line-number': { key: 'n', hasValue: false },
    'only-matching': { key: 'o', hasValue: false },
    quiet: { key: 'q', hasValue: false },
    silent: { key: 'q', hasValue: false },
    'no-messages': { key: 's', hasValue: false },
    'files-with-matches': { key: 'l', hasValue: false },
    'files-without-match': { key: 'L', hasValue: false },
    'no-filename': { key: 'h', hasValue: false },
    'with-filename': { key: 'H', hasValue: false },
    regexp: { key: 'e', hasValue: true },
    file: { key: 'f', hasValue: true },
    'max-count': { key: 'm', hasValue: true },
    'after-context': { key: 'A', hasValue: true },
    'before-context': { key: 'B', hasValue: true },
    context: { key: 'C', hasValue: true },
    color: { key: 'color', hasValue: false },
    colour: { key: 'color', hasValue: false },
  },
} as const;

interface Matcher {
  readonly test: (line: string) => boolean;
  readonly matches: (line: string) => string[];
}

function buildMatcher(patterns: readonly string[], o: ParsedOpts): Matcher | string {
  const flavor: RegexFlavor = has(o, 'F') ? 'fixed' : has(o, 'E') || has(o, 'P') ? 'extended' : 'basic';
  let src = patterns.map((p) => posixToJs(p, flavor)).map((s) => (patterns.length > 1 ? `(?:${s})` : s)).join('|');
  if (has(o, 'w')) src = `(?<![\\w])(?:${src})(?![\\w])`;
  if (has(o, 'x')) src = `^(?:${src})$`;
  let re: RegExp;
  try {
    re = new RegExp(src, has(o, 'i') ? 'gi' : 'g');
  } catch {
    return `grep: Unmatched ( or \\(`;
  }
  return {
    test: (line) => {
      re.lastIndex = 0;
      return re.test(line);
    },
    matches: (line) => {
      re.lastIndex = 0;
      return [...line.matchAll(re)].map((m) => m[0]).filter((m) => m !== '');
    },
  };
}

function contextNumber(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  return /^\d+$/.test(v) ? Number(v) : Number.NaN;
}

export const grep: Tool = async (p) => {
  const cmd = p.argv[0] === 'egrep' ? 'grep' : (p.argv[0] ?? 'grep');
  const extra = p.argv[0] === 'egrep' ? ['-E'] : p.argv[0] === 'fgrep' ? ['-F'] : [];
  const o = getopt(cmd, [...extra, ...p.argv.slice(1)], SPEC);
  if ('error' in o) {
    p.err(`${o.error}\nUsage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n`);
    return 2;
  }
  const patterns = [...(o.opts.get('e') ?? [])];
  for (const f of o.opts.get('f') ?? []) {
    const text = readFileOrReport(p, 'grep', f);
    if (text === undefined) return 2;
    patterns.push(...text.split('\n').filter((l, i, all) => l !== '' || i < all.length - 1));
  }
  const operands = [...o.operands];
  if (patterns.length === 0) {
    const pat = operands.shift();
    if (pat === undefined) {
      p.err("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n");
      return 2;
    }
    patterns.push(...pat.split('\n'));
  }
  const after = contextNumber(last(o, 'A') ?? last(o, 'C'));
  const before = contextNumber(last(o, 'B') ?? last(o, 'C'));
  if (Number.isNaN(after) || Number.isNaN(before)) {
    p.err(`grep: ${last(o, 'A') ?? last(o, 'B') ?? last(o, 'C')}: invalid context length argument\n`);
    return 2;
  }
  const m = buildMatcher(patterns, o);
  if (typeof m === 'string') {
    p.err(`${m}\n`);
    return 2;
  }
  return runGrep(p, o, m, operands, { after: after ?? 0, before: before ?? 0 });
};

async function runGrep(p: Process, o: ParsedOpts, m: Matcher, operands: string[], ctx: { after: number; before: number }): Promise<number> {
  const showName = has(o, 'H') || (operands.length > 1 && !has(o, 'h'));
  const maxCount = last(o, 'm') === undefined ? Number.POSITIVE_INFINITY : Number(last(o, 'm'));
  const invert = has(o, 'v');
  let anyMatch = false;
  let hadError = false;
  let printedGroup = false;
  for await (const input of inputs(p, 'grep', operands)) {
    if ('missing' in input) {
      hadError = true;
      continue;
    }
    const prefix = (sep: string, n: number) => `${showName ? `${input.name}${sep}` : ''}${has(o, 'n') ? `${n}${sep}` : ''}`;
    let count = 0;
    let lineNo = 0;
    let afterLeft = 0;
    let lastPrinted = 0;
    const beforeBuf: Array<[number, string]> = [];
    for await (const raw of linesOf(input.chunks)) {
      lineNo++;
      const line = raw.endsWith('\n') ? raw.slice(0, -1) : raw;
      const isMatch = m.test(line) !== invert;
      if (isMatch && count < maxCount) {
        count++;
        anyMatch = true;
        if (has(o, 'q')) return 0;
        if (has(o, 'l') || has(o, 'L') || has(o, 'c')) continue;
        const start = beforeBuf[0]?.[0] ?? lineNo;
        if ((ctx.before > 0 || ctx.after > 0) && printedGroup && (lastPrinted === 0 || start > lastPrinted + 1)) p.out('--\n');
        for (const [n, l] of beforeBuf) p.out(`${prefix('-', n)}${l}\n`);
        beforeBuf.length = 0;
        if (has(o, 'o') && !invert) for (const s of m.matches(line)) p.out(`${prefix(':', lineNo)}${s}\n`);
        else p.out(`${prefix(':', lineNo)}${line}\n`);
        lastPrinted = lineNo;
        printedGroup = true;
        afterLeft = ctx.after;
      } else if (afterLeft > 0 && !has(o, 'c')) {
        p.out(`${prefix('-', lineNo)}${line}\n`);
        lastPrinted = lineNo;
        afterLeft--;
      } else if (ctx.before > 0) {
        beforeBuf.push([lineNo, line]);
        if (beforeBuf.length > ctx.before) beforeBuf.shift();
      }
      if (count >= maxCount && afterLeft === 0) break;
    }
    if (has(o, 'c')) p.out(`${showName ? `${input.name}:` : ''}${count}\n`);
    if (has(o, 'l') && count > 0) p.out(`${input.name}\n`);
    if (has(o, 'L') && count === 0) p.out(`${input.name}\n`);
  }
  if (hadError && !(has(o, 'q') && anyMatch)) return 2;
  return anyMatch ? 0 : 1;
}
