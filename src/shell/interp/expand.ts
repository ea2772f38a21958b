// Layer shell: word expansion in bash's order — brace expansion, tilde, parameters, `$( )`, `$(( ))`,
// then field splitting of unquoted results on IFS, pathname expansion, and quote removal. A word becomes
// zero or more fields (`$EMPTY` none, `"$@"` one per argument); assignments and here-documents take
// the one-string form without splitting or globbing.

import type { BraceItem, ScriptNode, WordNode, WordPart } from '../syntax/ast.js';
import { evalArithText } from './arith.js';
import { expandParameter } from './params.js';
import { hasGlobChars, unescapePattern } from './pattern.js';
import type { ShellState } from './shell-state.js';

export interface ExpandScope {
  readonly state: ShellState;
  /** Runs `$( )` in a subshell and returns its standard output. */
  commandSubstitution(body: ScriptNode | string): Promise<string>;
  /** `<( )`: runs the command and returns a path its output can be read from. */
  processSubstitution(body: ScriptNode): Promise<string>;
  /** Pathname expansion of a pattern: the sorted matches, or none. */
  glob(pattern: string): string[];
  /** `${x:?msg}` and unset variables under `set -u`: reports and ends the command. */
  readonly home: string;
}

/** A run of expanded text: quoted text is neither split nor globbed. `brk` separates "$@" fields. */
interface Piece {
  readonly text: string;
  readonly quoted: boolean;
  /** The result of an unquoted expansion: split on IFS (literal text never is). */
  readonly split?: boolean;
  readonly brk?: boolean;
}

/** Full expansion of command words into fields. */
export async function expandWords(words: readonly WordNode[], scope: ExpandScope): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    for (const parts of braceExpand(w.parts)) out.push(...(await fieldsOf(parts, scope)));
  }
  return out;
}

/** One string, no splitting or globbing: assignments, `case` words, here-documents, redirection targets. */
export async function expandString(word: WordNode, scope: ExpandScope, opts: { isAssignment?: boolean } = {}): Promise<string> {
  const pieces = await expandParts(word.parts, scope, false, opts.isAssignment ?? false);
  return pieces.map((p) => (p.brk ? ' ' : p.text)).join('');
}

/** A pattern: quoted characters are escaped so only unquoted `*`, `?`, `[` match specially. */
export async function expandPattern(word: WordNode, scope: ExpandScope): Promise<string> {
  const pieces = await expandParts(word.parts, scope, false, false);
  return pieces.map((p) => (p.quoted ? p.text.replace(/[*?[\]\\]/g, '\\$&') : p.text)).join('');
}

async function fieldsOf(parts: readonly WordPart[], scope: ExpandScope): Promise<string[]> {
  const pieces = await expandParts(parts, scope, false, false);
  const fields = splitFields(pieces, ifsOf(scope.state));
  const out: string[] = [];
  for (const f of fields) {
    const pattern = f.map((p) => (p.quoted ? p.text.replace(/[*?[\]\\]/g, '\\$&') : p.text)).join('');
    const literal = f.map((p) => p.text).join('');
    if (f.some((p) => !p.quoted) && hasGlobChars(pattern)) {
      const matches = scope.glob(pattern);
      out.push(...(matches.length > 0 ? matches : [unescapeLiteral(pattern, literal)]));
    } else out.push(literal);
  }
  return out;
}

function unescapeLiteral(pattern: string, literal: string): string {
  return pattern.includes('\\') ? unescapePattern(pattern) : literal;
}

function ifsOf(state: ShellState): string {
  return state.get('IFS') ?? ' \t\n';
}

/** Splits unquoted pieces on IFS; a field made only of unquoted empty text disappears. */
function splitFields(pieces: readonly Piece[], ifs: string): Piece[][] {
  const fields: Piece[][] = [];
  let cur: Piece[] = [];
  let hasQuoted = false;
  const flush = (force: boolean) => {
    if (force || hasQuoted || cur.some((p) => p.text !== '')) fields.push(cur);
    cur = [];
    hasQuoted = false;
  };
  for (const p of pieces) {
    if (p.brk) {
      flush(true);
      continue;
    }
    if (!p.split || ifs === '') {
      cur.push(p);
      hasQuoted ||= p.quoted;
      continue;
    }
    const words = splitOnIfs(p.text, ifs);
    words.forEach((w, i) => {
      if (i > 0) flush(false);
      if (w !== '') cur.push({ text: w, quoted: false, split: true });
    });
  }
  flush(false);
  return fields;
}

/** "a  b " -> ["a", "b", ""]: a trailing separator ends the field (the empty string starts the next). */
function splitOnIfs(text: string, ifs: string): string[] {
  const isSep = (c: string) => ifs.includes(c);
  const words: string[] = [];
  let w = '';
  let i = 0;
  if (text.length > 0 && isSep(text[0] ?? '')) words.push('');
  while (i < text.length && isSep(text[i] ?? '')) i++;
  for (; i < text.length; i++) {
    const c = text[i] ?? '';
    if (isSep(c)) {
      words.push(w);
      w = '';
      while (i + 1 < text.length && isSep(text[i + 1] ?? '')) i++;
    } else w += c;
  }
  words.push(w);
  return words;
}

async function expandParts(parts: readonly WordPart[], scope: ExpandScope, inDouble: boolean, isAssignment: boolean): Promise<Piece[]> {
  const out: Piece[] = [];
  for (const part of parts) {
    switch (part.type) {
      case 'Literal':
        out.push({ text: part.value, quoted: inDouble });
        break;
      case 'SingleQuoted':
      case 'Escaped':
        out.push({ text: part.value, quoted: true });
        break;
      case 'DoubleQuoted': {
        const inner = await expandParts(part.parts, scope, true, isAssignment);
        out.push(...(inner.length === 0 ? [{ text: '', quoted: true }] : inner));
        break;
      }
      case 'Glob':
        out.push({ text: part.pattern, quoted: inDouble });
        break;
      case 'TildeExpansion':
        out.push({ text: inDouble ? `~${part.user ?? ''}` : tilde(part.user, scope), quoted: true });
        break;
      case 'ParameterExpansion':
        out.push(...(await expandParameter(part, scope, inDouble)).map((f) => (f === null ? { text: '', quoted: true, brk: true } : { text: f, quoted: inDouble, split: !inDouble })));
        break;
      case 'CommandSubstitution':
        out.push({ text: (await scope.commandSubstitution(part.body)).replace(/\n+$/, ''), quoted: inDouble, split: !inDouble });
        break;
      case 'ArithmeticExpansion':
        out.push({ text: String(await evalArithText(part.expression.expression, part.expression.originalText, arithScope(scope))), quoted: inDouble, split: !inDouble });
        break;
      case 'ProcessSubstitution':
        out.push({ text: await scope.processSubstitution(part.body), quoted: true });
        break;
      case 'BraceExpansion':
        out.push({ text: braceText(part.items), quoted: inDouble });
        break;
    }
  }
  return out;
}

export function arithScope(scope: ExpandScope) {
  return {
    get: (name: string) => specialOrVar(scope.state, name),
    set: (name: string, value: string) => void scope.state.set(name, value),
    commandSubstitution: (source: string) => scope.commandSubstitution(source),
  };
}

function specialOrVar(state: ShellState, name: string): string | undefined {
  if (name === '?') return String(state.lastStatus);
  if (name === '#') return String(state.positional.length);
  if (/^\d+$/.test(name)) return state.positional[Number(name) - 1];
  return state.get(name);
}

function tilde(user: string | null, scope: ExpandScope): string {
  if (user === null || user === '') return scope.state.get('HOME') ?? scope.home;
  return user === 'root' ? '/root' : `/home/${user}`;
}

/** `{a,b}c` -> [[a,c], [b,c]]; `{1..3}` -> 1 2 3; nested braces expand left to right. */
function braceExpand(parts: readonly WordPart[]): WordPart[][] {
  const i = parts.findIndex((p) => p.type === 'BraceExpansion');
  if (i < 0) return [[...parts]];
  const brace = parts[i];
  if (brace?.type !== 'BraceExpansion') return [[...parts]];
  const before = parts.slice(0, i);
  const after = braceExpand(parts.slice(i + 1));
  const out: WordPart[][] = [];
  for (const alt of braceAlternatives(brace.items)) {
    for (const rest of after) out.push([...before, ...alt, ...rest]);
  }
  return out;
}

function braceAlternatives(items: readonly BraceItem[]): WordPart[][] {
  const out: WordPart[][] = [];
  for (const it of items) {
    if (it.type === 'Word') out.push(...braceExpand(it.word.parts));
    else for (const v of rangeValues(it)) out.push([{ type: 'Literal', value: v }]);
  }
  return out;
}

function rangeValues(r: Extract<BraceItem, { type: 'Range' }>): string[] {
  const step = Math.abs(r.step ?? 1) || 1;
  const isNum = typeof r.start === 'number' && typeof r.end === 'number';
  const a = isNum ? Number(r.start) : String(r.start).charCodeAt(0);
  const b = isNum ? Number(r.end) : String(r.end).charCodeAt(0);
  const width = isNum && /^-?0\d/.test(r.startStr ?? '') ? (r.startStr ?? '').length : 0;
  const out: string[] = [];
  for (let v = a; a <= b ? v <= b : v >= b; v += a <= b ? step : -step) {
    out.push(isNum ? String(v).padStart(width, '0') : String.fromCharCode(v));
    if (out.length > 100_000) break;
  }
  return out;
}

function braceText(items: readonly BraceItem[]): string {
  return `{${items.map((it) => (it.type === 'Word' ? it.word.parts.map((p) => (p.type === 'Literal' ? p.value : '')).join('') : `${it.start}..${it.end}`)).join(',')}}`;
}
