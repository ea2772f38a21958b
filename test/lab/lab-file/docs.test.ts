// docs/lab-file.md stays true: its first example loads, and every error code it lists has a fixture.

import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LAB_FILE_ERROR_CODES } from '../../../src/lab/lab-file/lab-file-error.js';
import { loadLabFile } from '../../../src/lab/lab-file/load-lab-file.js';

const DOC = readFileSync(new URL('../../../docs/lab-file.md', import.meta.url), 'utf8');
const FIXTURES = new URL('../../fixtures/labs/', import.meta.url);

describe('docs/lab-file.md', () => {
  it('has a first lab file that loads', () => {
    const yaml = /## A first lab file[\s\S]*?```yaml\n([\s\S]*?)```/.exec(DOC)?.[1] ?? '';
    const r = loadLabFile(yaml, 'docs/lab-file.md');
    expect(r.ok ? [] : r.errors.map((e) => e.message)).toEqual([]);
  });

  it('documents every error code, and a fixture shows each', () => {
    const fixtureText = readdirSync(FIXTURES)
      .map((f) => readFileSync(new URL(f, FIXTURES), 'utf8'))
      .join('\n');
    for (const code of LAB_FILE_ERROR_CODES) {
      expect(DOC, code).toContain(`| \`${code}\` |`);
      expect(fixtureText, code).toMatch(new RegExp(`^# expect: \\d+:\\d+ ${code} `, 'm'));
    }
  });
});
