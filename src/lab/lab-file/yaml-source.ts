// Layer lab (lab file): the YAML text of a lab file with source positions kept (yaml's parseDocument +
// LineCounter), so any field path maps back to file:line:column. Lines and columns are 1-based.
// A path that does not exist (a missing field) maps to the nearest enclosing node that does.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type Node } from 'yaml';

export interface SourcePos {
  readonly line: number;
  readonly column: number;
}

export interface PositionOptions {
  /** Point at the key of the last path step instead of its value. */
  readonly at?: 'key';
  /** An offset inside the string value at `path` (e.g. an error inside `workloads: |` text). */
  readonly textOffset?: number;
}

export interface YamlSyntaxError {
  readonly pos: SourcePos;
  readonly message: string;
}

export class YamlSource {
  readonly doc: Document.Parsed;
  private readonly lines: LineCounter;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
    this.lines = new LineCounter();
    this.doc = parseDocument(text, { lineCounter: this.lines, prettyErrors: false, uniqueKeys: true });
  }

  /** The yaml library's errors, plus what toJS() would throw on: unknown aliases and non-scalar keys. */
  get syntaxErrors(): YamlSyntaxError[] {
    const out = this.doc.errors.map((e) => ({ pos: this.posAt(e.pos[0]), message: e.message }));
    if (out.length > 0) return out;
    visit(this.doc, {
      Alias: (_, node) => {
        if (node.resolve(this.doc) === undefined) out.push({ pos: this.posAt(node.range?.[0] ?? 0), message: `Unresolved alias *${node.source} (the anchor &${node.source} must be set before it)` });
      },
      Pair: (_, pair) => {
        if (pair.key !== null && !isScalar(pair.key)) {
          const at = (pair.key as Node).range?.[0] ?? 0;
          out.push({ pos: this.posAt(at), message: 'A mapping key must be a plain value, not a list or mapping' });
        }
      },
    });
    return out;
  }

  get isEmpty(): boolean {
    return this.doc.contents === null;
  }

  /** The document as plain data; a YamlSyntaxError (not an exception) when the yaml library refuses. */
  toJS(): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly error: YamlSyntaxError } {
    try {
      return { ok: true, value: this.doc.toJS({ maxAliasCount: 1000 }) };
    } catch (e) {
      return { ok: false, error: { pos: { line: 1, column: 1 }, message: e instanceof Error ? e.message : String(e) } };
    }
  }

  posAt(offset: number): SourcePos {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /** True when the field at `path` is written in the file (not left to its default). */
  has(path: readonly PropertyKey[]): boolean {
    return this.doc.hasIn(path.map((p) => (typeof p === 'number' ? p : String(p))));
  }

  /**
   * Where the field at `path` is written: its value for a scalar, its key for a mapping or list that is
   * the value of a key (the line that names it). A missing field maps to the nearest enclosing node.
   */
  position(path: readonly PropertyKey[], opts: PositionOptions = {}): SourcePos {
    let node: Node | null = this.doc.contents;
    let target: Node | null = node;
    let viaKey: Node | null = null;
    for (const [i, step] of path.entries()) {
      let next: Node | null = null;
      let key: Node | null = null;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        key = pair && isScalar(pair.key) ? pair.key : null;
        next = (pair?.value as Node | null | undefined) ?? null;
        if (pair !== undefined && (next === null || (i === path.length - 1 && opts.at === 'key'))) {
          target = key;
          viaKey = null;
          break;
        }
      } else if (isSeq(node) && typeof step === 'number') {
        next = (node.items[step] as Node | undefined) ?? null;
      }
      if (next === null) break;
      node = next;
      target = next;
      viaKey = key;
    }
    const at = viaKey !== null && (isMap(target) || isSeq(target)) ? viaKey : (target ?? this.doc.contents);
    const start = at?.range?.[0] ?? 0;
    if (opts.textOffset !== undefined && isScalar(at) && at.type === 'BLOCK_LITERAL') {
      return this.blockLiteralPos(start, at.range?.[1] ?? start, String(at.value), opts.textOffset);
    }
    return this.posAt(start);
  }

  /** Maps an offset in a `|` block's value to the source: value line k is source line header+1+k. */
  private blockLiteralPos(headerOffset: number, endOffset: number, value: string, offset: number): SourcePos {
    const header = this.posAt(headerOffset).line;
    const before = value.slice(0, offset);
    const innerLine = before.split('\n').length - 1;
    const innerCol = offset - (before.lastIndexOf('\n') + 1);
    const sourceLines = this.text.split('\n');
    const firstContent = sourceLines.slice(header).find((l) => l.trim() !== '') ?? '';
    const indent = firstContent.length - firstContent.trimStart().length;
    const line = header + 1 + innerLine;
    const textEnd = this.text.slice(0, endOffset).trimEnd().length;
    const end = this.posAt(textEnd);
    return line > end.line ? end : { line, column: indent + innerCol + 1 }; // past the end of the text: its last character
  }
}
