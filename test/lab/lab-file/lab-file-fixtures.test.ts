// Table-driven: every bad lab file in test/fixtures/labs/ ends with its expected errors, one
// "# expect: LINE:COL CODE PATH: MESSAGE" comment each (at the end, so they shift no line numbers).
// UPDATE_FIXTURES=1 npx vitest run src/lab/lab-file rewrites those comments from the loader's output.

import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadLabFile } from '../../../src/lab/lab-file/load-lab-file.js';

const DIR = new URL('../../fixtures/labs/', import.meta.url);
const EXPECT = '# expect: ';

function split(text: string): { body: string; expected: string[] } {
  const lines = text.split('\n');
  let end = lines.length;
  while (end > 0 && (lines[end - 1] === '' || lines[end - 1]?.startsWith(EXPECT))) end--;
  const expected = lines.slice(end).filter((l) => l.startsWith(EXPECT)).map((l) => l.slice(EXPECT.length));
  return { body: `${lines.slice(0, end).join('\n')}\n`, expected };
}

describe('bad lab files (test/fixtures/labs)', () => {
  const files = readdirSync(DIR).filter((f) => f.endsWith('.yaml')).sort();

  it('has fixtures', () => {
    expect(files.length).toBeGreaterThan(20);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(new URL(file, DIR), 'utf8');
    const { body, expected } = split(text);
    const name = `test/fixtures/labs/${file}`;
    const r = loadLabFile(text, name);
    const actual = r.ok ? [] : r.errors.map((e) => `${e.line}:${e.column} ${e.code} ${e.path === '' ? '' : `${e.path}: `}${e.detail}`);
    if (process.env['UPDATE_FIXTURES'] === '1') {
      writeFileSync(new URL(file, DIR), `${body}${actual.map((a) => `${EXPECT}${a}\n`).join('')}`);
      return;
    }
    expect(actual).toEqual(expected);
    expect(expected.length).toBeGreaterThan(0);
    if (!r.ok) {
      for (const e of r.errors) expect(e.message).toBe(`${name}:${e.line}:${e.column}: ${e.path === '' ? '' : `${e.path}: `}${e.detail}`);
    }
  });
});
