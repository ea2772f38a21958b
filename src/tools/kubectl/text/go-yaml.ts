// Layer tools (kubectl): YAML output as `kubectl get -o yaml` writes it — sigs.k8s.io/yaml's JSONToYAML, i.e.
// go-yaml v2 marshalling a decoded JSON value: map keys sorted, 2-space indent, sequences inside a mapping
// not indented ("- " under the key), empty collections in flow style, long plain and quoted lines folded past
// column 80, multi-line strings as literal blocks. Models emitterc.go's block states and scalar writers.

import { compareGo } from './go-json.js';
import { goFloatG } from './go-fmt.js';
import { isBreak, isPrintable, requestedStyle, selectStyle, type ScalarStyle } from './go-yaml-scalar.js';

const BEST_WIDTH = 80;
const BEST_INDENT = 2;

interface Ctx {
  readonly mapping: boolean;
  readonly simpleKey: boolean;
}

class Emitter {
  out = '';
  column = 0;
  indent = -1;
  whitespace = true;
  indention = true;

  put(ch: string): void {
    this.out += ch;
    this.column++;
  }
  putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = true;
    this.indention = true;
  }
  indicator(text: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    for (const ch of text) this.put(ch);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }
  /** yaml_emitter_increase_indent; returns the previous indent to restore. */
  increase(flow: boolean, indentless: boolean): number {
    const prev = this.indent;
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
    return prev;
  }

  node(v: unknown, ctx: Ctx): void {
    if (Array.isArray(v)) return v.length === 0 ? this.indicator('[]', true, false, false) : this.sequence(v, ctx);
    if (v !== null && typeof v === 'object') {
      const rec = v as Record<string, unknown>;
      const keys = Object.keys(rec).filter((k) => rec[k] !== undefined).sort(compareGo);
      return keys.length === 0 ? this.indicator('{}', true, false, false) : this.mapping(rec, keys);
    }
    this.scalar(v, ctx);
  }

  sequence(items: readonly unknown[], ctx: Ctx): void {
    const prev = this.increase(false, ctx.mapping && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(item, { mapping: false, simpleKey: false });
    }
    this.indent = prev;
  }

  mapping(rec: Record<string, unknown>, keys: readonly string[]): void {
    const prev = this.increase(false, false);
    for (const k of keys) {
      this.writeIndent();
      this.scalar(k, { mapping: true, simpleKey: true });
      this.indicator(':', false, false, false);
      this.node(rec[k], { mapping: true, simpleKey: false });
    }
    this.indent = prev;
  }

  scalar(v: unknown, ctx: Ctx): void {
    const [text, requested] = scalarText(v);
    const style = selectStyle(text, requested, ctx.simpleKey);
    const prev = this.increase(true, false);
    const breaks = !ctx.simpleKey;
    if (style === 'plain') this.plain(text, breaks);
    else if (style === 'single') this.singleQuoted(text, breaks);
    else if (style === 'double') this.doubleQuoted(text, breaks);
    else this.literal(text);
    this.indent = prev;
  }

  plain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    });
    this.whitespace = false;
    this.indention = false;
  }

  singleQuoted(value: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1 && chars[i + 1] !== ' ') this.writeIndent();
        else this.put(ch);
        spaces = true;
      } else {
        if (ch === "'") this.put("'");
        this.put(ch);
        this.indention = false;
        spaces = false;
      }
    });
    this.indicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  doubleQuoted(value: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const chars = [...value];
    let spaces = false;
    chars.forEach((ch, i) => {
      const c = ch.codePointAt(0) ?? 0;
      if (!isPrintable(c) || c === 0xfeff || isBreak(ch) || ch === '"' || ch === '\\') {
        for (const e of escapeChar(c)) this.put(e);
        spaces = false;
      } else if (ch === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < chars.length - 1) {
          this.writeIndent();
          if (chars[i + 1] === ' ') this.put('\\');
        } else this.put(ch);
        spaces = true;
      } else {
        this.put(ch);
        spaces = false;
      }
    });
    this.indicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  literal(value: string): void {
    this.indicator('|', true, false, false);
    const chars = [...value];
    if (chars[0] === ' ' || isBreak(chars[0])) this.indicator(String(BEST_INDENT), false, false, false);
    const last = chars.length - 1;
    if (!isBreak(chars[last])) this.indicator('-', false, false, false);
    else if (last === 0 || isBreak(chars[last - 1])) this.indicator('+', false, false, false);
    this.putBreak();
    this.indention = true;
    this.whitespace = true;
    let breaks = true;
    for (const ch of chars) {
      if (isBreak(ch)) {
        this.putBreak();
        this.indention = true;
        breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.put(ch);
        this.indention = false;
        breaks = false;
      }
    }
  }
}

function scalarText(v: unknown): [string, ScalarStyle] {
  if (v === null || v === undefined) return ['null', 'plain'];
  if (typeof v === 'boolean') return [v ? 'true' : 'false', 'plain'];
  if (typeof v === 'number') return [Number.isInteger(v) ? String(v) : yamlFloat(v), 'plain'];
  const s = String(v);
  return [s, requestedStyle(s)];
}

/** encode.go floatv: 'g' formatting, with .inf/.nan spelled the YAML way. */
function yamlFloat(f: number): string {
  if (Number.isNaN(f)) return '.nan';
  if (!Number.isFinite(f)) return f > 0 ? '+.inf' : '-.inf';
  return goFloatG(f);
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0: '0', 7: 'a', 8: 'b', 9: 't', 10: 'n', 11: 'v', 12: 'f', 13: 'r', 0x1b: 'e', 0x22: '"', 0x5c: '\\', 0x85: 'N', 0xa0: '_', 0x2028: 'L', 0x2029: 'P',
};

function escapeChar(c: number): string {
  const short = SHORT_ESCAPES[c];
  if (short !== undefined) return `\\${short}`;
  const hex = c.toString(16).toUpperCase();
  if (c <= 0xff) return `\\x${hex.padStart(2, '0')}`;
  if (c <= 0xffff) return `\\u${hex.padStart(4, '0')}`;
  return `\\U${hex.padStart(8, '0')}`;
}

/** sigs.k8s.io/yaml Marshal of decoded JSON. @example goYaml({kind: 'Pod', metadata: {name: 'x'}}) */
export function goYaml(v: unknown): string {
  const e = new Emitter();
  e.node(v, { mapping: false, simpleKey: false });
  e.indent = -1;
  e.writeIndent();
  return e.out;
}
