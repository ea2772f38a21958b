// bash patterns against the real bash: `case WORD in PATTERN)` matches exactly when the emulator's
// matchPattern says so, for the POSIX classes in brackets, negation, ranges and wildcards.

import { execFileSync } from 'node:child_process';
import { expect, test } from 'vitest';
import { matchPattern } from '../../src/shell/interp/pattern.js';

const CASES: ReadonlyArray<readonly [string, string]> = [
  ['[[:print:]]*', 'x1'],
  ['[[:print:]]*', '\u0001x'],
  ['[[:graph:]]', ' '],
  ['[[:graph:]]', '~'],
  ['[[:cntrl:]]', '\t'],
  ['[[:cntrl:]]', 'a'],
  ['[![:digit:]]?', 'a1'],
  ['[![:digit:]]?', '11'],
  ['eth[0-9]*', 'eth1'],
  ['eth[0-9]*', 'lxc1'],
  ['*[[:space:]]', 'a b '],
  ['[[:xdigit:]][[:xdigit:]]', 'fF'],
];

test.each(CASES)('case %j against %j', (pat, word) => {
  const real = execFileSync('bash', ['-c', `case "$1" in ${pat}) echo y;; *) echo n;; esac`, '_', word], { encoding: 'utf8' }).trim() === 'y';
  expect(matchPattern(pat, word)).toBe(real);
});
