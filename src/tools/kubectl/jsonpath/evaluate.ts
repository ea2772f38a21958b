// Layer tools (kubectl): executing a parsed JSONPath template over decoded JSON, as client-go's
// util/jsonpath/jsonpath.go does: each top-level node yields a group of values; `range ... end` repeats the
// nodes between them per value; missing keys are an error unless allowed; maps and lists print as compact
// JSON, scalars as fmt.Sprint would, values of a group separated by one space. Go iterates maps in random
// order for `*` and `..`; here keys are sorted so that a seed gives one transcript.

import { goJson, goJsonIndent, compareGo } from '../text/go-json.js';
import { goSprint } from '../text/go-fmt.js';
import { compare, Literal } from './compare.js';
import type { JsonPathNode, ListNode } from './nodes.js';
import { parseJsonPath } from './parser.js';

/** reflect's invalid Value: what FindResults(nil) starts from. */
const INVALID = Symbol('invalid');
type Value = unknown;

export class JsonPathError extends Error {}

const isMap = (v: Value): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Literal);

/** value.Type() as Go prints it in errors. */
function goType(v: Value): string {
  if (v instanceof Literal) return v.kind === 'int' ? 'int' : v.kind === 'float' ? 'float64' : 'bool';
  if (isMap(v)) return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'int64' : 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'interface {}';
}

export class JsonPath {
  private readonly nodes: readonly JsonPathNode[];
  private beginRange = 0;
  private inRange = 0;
  private endRange = 0;
  private lastEndNode = -1;
  allowMissingKeys = false;
  outputJson = false;

  /** @example new JsonPath('{.items[0].status.podIP}').execute(list) */
  constructor(template: string) {
    this.nodes = parseJsonPath(template).nodes;
  }

  /** Execute: the text the template prints for `data`. */
  execute(data: unknown): string {
    return this.findResults(data).map((r) => this.printResults(r)).join('');
  }

  findResults(data: unknown, start = 0): Value[][] {
    const cur: Value[] = [data];
    const full: Value[][] = [];
    for (let i = start; i < this.nodes.length; i++) {
      const node = this.nodes[i];
      if (node === undefined) break;
      const results = this.walk(cur, node);
      if (this.endRange > 0 && this.endRange <= this.inRange) {
        this.endRange--;
        this.lastEndNode = i;
        break;
      }
      if (this.beginRange > 0) {
        this.beginRange--;
        this.inRange++;
        if (results.length > 0) for (const v of results) full.push(...this.findResults(v, i + 1));
        else this.findResults(INVALID, i + 1);
        this.inRange--;
        for (let k = i + 1; k < this.nodes.length; k++) {
          if (k === this.lastEndNode) {
            i = k;
            break;
          }
        }
        continue;
      }
      full.push(results);
    }
    return full;
  }

  printResults(results: readonly Value[]): string {
    if (this.outputJson) return `${goJsonIndent(results.map(plain))}\n`;
    return results.map((r) => (isMap(r) || Array.isArray(r) ? goJson(r) : toText(r))).join(' ');
  }

  private walk(input: Value[], node: JsonPathNode): Value[] {
    switch (node.type) {
      case 'list':
        return this.evalList(input, node);
      case 'text':
        return [node.text];
      case 'field':
        return this.evalField(input, node.name);
      case 'array':
        return evalArray(input, node);
      case 'filter':
        return this.evalFilter(input, node);
      case 'int':
      case 'float':
      case 'bool':
        return input.map(() => new Literal(node.type, node.value));
      case 'wildcard':
        return input.flatMap(children);
      case 'recursive':
        return evalRecursive(input);
      case 'union':
        return node.nodes.flatMap((l) => this.evalList(input, l));
      case 'identifier':
        return this.evalIdentifier(input, node.name);
    }
  }

  private evalList(input: Value[], node: ListNode): Value[] {
    let cur = input;
    for (const n of node.nodes) cur = this.walk(cur, n);
    return cur;
  }

  private evalIdentifier(input: Value[], name: string): Value[] {
    if (name === 'range') {
      this.beginRange++;
      return input;
    }
    if (name === 'end') {
      if (this.inRange > 0) {
        this.endRange++;
        return [];
      }
      throw new JsonPathError('not in range, nothing to end');
    }
    throw new JsonPathError(`unrecognized identifier ${name}`);
  }

  private evalField(input: Value[], name: string): Value[] {
    const results: Value[] = [];
    if (input.length === 0) return results;
    for (const v of input) if (isMap(v) && Object.prototype.hasOwnProperty.call(v, name) && v[name] !== undefined) results.push(v[name]);
    if (results.length === 0 && !this.allowMissingKeys) throw new JsonPathError(`${name} is not found`);
    return results;
  }

  private evalFilter(input: Value[], node: Extract<JsonPathNode, { type: 'filter' }>): Value[] {
    const results: Value[] = [];
    for (const value of input) {
      if (!Array.isArray(value)) throw new JsonPathError(`${value === null || value === INVALID ? '<nil>' : goSprint(plain(value))} is not array or slice and cannot be filtered`);
      for (const item of value) {
        if (node.operator === 'exists') {
          if (this.tryList([item], node.left).length > 0) results.push(item);
          continue;
        }
        const lefts = this.evalList([item], node.left);
        if (lefts.length === 0) continue;
        if (lefts.length > 1) throw new JsonPathError('can only compare one element at a time');
        const rights = this.evalList([item], node.right);
        if (rights.length === 0) continue;
        if (rights.length > 1) throw new JsonPathError('can only compare one element at a time');
        try {
          if (compare(node.operator, lefts[0], rights[0])) results.push(item);
        } catch (e) {
          throw new JsonPathError(e instanceof Error ? e.message : String(e));
        }
      }
    }
    return results;
  }

  /** evalList whose error Go ignores (the `exists` filter looks only at the results). */
  private tryList(input: Value[], node: ListNode): Value[] {
    try {
      return this.evalList(input, node);
    } catch (e) {
      if (e instanceof JsonPathError) return [];
      throw e;
    }
  }
}

function evalArray(input: Value[], node: Extract<JsonPathNode, { type: 'array' }>): Value[] {
  const result: Value[] = [];
  for (const value of input) {
    if (value === null || value === INVALID) continue;
    if (!Array.isArray(value)) throw new JsonPathError(`${goType(value)} is not array or slice`);
    const len = value.length;
    const [p0, p1, p2] = node.params;
    let from = p0.known ? p0.value : 0;
    if (from < 0) from += len;
    let to = p1.known ? p1.value : len;
    if (to < 0 || (to === 0 && p1.derived)) to += len;
    if (to === from) return result;
    if (from >= len || from < 0) throw new JsonPathError(`array index out of bounds: index ${from}, length ${len}`);
    if (to > len || to < 0) throw new JsonPathError(`array index out of bounds: index ${to - 1}, length ${len}`);
    if (from > to) throw new JsonPathError(`starting index ${from} is greater than ending index ${to}`);
    const slice = value.slice(from, to);
    let step = 1;
    if (p2.known) {
      if (p2.value <= 0) throw new JsonPathError('step must be > 0');
      step = p2.value;
    }
    for (let i = 0; i < slice.length; i += step) result.push(slice[i]);
  }
  return result;
}

/** The members of a map (keys sorted), list or string (its bytes). */
function children(v: Value): Value[] {
  if (isMap(v)) return Object.keys(v).sort(compareGo).map((k) => v[k]);
  if (Array.isArray(v)) return [...v];
  if (typeof v === 'string') return [...new TextEncoder().encode(v)];
  return [];
}

function evalRecursive(input: Value[]): Value[] {
  const result: Value[] = [];
  for (const v of input) {
    if (v === null || v === INVALID) continue;
    const kids = children(v);
    if (kids.length === 0) continue;
    result.push(v, ...evalRecursive(kids));
  }
  return result;
}

function plain(v: Value): unknown {
  if (v instanceof Literal) return v.value;
  return v === INVALID ? null : v;
}

/** evalToText: fmt.Fprint of the value; nil prints "null", an invalid Value "<no value>". */
function toText(v: Value): string {
  if (v === INVALID) return '<no value>';
  if (v === null || v === undefined) return 'null';
  return goSprint(plain(v));
}
