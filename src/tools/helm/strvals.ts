// Layer tools (helm): Helm's --set parser (helm.sh/helm/v3 pkg/strvals/parser.go, v3.18.4), ported
// function by function: `a.b=c` nests, `a[0]=x` indexes lists, `{x,y}` is a list, `\` escapes the next
// rune, `,` separates pairs; typedVal turns true/false/null (any case), 0 and integers not starting with
// 0 into typed values unless the parser is --set-string's. Errors carry strvals' exact text.

import type { HelmValue } from '../../cilium/chart/index.js';

type Table = { [key: string]: HelmValue };
type Item = HelmValue | undefined;

export class StrvalsError extends Error {}

const MAX_INDEX = 65536;
const MAX_NESTED_NAME_LEVEL = 30;
const EOF = Symbol('EOF');
const NOT_LIST = Symbol('not a list');

class Scanner {
  private pos = 0;
  private readonly runes: string[];
  constructor(text: string) {
    this.runes = [...text];
  }
  read(): string | typeof EOF {
    return this.pos < this.runes.length ? (this.runes[this.pos++] as string) : EOF;
  }
  unread(): void {
    this.pos--;
  }
}

/** runesUntil: runes up to a stop rune (escapes honoured); `last` is the stop rune or EOF. */
function runesUntil(sc: Scanner, stop: string): { text: string; last: string | typeof EOF } {
  let text = '';
  for (;;) {
    const r = sc.read();
    if (r === EOF) return { text, last: EOF };
    if (stop.includes(r)) return { text, last: r };
    if (r === '\\') {
      const next = sc.read();
      if (next === EOF) return { text, last: EOF };
      text += next;
    } else {
      text += r;
    }
  }
}

function typedVal(v: string, asString: boolean): HelmValue {
  if (asString) return v;
  const lower = v.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (v === '0') return 0;
  if (v !== '' && v[0] !== '0' && /^[+-]?\d+$/.test(v)) {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
  }
  return v;
}

function set(data: Table, key: string, val: HelmValue): void {
  if (key.length > 0) data[key] = val;
}

function setIndex(list: Item[], index: number, val: HelmValue): Item[] {
  if (index < 0) throw new StrvalsError(`negative ${index} index not allowed`);
  if (index > MAX_INDEX) throw new StrvalsError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
  const out = list.length <= index ? [...list, ...new Array<Item>(index + 1 - list.length).fill(null)] : list;
  out[index] = val;
  return out;
}

function goType(v: HelmValue | undefined): string {
  if (Array.isArray(v)) return '[]interface {}';
  if (v !== null && typeof v === 'object') return 'map[string]interface {}';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'int64';
  return 'nil';
}

/** A failed Go type assertion inside key(): strvals recovers it as "unable to parse key: ...". */
function assertion(v: HelmValue | undefined, want: 'list' | 'map'): never {
  const w = want === 'list' ? '[]interface {}' : 'map[string]interface {}';
  const given = v === null || v === undefined ? `interface conversion: interface {} is nil, not ${w}` : `interface conversion: interface {} is ${goType(v)}, not ${w}`;
  throw new StrvalsError(`unable to parse key: ${given}`);
}

class Parser {
  constructor(
    private readonly sc: Scanner,
    private readonly asString: boolean,
  ) {}

  parse(data: Table): void {
    while (this.key(data, 0) !== EOF);
  }

  /** Returns EOF when the input ended cleanly after a pair, undefined to go on. */
  private key(data: Table, level: number): typeof EOF | undefined {
    const { text: k, last } = runesUntil(this.sc, '=[,.');
    if (last === EOF) {
      if (k.length === 0) return EOF;
      throw new StrvalsError(`key "${k}" has no value`);
    }
    if (last === '[') {
      const i = this.keyIndex();
      const cur = data[k];
      if (cur !== undefined && !Array.isArray(cur)) assertion(cur, 'list');
      const list = this.listItem(cur === undefined ? [] : [...(cur as Item[])], i, level);
      set(data, k, list as HelmValue[]);
      return undefined;
    }
    if (last === '=') {
      const vl = this.valList();
      if (vl === EOF) {
        set(data, k, '');
        return EOF;
      }
      if (vl !== NOT_LIST) {
        set(data, k, vl);
        return undefined;
      }
      const { text, last: end } = runesUntil(this.sc, ',');
      set(data, k, typedVal(text, this.asString));
      return end === EOF ? EOF : undefined;
    }
    if (last === ',') {
      set(data, k, '');
      throw new StrvalsError(`key "${k}" has no value (cannot end with ,)`);
    }
    const next = level + 1;
    if (next > MAX_NESTED_NAME_LEVEL) throw new StrvalsError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    const cur = data[k];
    if (cur !== undefined && (cur === null || typeof cur !== 'object' || Array.isArray(cur))) assertion(cur, 'map');
    const inner: Table = cur === undefined ? {} : (cur as Table);
    const end = this.key(inner, next);
    if (Object.keys(inner).length !== 0) set(data, k, inner);
    if (end === undefined && Object.keys(inner).length === 0) throw new StrvalsError(`key map "${k}" has no value`);
    return end;
  }

  private keyIndex(): number {
    const { text, last } = runesUntil(this.sc, ']');
    if (last === EOF) throw new StrvalsError('error parsing index: EOF');
    if (!/^[+-]?\d+$/.test(text)) throw new StrvalsError(`error parsing index: strconv.Atoi: parsing "${text}": invalid syntax`);
    return Number(text);
  }

  private listItem(list: Item[], i: number, level: number): Item[] {
    if (i < 0) throw new StrvalsError(`negative ${i} index not allowed`);
    const { text: k, last } = runesUntil(this.sc, '[.=');
    if (k.length > 0) throw new StrvalsError(`unexpected data at end of array index: "${k}"`);
    if (last === EOF) return list;
    if (last === '=') {
      const vl = this.valList();
      if (vl === EOF) return setIndex(list, i, '');
      if (vl !== NOT_LIST) return setIndex(list, i, vl);
      return setIndex(list, i, typedVal(runesUntil(this.sc, ',').text, this.asString));
    }
    if (last === '[') {
      const next = this.keyIndex();
      const existed = list.length > i ? list[i] : undefined;
      if (existed !== undefined && existed !== null && !Array.isArray(existed)) assertion(existed, 'list');
      return setIndex(list, i, this.listItem(existed ? [...(existed as Item[])] : [], next, level) as HelmValue[]);
    }
    let inner: Table = {};
    if (list.length > i) {
      const existed = list[i];
      if (existed !== null && typeof existed === 'object' && !Array.isArray(existed)) inner = existed as Table;
    }
    this.key(inner, level);
    return setIndex(list, i, inner);
  }

  private valList(): HelmValue[] | typeof EOF | typeof NOT_LIST {
    const r = this.sc.read();
    if (r === EOF) return EOF;
    if (r !== '{') {
      this.sc.unread();
      return NOT_LIST;
    }
    const list: HelmValue[] = [];
    for (;;) {
      const { text, last } = runesUntil(this.sc, ',}');
      if (last === EOF) throw new StrvalsError("list must terminate with '}'");
      list.push(typedVal(text, this.asString));
      if (last === '}') {
        const after = this.sc.read();
        if (after !== EOF && after !== ',') this.sc.unread();
        return list;
      }
    }
  }
}

/**
 * strvals.ParseInto / ParseIntoString: applies one --set (or --set-string) argument to `dest`.
 * @example const v = {}; parseInto('ipam.operator.clusterPoolIPv4PodCIDRList={172.20.0.0/16}', v)
 */
export function parseInto(text: string, dest: Table, opts: { asString?: boolean } = {}): void {
  new Parser(new Scanner(text), opts.asString ?? false).parse(dest);
}
