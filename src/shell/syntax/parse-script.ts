// Layer shell: turns source text into a syntax tree with just-bash's parser, and tells a complete
// command from one that needs more lines (an open quote, `do` without `done`, a here-document without
// its delimiter, a trailing `|`, `&&` or `\`), which the interactive shell answers with its `> ` prompt.
// Syntax errors carry bash's text: "syntax error near unexpected token `fi'".

import { parse } from 'just-bash';
import type { ScriptNode } from './ast.js';

export type ParseResult =
  | { readonly kind: 'ok'; readonly script: ScriptNode }
  | { readonly kind: 'incomplete' }
  | { readonly kind: 'error'; readonly message: string; readonly line: number };

interface ParserError {
  readonly message: string;
  readonly line?: number;
  readonly column?: number;
}

export function parseScript(source: string): ParseResult {
  if (endsWithContinuation(source)) return { kind: 'incomplete' };
  let script: ScriptNode;
  try {
    script = parse(source);
  } catch (e) {
    const err = e as ParserError;
    if (isAtEnd(source, err)) return { kind: 'incomplete' };
    return { kind: 'error', message: bashSyntaxMessage(err.message), line: err.line ?? 1 };
  }
  if (hasOpenHereDoc(script)) return { kind: 'incomplete' };
  const deferred = script.statements.find((s) => s.deferredError)?.deferredError;
  if (deferred) return { kind: 'error', message: bashSyntaxMessage(deferred.message), line: 1 };
  return { kind: 'ok', script };
}

/** A line ending in `|`, `&&`, `||` or an unescaped backslash continues on the next line. */
function endsWithContinuation(source: string): boolean {
  const t = source.replace(/[ \t]*(#[^\n'"]*)?$/, '');
  if (/(\|\||&&|\|)$/.test(t) && !/;;$/.test(t)) return !isInsideQuotes(t);
  const m = /(\\+)$/.exec(source);
  return m !== null && (m[1] ?? '').length % 2 === 1 && !isInsideQuotes(source);
}

function isInsideQuotes(s: string): boolean {
  let q: string | undefined;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q === undefined && c === '\\') i++;
    else if (q === undefined && (c === "'" || c === '"')) q = c;
    else if (q === '"' && c === '\\') i++;
    else if (c === q) q = undefined;
  }
  return q !== undefined;
}

/** The parser hit the end of the text: the command is not finished yet. */
function isAtEnd(source: string, err: ParserError): boolean {
  if (/unexpected EOF|got EOF|end of file/i.test(err.message)) return true;
  const lines = source.split('\n');
  const lastLine = lines.length;
  const lastCol = (lines[lastLine - 1] ?? '').length + 1;
  return err.line === lastLine && (err.column ?? 0) >= lastCol && /near unexpected token `(fi|done|esac|\}|\))'/.test(err.message);
}

function hasOpenHereDoc(node: unknown): boolean {
  if (Array.isArray(node)) return node.some(hasOpenHereDoc);
  if (node === null || typeof node !== 'object') return false;
  const o = node as Record<string, unknown>;
  if (o['type'] === 'HereDoc' && o['terminated'] === false) return true;
  return Object.values(o).some((v) => typeof v === 'object' && hasOpenHereDoc(v));
}

/** "Parse error at 1:8: syntax error near unexpected token `fi'" -> "syntax error near unexpected token `fi'". */
export function bashSyntaxMessage(message: string): string {
  const near = /syntax error near unexpected token `[^']*'/.exec(message);
  if (near) return near[0];
  const eof = /unexpected EOF while looking for matching .*/.exec(message);
  if (eof) return eof[0];
  return `syntax error: ${message.replace(/^Parse error at \d+:\d+: /, '')}`;
}
