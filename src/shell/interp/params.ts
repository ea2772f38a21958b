// Layer shell: `$name`, `${name...}` and the special parameters (`$?`, `$#`, `$@`, `$*`, `$$`, `$!`,
// `$0`-`$9`, `$-`) with bash's operators: defaults (`:-`, `:=`, `:?`, `:+`), length, substrings,
// prefix/suffix removal, substitution and case changes, and `${a[i]}` / `${a[@]}` for indexed arrays.

import type { ParameterExpansionPart, ParameterOperation } from '../syntax/ast.js';
import { evalArith } from './arith.js';
import { FatalExpansion } from './control.js';
import { arithScope, expandPattern, expandString, type ExpandScope } from './expand.js';
import { patternSource } from './pattern.js';

/** The fields a parameter expands to; null marks a field break ("$@" with several arguments). */
export async function expandParameter(part: ParameterExpansionPart, scope: ExpandScope, inDouble: boolean): Promise<Array<string | null>> {
  const { parameter: name, operation: op } = part;
  const multi = multiValue(name, scope);
  if (multi && !op) {
    if (!inDouble || name.endsWith('*]') || name === '*') return [multi.join(inDouble ? (scope.state.get('IFS') ?? ' ').slice(0, 1) : ' ')];
    return multi.flatMap((v, i) => (i === 0 ? [v] : [null, v]));
  }
  const value = lookup(name, scope);
  if (!op) {
    if (value === undefined && scope.state.options.nounset && !/^[@*]$/.test(name)) throw new FatalExpansion(`${name}: unbound variable`);
    return [value ?? ''];
  }
  return [await applyOperation(name, value, op, scope, multi)];
}

function multiValue(name: string, scope: ExpandScope): string[] | undefined {
  if (name === '@' || name === '*') return scope.state.positional;
  const m = /^(\w+)\[[@*]\]$/.exec(name);
  return m ? (scope.state.getArray(m[1] ?? '') ?? []) : undefined;
}

export function lookup(name: string, scope: ExpandScope): string | undefined {
  const s = scope.state;
  switch (name) {
    case '?':
      return String(s.lastStatus);
    case '#':
      return String(s.positional.length);
    case '$':
      return String(s.pid);
    case '!':
      return s.lastBackgroundPid === undefined ? '' : String(s.lastBackgroundPid);
    case '0':
      return s.name;
    case '-':
      return 'hB';
    case '@':
    case '*':
      return s.positional.join(' ');
  }
  if (/^\d+$/.test(name)) return s.positional[Number(name) - 1];
  const el = /^(\w+)\[(.+)\]$/.exec(name);
  if (el) {
    const arr = s.getArray(el[1] ?? '');
    const idx = /^\d+$/.test(el[2] ?? '') ? Number(el[2]) : Number(s.get(el[2] ?? '') ?? 0);
    return arr?.[idx];
  }
  return s.get(name);
}

async function applyOperation(name: string, value: string | undefined, op: ParameterOperation, scope: ExpandScope, multi: string[] | undefined): Promise<string> {
  const isSet = (checkEmpty: boolean) => value !== undefined && !(checkEmpty && value === '');
  switch (op.type) {
    case 'DefaultValue':
      return isSet(op.checkEmpty) ? (value ?? '') : expandString(op.word, scope);
    case 'AssignDefault': {
      if (isSet(op.checkEmpty)) return value ?? '';
      const v = await expandString(op.word, scope);
      scope.state.set(name, v);
      return v;
    }
    case 'UseAlternative':
      return isSet(op.checkEmpty) ? expandString(op.word, scope) : '';
    case 'ErrorIfUnset': {
      if (isSet(op.checkEmpty)) return value ?? '';
      const msg = op.word ? await expandString(op.word, scope) : op.checkEmpty ? 'parameter null or not set' : 'parameter not set';
      throw new FatalExpansion(`${name}: ${msg}`);
    }
    case 'Length':
      return String(multi ? multi.length : [...(value ?? '')].length);
    case 'Substring': {
      const chars = [...(value ?? '')];
      const arith = arithScope(scope);
      let off = await evalArith(op.offset.expression, arith);
      if (off < 0) off = Math.max(0, chars.length + off);
      const len = op.length ? await evalArith(op.length.expression, arith) : chars.length - off;
      return chars.slice(off, len < 0 ? chars.length + len : off + len).join('');
    }
    case 'PatternRemoval':
      return removePattern(value ?? '', await expandPattern(op.pattern, scope), op.side, op.greedy);
    case 'PatternReplacement': {
      const pat = await expandPattern(op.pattern, scope);
      const rep = op.replacement ? await expandString(op.replacement, scope) : '';
      return replacePattern(value ?? '', pat, rep, op.all, op.anchor);
    }
    case 'CaseModification': {
      const v = value ?? '';
      const f = (s: string) => (op.direction === 'upper' ? s.toUpperCase() : s.toLowerCase());
      return op.all ? f(v) : f(v.slice(0, 1)) + v.slice(1);
    }
    case 'Indirection':
      return lookup(value ?? '', scope) ?? '';
    case 'Transform':
      return op.operator === 'Q' ? `'${(value ?? '').replace(/'/g, `'\\''`)}'` : (value ?? '');
    default:
      throw new FatalExpansion(`\${${name}}: bad substitution`);
  }
}

function removePattern(v: string, pat: string, side: 'prefix' | 'suffix', greedy: boolean): string {
  const src = patternSource(pat);
  if (side === 'prefix') {
    const re = new RegExp(`^(?:${src})`);
    const lens = candidateLengths(v.length, greedy);
    for (const n of lens) if (re.test(v.slice(0, n)) && new RegExp(`^(?:${src})$`).test(v.slice(0, n))) return v.slice(n);
    return v;
  }
  const full = new RegExp(`^(?:${src})$`);
  for (const n of candidateLengths(v.length, greedy)) if (full.test(v.slice(v.length - n))) return v.slice(0, v.length - n);
  return v;
}

/** Lengths to try: shortest first for `#`/`%`, longest first for `##`/`%%`. */
function candidateLengths(len: number, greedy: boolean): number[] {
  const ns = Array.from({ length: len + 1 }, (_, i) => i);
  return greedy ? ns.reverse() : ns;
}

function replacePattern(v: string, pat: string, rep: string, all: boolean, anchor: 'start' | 'end' | null): string {
  const src = patternSource(pat);
  if (src === '') return v;
  const re = new RegExp(anchor === 'start' ? `^(?:${src})` : anchor === 'end' ? `(?:${src})$` : src, all ? 'g' : '');
  return v.replace(re, () => rep);
}
