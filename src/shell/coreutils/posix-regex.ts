// Layer shell: POSIX basic and extended regular expressions (GNU flavour, as grep uses them) translated
// to JavaScript RegExp source. In a BRE `\( \) \{ \} \| \+ \?` are operators and the bare characters are
// literal; an ERE is the other way round. Bracket expressions keep POSIX classes ([[:digit:]]), and GNU's
// \< \> \b \w \s work in both.

import { POSIX_CLASSES } from '../syntax/posix-classes.js';

export type RegexFlavor = 'basic' | 'extended' | 'fixed';

export function posixToJs(pattern: string, flavor: RegexFlavor): string {
  if (flavor === 'fixed') return pattern.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const isBasic = flavor === 'basic';
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] ?? '';
    if (c === '[') {
      const end = bracketEnd(pattern, i);
      if (end > 0) {
        out += bracket(pattern.slice(i + 1, end));
        i = end;
        continue;
      }
      out += '\\[';
      continue;
    }
    if (c === '\\') {
      const n = pattern[++i] ?? '';
      if (n === '<' || n === '>') out += '\\b';
      else if ('wWsSbB'.includes(n) && n !== '') out += `\\${n}`;
      else if (/\d/.test(n)) out += `\\${n}`;
      else if (isBasic && '(){}|+?'.includes(n) && n !== '') out += n;
      else out += escapeJs(n);
      continue;
    }
    if (isBasic && '(){}|+?'.includes(c)) out += `\\${c}`;
    else if (c === '*' && (out === '' || out === '^' || out.endsWith('(') || out.endsWith('|'))) out += '\\*';
    else if (!isBasic && c === '{' && !/^\{\d+(,\d*)?\}/.test(pattern.slice(i))) out += '\\{';
    else if (c === '/') out += '\\/';
    else out += c;
  }
  return out;
}

function escapeJs(c: string): string {
  return /[.*+?^${}()|[\]\\/]/.test(c) ? `\\${c}` : c;
}

function bracketEnd(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i++;
  if (p[i] === ']') i++;
  for (; i < p.length; i++) {
    if (p[i] === '[' && (p[i + 1] === ':' || p[i + 1] === '.' || p[i + 1] === '=')) {
      const close = p.indexOf(`${p[i + 1]}]`, i + 2);
      if (close > 0) i = close + 1;
    } else if (p[i] === ']') return i;
  }
  return -1;
}

function bracket(body: string): string {
  let b = body;
  let out = '[';
  if (b.startsWith('^')) {
    out += '^';
    b = b.slice(1);
  }
  for (let i = 0; i < b.length; i++) {
    const cls = /^\[:(\w+):\]/.exec(b.slice(i));
    if (cls) {
      out += POSIX_CLASSES[cls[1] ?? ''] ?? '';
      i += cls[0].length - 1;
      continue;
    }
    const c = b[i] ?? '';
    out += c === '\\' || c === ']' || c === '[' ? `\\${c}` : c;
  }
  return `${out}]`;
}
