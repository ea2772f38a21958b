// Layer shell: a step's expectations against what the terminal showed and `$?`. Text is compared after
// removing colour escapes (`ip -c`), trimming line ends and collapsing runs of spaces (blog posts and the
// real tools differ only there); patterns are JavaScript regular expressions tried on each line.

import type { Expectation } from './scenario-schema.js';

export function collapse(line: string): string {
  return line.replace(/[ \t]+/g, ' ').trim();
}

/** The reasons the expectation fails (empty when it holds). */
export function checkExpectation(e: Expectation, output: string, exitCode: number | undefined): string[] {
  const problems: string[] = [];
  const raw = output.replace(/\r/g, '').replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  if (raw.at(-1) === '') raw.pop();
  const lines = raw.map(collapse);
  if (e.exit !== undefined && exitCode !== e.exit) problems.push(`exit status ${exitCode ?? 'none'}, expected ${e.exit}`);
  for (const want of e.lines ?? []) if (!lines.includes(collapse(want))) problems.push(`no line "${collapse(want)}"`);
  for (const p of e.patterns ?? []) {
    const re = new RegExp(p);
    if (!raw.some((l) => re.test(l)) && !lines.some((l) => re.test(l))) problems.push(`no line matches /${p}/`);
  }
  for (const p of e.absent ?? []) {
    const re = new RegExp(p);
    const hit = raw.find((l) => re.test(l));
    if (hit !== undefined) problems.push(`unexpected line matching /${p}/: "${hit}"`);
  }
  if (e.output !== undefined) {
    const want = e.output.replace(/\n$/, '').split('\n').map(collapse);
    if (want.join('\n') !== lines.join('\n')) problems.push(`output differs:\n--- expected\n${want.join('\n')}\n--- got\n${lines.join('\n')}`);
  }
  return problems;
}
