// Layer tools (kubectl): the JSONPath template parser of k8s.io/client-go/util/jsonpath (parser.go), with its
// grammar and error texts: `{...}` actions, `.field` (backslash escapes dots), `[n]`, `[a:b:c]`, `[*]`,
// `['key']`, unions `[a,b]`, filters `[?(@.x=="y")]`, `..` recursion, quoted text, numbers, true/false.

import { newList, type JsonPathNode, type ListNode, type SliceParam } from './nodes.js';

export class JsonPathParseError extends Error {}

const DICT_KEY = /^'([^']*)'$/;
const SLICE = /^(-?[\d]*)(:-?[\d]*)?(:-?[\d]*)?$/;
const FILTER = /^([^!<>=]+)([!<>=]+)(.+?)$/;

/** Parses a template. @example parseJsonPath('{.items[*].metadata.name}') */
export function parseJsonPath(text: string): ListNode {
  return new Parser(text).parse();
}

/** parseAction: the template `{text}`, unwrapped to its action list. */
function parseAction(text: string): ListNode {
  const root = parseJsonPath(`{${text}}`);
  const first = root.nodes[0];
  return first?.type === 'list' ? first : newList();
}

const isSpace = (r: string): boolean => r === ' ' || r === '\t';
const isEndOfLine = (r: string): boolean => r === '\r' || r === '\n';
const isDigit = (r: string): boolean => /^\p{Nd}$/u.test(r);
const isAlphaNumeric = (r: string): boolean => r === '_' || /^[\p{L}\p{Nd}]$/u.test(r);
const isTerminator = (r: string): boolean => r === '' || isSpace(r) || isEndOfLine(r) || '.,[]$@{}'.includes(r);

class Parser {
  private readonly root: ListNode = newList();
  private pos = 0;
  private start = 0;
  private width = 0;

  constructor(private readonly input: string) {}

  parse(): ListNode {
    this.parseText(this.root);
    return this.root;
  }

  private consume(): string {
    const v = this.input.slice(this.start, this.pos);
    this.start = this.pos;
    return v;
  }
  /** The next code point, or '' at the end (eof). */
  private next(): string {
    if (this.pos >= this.input.length) {
      this.width = 0;
      return '';
    }
    const r = String.fromCodePoint(this.input.codePointAt(this.pos) ?? 0);
    this.width = r.length;
    this.pos += r.length;
    return r;
  }
  private peek(): string {
    const r = this.next();
    this.pos -= this.width;
    return r;
  }
  private backup(): void {
    this.pos -= this.width;
  }
  private rest(): string {
    return this.input.slice(this.pos);
  }

  private parseText(cur: ListNode): void {
    for (;;) {
      if (this.rest().startsWith('{')) {
        if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
        this.pos += 1;
        this.consume();
        const action = newList();
        cur.nodes.push(action);
        return this.parseInsideAction(action);
      }
      if (this.next() === '') break;
    }
    if (this.pos > this.start) cur.nodes.push({ type: 'text', text: this.consume() });
  }

  private parseInsideAction(cur: ListNode): void {
    for (;;) {
      const rest = this.rest();
      if (rest.startsWith('}')) {
        this.pos += 1;
        this.consume();
        return this.parseText(this.root);
      }
      if (rest.startsWith('[?(')) return this.parseFilter(cur);
      if (rest.startsWith('..')) return this.parseRecursive(cur);
      const r = this.next();
      if (r === '' || isEndOfLine(r)) throw new JsonPathParseError('unclosed action');
      if (r === ' ' || r === '@' || r === '$') this.consume();
      else if (r === '[') return this.parseArray(cur);
      else if (r === '"' || r === "'") return this.parseQuote(cur, r);
      else if (r === '.') return this.parseField(cur);
      else if (r === '+' || r === '-' || isDigit(r)) {
        this.backup();
        return this.parseNumber(cur);
      } else if (isAlphaNumeric(r)) {
        this.backup();
        return this.parseIdentifier(cur);
      } else throw new JsonPathParseError(`unrecognized character in action: ${goRuneU(r)}`);
    }
  }

  private parseIdentifier(cur: ListNode): void {
    while (!isTerminator(this.next()));
    this.backup();
    const value = this.consume();
    cur.nodes.push(value === 'true' || value === 'false' ? { type: 'bool', value: value === 'true' } : { type: 'identifier', name: value });
    this.parseInsideAction(cur);
  }

  private parseRecursive(cur: ListNode): void {
    if (cur.nodes[cur.nodes.length - 1]?.type === 'recursive') throw new JsonPathParseError('invalid multiple recursive descent');
    this.pos += 2;
    this.consume();
    cur.nodes.push({ type: 'recursive' });
    if (isAlphaNumeric(this.peek())) return this.parseField(cur);
    this.parseInsideAction(cur);
  }

  private parseNumber(cur: ListNode): void {
    const r = this.peek();
    if (r === '+' || r === '-') this.next();
    for (;;) {
      const c = this.next();
      if (c !== '.' && !isDigit(c)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    if (/^[+-]?[0-9]+$/.test(value)) cur.nodes.push({ type: 'int', value: Number(value) });
    else if (/^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)$/.test(value)) cur.nodes.push({ type: 'float', value: Number(value) });
    else throw new JsonPathParseError(`cannot parse number ${value}`);
    this.parseInsideAction(cur);
  }

  private parseArray(cur: ListNode): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JsonPathParseError('unterminated array');
      if (r === ']') break;
    }
    let text = this.consume().slice(1, -1);
    if (text === '*') text = ':';
    const parts = text.split(',');
    if (parts.length > 1) {
      cur.nodes.push({ type: 'union', nodes: parts.map((s) => parseAction(`[${s.trim()}]`)) });
      return this.parseInsideAction(cur);
    }
    const dict = DICT_KEY.exec(text);
    if (dict) {
      cur.nodes.push(...parseAction(`.${dict[1] ?? ''}`).nodes);
      return this.parseInsideAction(cur);
    }
    const m = SLICE.exec(text);
    if (!m) throw new JsonPathParseError(`invalid array index ${text}`);
    cur.nodes.push({ type: 'array', params: sliceParams([m[1] ?? '', m[2] ?? '', m[3] ?? '']) });
    this.parseInsideAction(cur);
  }

  private parseFilter(cur: ListNode): void {
    this.pos += 3;
    this.consume();
    let begin = false;
    let end = false;
    let pair = '';
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JsonPathParseError('unterminated filter');
      if (r === '"' || r === "'") {
        if (!begin) {
          begin = true;
          pair = r;
          continue;
        }
        if (this.input[this.pos - 2] !== '\\' && r === pair) end = true;
      } else if (r === ')' && begin === end) break;
    }
    if (this.next() !== ']') throw new JsonPathParseError('unclosed array expect ]');
    const text = this.consume().slice(0, -2);
    const m = FILTER.exec(text);
    if (!m) cur.nodes.push({ type: 'filter', left: parseAction(text), right: newList(), operator: 'exists' });
    else cur.nodes.push({ type: 'filter', left: parseAction(m[1] ?? ''), right: parseAction(m[3] ?? ''), operator: m[2] ?? '' });
    this.parseInsideAction(cur);
  }

  private parseQuote(cur: ListNode, quote: string): void {
    for (;;) {
      const r = this.next();
      if (r === '' || r === '\n') throw new JsonPathParseError('unterminated quoted string');
      if (r === quote && this.input[this.pos - 2] !== '\\') break;
    }
    const value = this.consume();
    cur.nodes.push({ type: 'text', text: unquoteExtend(value) });
    this.parseInsideAction(cur);
  }

  private parseField(cur: ListNode): void {
    this.consume();
    for (;;) {
      const r = this.next();
      if (r === '\\') this.next();
      else if (isTerminator(r)) {
        this.backup();
        break;
      }
    }
    const value = this.consume();
    cur.nodes.push(value === '*' ? { type: 'wildcard' } : { type: 'field', name: value.replace(/\\/g, '') });
    this.parseInsideAction(cur);
  }
}

function sliceParams(groups: readonly [string, string, string]): [SliceParam, SliceParam, SliceParam] {
  const out: SliceParam[] = [];
  groups.forEach((g, i) => {
    const v = i > 0 && g !== '' ? g.slice(1) : g;
    if (g !== '') {
      if (i > 0 && v === '') out.push({ value: 0, known: false, derived: false });
      else if (!/^[+-]?[0-9]+$/.test(v)) throw new JsonPathParseError(`array index ${v} is not a number`);
      else out.push({ value: Number(v), known: true, derived: false });
    } else if (i === 1) out.push({ value: (out[0]?.value ?? 0) + 1, known: true, derived: true });
    else out.push({ value: 0, known: false, derived: false });
  });
  return [out[0], out[1], out[2]] as [SliceParam, SliceParam, SliceParam];
}

/** UnquoteExtend: strconv-style unquoting of '...' or "..." (escapes as in Go string literals). */
function unquoteExtend(s: string): string {
  const quote = s[0];
  const body = s.slice(1, -1);
  if (!body.includes('\\') && !body.includes(quote ?? '')) return body;
  const escapes: Record<string, string> = { a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"' };
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = body[++i] ?? '';
    const mapped = escapes[e];
    if (mapped === undefined) throw new JsonPathParseError(`unquote string ${s} error invalid syntax`);
    out += mapped;
  }
  return out;
}

/** fmt's %#U of a rune: U+0021 '!'. */
function goRuneU(r: string): string {
  const c = r.codePointAt(0) ?? 0;
  return `U+${c.toString(16).toUpperCase().padStart(4, '0')} '${r}'`;
}

export type { JsonPathNode };
