// Layer k8s: label selectors. Parses the string form kubectl sends (`-l app=webpod,tier in (a,b),!x`)
// as k8s.io/apimachinery/pkg/labels/selector.go Parse does (same grammar, same error texts), converts
// metav1.LabelSelector objects (matchLabels + matchExpressions), and matches label sets.

import type { LabelSelector } from '../objects/meta.js';
import { isQualifiedName, isValidLabelValue } from '../validation/names.js';

export type LabelOperator = 'in' | 'notin' | 'exists' | '!' | '=' | '==' | '!=' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly operator: LabelOperator;
  readonly values: readonly string[];
}

/** A selector is the AND of its requirements; the empty selector matches everything. */
export type Selector = readonly Requirement[];

/** A selector that matches nothing (a nil metav1.LabelSelector, as LabelSelectorAsSelector maps it). */
export const NOTHING: Selector = [{ key: '', operator: 'in', values: [] }];

export function matchesRequirement(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const v = labels[r.key];
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return has && v !== undefined && r.values.includes(v);
    case 'notin':
    case '!=':
      return !has || v === undefined || !r.values.includes(v);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt':
      return has && v !== undefined && compareInt(v, r.values[0] ?? '', r.operator);
  }
}

function compareInt(v: string, bound: string, op: 'gt' | 'lt'): boolean {
  if (!/^-?[0-9]+$/.test(v) || !/^-?[0-9]+$/.test(bound)) return false;
  return op === 'gt' ? Number(v) > Number(bound) : Number(v) < Number(bound);
}

export function matches(sel: Selector, labels: Readonly<Record<string, string>> | undefined): boolean {
  const l = labels ?? {};
  for (let i = 0; i < sel.length; i++) if (!matchesRequirement(sel[i] as Requirement, l)) return false;
  return true;
}

/** Selectors converted from stored (frozen) selectors and label maps, by their source. */
const converted = new WeakMap<object, Selector>();

/** `convert(src)`, remembered when `src` is stored data (frozen, so it cannot change). */
function memo<T extends object>(src: T, convert: (src: T) => Selector): Selector {
  if (!Object.isFrozen(src)) return convert(src);
  let sel = converted.get(src);
  if (sel === undefined) {
    sel = Object.freeze(convert(src));
    converted.set(src, sel);
  }
  return sel;
}

/** metav1.LabelSelectorAsSelector: undefined → nothing; {} → everything. */
export function fromLabelSelector(ls: LabelSelector | undefined): Selector {
  if (ls === undefined) return NOTHING;
  return memo(ls, convertLabelSelector);
}

function convertLabelSelector(ls: LabelSelector): Selector {
  const out: Requirement[] = [];
  for (const k of Object.keys(ls.matchLabels ?? {}).sort()) out.push({ key: k, operator: '=', values: [ls.matchLabels?.[k] ?? ''] });
  for (const e of ls.matchExpressions ?? []) {
    const op: LabelOperator =
      e.operator === 'In' ? 'in' : e.operator === 'NotIn' ? 'notin' : e.operator === 'Exists' ? 'exists' : '!';
    out.push({ key: e.key, operator: op, values: [...(e.values ?? [])].sort() });
  }
  return out;
}

/** A selector from a plain map (Service.spec.selector): every pair must match. */
export function fromSet(set: Readonly<Record<string, string>>): Selector {
  return memo(set, convertSet);
}

function convertSet(set: Readonly<Record<string, string>>): Selector {
  return Object.keys(set)
    .sort()
    .map((k) => ({ key: k, operator: '=' as const, values: [set[k] ?? ''] }));
}

export function selectorMatchesLabelSelector(ls: LabelSelector | undefined, labels: Readonly<Record<string, string>> | undefined): boolean {
  return matches(fromLabelSelector(ls), labels);
}

/** The string form, as Selector.String() prints it (`app=webpod,tier in (a,b)`). */
export function formatSelector(sel: Selector): string {
  return sel
    .map((r) => {
      switch (r.operator) {
        case 'exists':
          return r.key;
        case '!':
          return `!${r.key}`;
        case 'in':
        case 'notin':
          return `${r.key} ${r.operator} (${r.values.join(',')})`;
        case 'gt':
          return `${r.key}>${r.values[0] ?? ''}`;
        case 'lt':
          return `${r.key}<${r.values[0] ?? ''}`;
        default:
          return `${r.key}${r.operator}${r.values[0] ?? ''}`;
      }
    })
    .join(',');
}

// --- parsing (labels.Parse) ---

type Tok = 'id' | '!' | '=' | '==' | '!=' | '>' | '<' | 'in' | 'notin' | ',' | '(' | ')' | 'eos';
interface Token {
  readonly tok: Tok;
  readonly lit: string;
}

const SPECIAL = new Set(['=', '!', '(', ')', ',', '>', '<']);

function lex(input: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i] ?? '';
    if (/\s/.test(c)) i++;
    else if (SPECIAL.has(c)) {
      const two = input.slice(i, i + 2);
      if (two === '==' || two === '!=') {
        out.push({ tok: two, lit: two });
        i += 2;
      } else {
        out.push({ tok: c as Tok, lit: c });
        i++;
      }
    } else {
      let j = i;
      while (j < input.length && !SPECIAL.has(input[j] ?? '') && !/\s/.test(input[j] ?? '')) j++;
      const word = input.slice(i, j);
      out.push({ tok: word === 'in' ? 'in' : word === 'notin' ? 'notin' : 'id', lit: word });
      i = j;
    }
  }
  out.push({ tok: 'eos', lit: '' });
  return out;
}

export class SelectorParseError extends Error {}

/** labels.Parse: throws SelectorParseError with the apimachinery message. @example parseSelector('app=webpod') */
export function parseSelector(input: string): Selector {
  const p = new LabelParser(lex(input));
  return p.parse();
}

class LabelParser {
  private pos = 0;
  constructor(private readonly toks: Token[]) {}

  /** In the values context `in`/`notin` are plain identifiers. */
  private peek(values: boolean): Token {
    const t = this.toks[this.pos] ?? { tok: 'eos', lit: '' };
    return values && (t.tok === 'in' || t.tok === 'notin') ? { tok: 'id', lit: t.lit } : t;
  }

  private next(values: boolean): Token {
    const t = this.peek(values);
    this.pos++;
    return t;
  }

  parse(): Selector {
    const reqs: Requirement[] = [];
    for (;;) {
      const t = this.peek(true);
      if (t.tok === 'eos') return reqs;
      if (t.tok !== 'id' && t.tok !== '!') throw new SelectorParseError(`found '${t.lit}', expected: !, identifier, or 'end of string'`);
      try {
        reqs.push(this.requirement());
      } catch (e) {
        if (e instanceof SelectorParseError) throw new SelectorParseError(`unable to parse requirement: ${e.message}`);
        throw e;
      }
      const after = this.next(true);
      if (after.tok === 'eos') return reqs;
      if (after.tok !== ',') throw new SelectorParseError(`found '${after.lit}', expected: ',' or 'end of string'`);
      const t2 = this.peek(true);
      if (t2.tok !== 'id' && t2.tok !== '!') throw new SelectorParseError(`found '${t2.lit}', expected: identifier after ','`);
    }
  }

  private requirement(): Requirement {
    let t = this.next(true);
    const negated = t.tok === '!';
    if (negated) t = this.next(true);
    if (t.tok !== 'id') throw new SelectorParseError(`found '${t.lit}', expected: identifier`);
    const key = t.lit;
    const keyErrs = isQualifiedName(key);
    if (keyErrs.length > 0) throw new SelectorParseError(`key: Invalid value: ${JSON.stringify(key)}: ${keyErrs.join('; ')}`);
    // A leading '!' makes DoesNotExist whatever follows; the caller then rejects any operator.
    if (negated) return { key, operator: '!', values: [] };
    const la = this.peek(true).tok;
    if (la === 'eos' || la === ',') return { key, operator: 'exists', values: [] };
    const op = this.operator();
    const values = op === 'in' || op === 'notin' ? this.valueSet() : [this.exactValue()];
    for (const v of values) {
      const errs = isValidLabelValue(v);
      if (errs.length > 0 && op !== 'gt' && op !== 'lt')
        throw new SelectorParseError(`values[0][${key}]: Invalid value: ${JSON.stringify(v)}: ${errs.join('; ')}`);
    }
    return { key, operator: op, values: [...new Set(values)].sort() };
  }

  private operator(): LabelOperator {
    const t = this.next(false);
    switch (t.tok) {
      case 'in':
      case 'notin':
      case '=':
      case '==':
      case '!=':
        return t.tok;
      case '>':
        return 'gt';
      case '<':
        return 'lt';
      default:
        throw new SelectorParseError(`found '${t.lit}', expected: in, notin, =, ==, !=, gt, lt`);
    }
  }

  private valueSet(): string[] {
    const open = this.next(true);
    if (open.tok !== '(') throw new SelectorParseError(`found '${open.lit}' expected: '('`);
    const first = this.peek(true);
    if (first.tok === ')') {
      this.next(true);
      return [''];
    }
    if (first.tok !== 'id' && first.tok !== ',') throw new SelectorParseError(`found '${first.lit}', expected: ',', ')' or identifier`);
    const values = this.identifierList();
    const close = this.next(true);
    if (close.tok !== ')') throw new SelectorParseError(`found '${first.lit}', expected: ')'`);
    return values;
  }

  private identifierList(): string[] {
    const out: string[] = [];
    for (;;) {
      const t = this.next(true);
      if (t.tok === 'id') {
        out.push(t.lit);
        const la = this.peek(true);
        if (la.tok === ',') continue;
        if (la.tok === ')') return out;
        throw new SelectorParseError(`found '${la.lit}', expected: ',' or ')'`);
      }
      if (t.tok !== ',') throw new SelectorParseError(`found '${t.lit}', expected: ',', or identifier`);
      if (out.length === 0) out.push('');
      const la = this.peek(true);
      if (la.tok === ')') {
        out.push('');
        return out;
      }
      if (la.tok === ',') {
        this.next(true);
        out.push('');
      }
    }
  }

  private exactValue(): string {
    const la = this.peek(true);
    if (la.tok === 'eos' || la.tok === ',') return '';
    const t = this.next(true);
    if (t.tok === 'id') return t.lit;
    throw new SelectorParseError(`found '${t.lit}', expected: identifier`);
  }
}
