// Layer shell: bash patterns (`case` arms, `[[ x == pat ]]`, `${x#pat}`, pathname expansion): `*`, `?`,
// bracket expressions with ranges, negation and POSIX classes. A backslash makes the next character
// literal; the expander escapes the quoted parts of a word that way before the pattern is compiled.

import { POSIX_CLASSES } from '../syntax/posix-classes.js';

/** The regular-expression source of a pattern (no anchors). */
export function patternSource(pat: string): string {
  let re = '';
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i] ?? '';
    if (c === '\\') {
      re += escapeRegex(pat[++i] ?? '\\');
    } else if (c === '*') {
      re += '[\\s\\S]*';
    } else if (c === '?') {
      re += '[\\s\\S]';
    } else if (c === '[') {
      const end = bracketEnd(pat, i);
      if (end < 0) re += '\\[';
      else {
        re += bracket(pat.slice(i + 1, end));
        i = end;
      }
    } else re += escapeRegex(c);
  }
  return re;
}

export function matchPattern(pat: string, text: string): boolean {
  return new RegExp(`^${patternSource(pat)}$`).test(text);
}

export function hasGlobChars(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i];
    if (c === '\\') i++;
    else if (c === '*' || c === '?' || (c === '[' && bracketEnd(pat, i) > 0)) return true;
  }
  return false;
}

/** Removes the backslashes that mark literal characters. */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([\s\S])/g, '$1');
}

function bracketEnd(pat: string, start: number): number {
  let i = start + 1;
  if (pat[i] === '!' || pat[i] === '^') i++;
  if (pat[i] === ']') i++;
  for (; i < pat.length; i++) {
    if (pat[i] === '[' && pat[i + 1] === ':') {
      const close = pat.indexOf(':]', i + 2);
      if (close > 0) i = close + 1;
    } else if (pat[i] === ']') return i;
  }
  return -1;
}

function bracket(body: string): string {
  let negate = false;
  let b = body;
  if (b.startsWith('!') || b.startsWith('^')) {
    negate = true;
    b = b.slice(1);
  }
  let out = '';
  for (let i = 0; i < b.length; i++) {
    const c = b[i] ?? '';
    const cls = /^\[:(\w+):\]/.exec(b.slice(i));
    if (cls) {
      out += POSIX_CLASSES[cls[1] ?? ''] ?? '';
      i += cls[0].length - 1;
    } else if (c === '\\') out += escapeRegex(b[++i] ?? '');
    else if (c === '-' && i > 0 && i < b.length - 1) out += '-';
    else out += escapeRegex(c);
  }
  return `[${negate ? '^' : ''}${out}]`;
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
