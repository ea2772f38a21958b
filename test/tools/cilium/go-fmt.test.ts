// Go's formatting rules the cilium printers rely on: %.Nf rounds exact binary ties to even (JS toFixed
// rounds them up), Duration.String for whole seconds; and Go's tabwriter as cilium uses it.

import { describe, expect, test } from 'vitest';
import { goFixed, goSeconds } from '../../../src/tools/cilium/go-fmt.js';
import { tabwrite } from '../../../src/tools/cilium/tabwriter.js';

describe('goFixed is fmt %.Nf', () => {
  test.each([
    [0.125, 2, '0.12'],
    [0.375, 2, '0.38'],
    [2.5, 0, '2'],
    [3.5, 0, '4'],
    [(1962 / 4095) * 100, 2, '47.91'],
    [100, 2, '100.00'],
    [0, 2, '0.00'],
  ])('%f to %i digits', (x, digits, want) => expect(goFixed(x, digits)).toBe(want));
});

describe('goSeconds is Duration.String of whole seconds', () => {
  test.each([
    [0, '0s'],
    [58, '58s'],
    [172, '2m52s'],
    [180, '3m0s'],
    [3603, '1h0m3s'],
  ])('%i s', (s, want) => expect(goSeconds(s)).toBe(want));
});

describe('tabwriter', () => {
  test.each([
    ['padding 3, trailing tab pads the last cell', 'a\tbb\t\nccc\td\t\n', 0, 3, 'a     bb   \nccc   d    \n'],
    ['a line without tabs ends the column block', 'x\t1\nlonger-key\t2\nbreak\nk\t3\n', 0, 3, 'x            1\nlonger-key   2\nbreak\nk   3\n'],
    ['minwidth applies to short columns', 'a\tb\n', 5, 3, 'a    b\n'],
  ])('%s', (_name, text, minwidth, padding, want) => expect(tabwrite(text, minwidth, padding)).toBe(want));
});
