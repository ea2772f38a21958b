// Layer lab (lab file): the YAML text of a lab file with source positions kept (yaml's parseDocument +
// LineCounter), so any field path maps back to file:line:column. Lines and columns are 1-based.
// A path that does not exist (a missing field) maps to the nearest enclosing node that does.

import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';

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

  get syntaxErrors(): YamlSyntaxError[] {
    return this.doc.errors.map((e) => ({ pos: this.posAt(e.pos[0]), message: e.message }));
  }

  get isEmpty(): boolean {
    return this.doc.contents === null;
  }

  toJS(): unknown {
    return this.doc.toJS({ maxAliasCount: 1000 });
  }

  posAt(offset: number): SourcePos {
    const p = this.lines.linePos(offset);
    return { line: p.line, column: p.col };
  }

  /** Where the field at `path` is written. */
  position(path: readonly PropertyKey[], opts: PositionOptions = {}): SourcePos {
    let node: Node | null = this.doc.contents;
    let last: Node | null = node;
    for (const [i, step] of path.entries()) {
      const isLast = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(step));
        if (pair === undefined) break;
        const key = isScalar(pair.key) ? pair.key : null;
        const value = pair.value as Node | null;
        if ((isLast && opts.at === 'key') || value === null) {
          last = key;
          node = null;
          break;
        }
        node = value;
      } else if (isSeq(node) && typeof step === 'number') {
        const item = node.items[step] as Node | undefined;
        if (item === undefined) break;
        node = item;
      } else {
        break;
      }
      last = node;
    }
    const target = last ?? this.doc.contents;
    const start = target?.range?.[0] ?? 0;
    if (opts.textOffset !== undefined && isScalar(target) && target.type === 'BLOCK_LITERAL') {
      return this.blockLiteralPos(start, String(target.value), opts.textOffset);
    }
    return this.posAt(start);
  }

  /** Maps an offset in a `|` block's value to the source: value line k is source line header+1+k. */
  private blockLiteralPos(headerOffset: number, value: string, offset: number): SourcePos {
    const header = this.posAt(headerOffset).line;
    const before = value.slice(0, offset);
    const innerLine = before.split('\n').length - 1;
    const innerCol = offset - (before.lastIndexOf('\n') + 1);
    const sourceLines = this.text.split('\n');
    const firstContent = sourceLines.slice(header).find((l) => l.trim() !== '') ?? '';
    const indent = firstContent.length - firstContent.trimStart().length;
    return { line: header + 1 + innerLine, column: indent + innerCol + 1 };
  }
}
