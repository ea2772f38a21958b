// Layer lab (lab file): loadLabFile(text, fileName): YAML text in, a LabSpec or every error out, each
// naming file:line:column and the field path. Pure: no file system (the CLI reads the file, the web UI
// a textarea); the same text always gives the same result.

import type { z } from 'zod';
import { didYouMean } from './check-context.js';
import { issueCode, issueMessage } from './issue-message.js';
import { LabFileError } from './lab-file-error.js';
import { knownFieldsAt } from './lab-file-json-schema.js';
import { labFileSchema } from './lab-file-schema.js';
import type { LabSpec } from './lab-spec.js';
import { YamlSource, type PositionOptions } from './yaml-source.js';

export type LoadLabResult = { readonly ok: true; readonly lab: LabSpec } | { readonly ok: false; readonly errors: readonly LabFileError[] };

/** "hosts[1].interfaces[0].address", with keys that are not plain words quoted: sysctl["net.ipv4.ip_forward"]. */
export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'number') out += `[${step}]`;
    else if (/^[A-Za-z_][A-Za-z0-9_-]*$/.test(String(step))) out += `${out === '' ? '' : '.'}${String(step)}`;
    else out += `[${JSON.stringify(String(step))}]`;
  }
  return out;
}

function isPath(v: unknown): v is readonly (string | number)[] {
  return Array.isArray(v) && v.every((s) => typeof s === 'string' || typeof s === 'number');
}

function toErrors(issue: z.core.$ZodIssue, src: YamlSource, file: string): LabFileError[] {
  const code = issueCode(issue);
  const make = (path: readonly PropertyKey[], detail: string, opts: PositionOptions) => {
    const pos = src.position(path, opts);
    return new LabFileError({ code, file, line: pos.line, column: pos.column, path: formatFieldPath(path), detail });
  };
  if (issue.code === 'unrecognized_keys') {
    const known = knownFieldsAt(issue.path.filter((s): s is string | number => typeof s !== 'symbol'));
    return issue.keys.map((key) =>
      make([...issue.path, key], `unknown field${didYouMean(key, known)}${known.length > 0 ? ` (fields here: ${known.join(', ')})` : ''}`, { at: 'key' }),
    );
  }
  const params = issue.code === 'custom' ? issue.params : undefined;
  const textOffset = params?.['textOffset'];
  const opts: PositionOptions = {
    ...(params?.['at'] === 'key' ? { at: 'key' as const } : {}),
    ...(typeof textOffset === 'number' ? { textOffset } : {}),
  };
  const fallback: unknown = params?.['fallback'];
  const candidates = Array.isArray(fallback) ? fallback.filter(isPath) : [];
  const path = src.has(issue.path) ? issue.path : (candidates.find((p) => src.has(p)) ?? issue.path);
  return [make(path, issue.message, opts)];
}

/**
 * Loads a lab file from its text. `fileName` only labels the errors.
 * @example
 * const r = loadLabFile(text, 'labs/mine.yaml');
 * if (!r.ok) console.error(formatLabFileErrors(r.errors));
 */
export function loadLabFile(text: string, fileName: string): LoadLabResult {
  const src = new YamlSource(text);
  const syntax = src.syntaxErrors;
  if (syntax.length > 0) {
    return {
      ok: false,
      errors: syntax.map((e) => new LabFileError({ code: 'yaml-syntax', file: fileName, line: e.pos.line, column: e.pos.column, path: '', detail: e.message })),
    };
  }
  if (src.isEmpty) {
    return { ok: false, errors: [new LabFileError({ code: 'empty-file', file: fileName, line: 1, column: 1, path: '', detail: 'the lab file is empty (it needs at least name: and hosts:)' })] };
  }
  const data = src.toJS();
  if (!data.ok) {
    const { pos, message } = data.error;
    return { ok: false, errors: [new LabFileError({ code: 'yaml-syntax', file: fileName, line: pos.line, column: pos.column, path: '', detail: message })] };
  }
  const parsed = labFileSchema.safeParse(data.value, { reportInput: true, error: issueMessage });
  if (parsed.success) return { ok: true, lab: parsed.data };
  const seen = new Set<string>();
  const errors = parsed.error.issues
    .flatMap((i) => toErrors(i, src, fileName))
    .filter((e) => !seen.has(e.message) && seen.add(e.message) !== undefined)
    .sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors };
}

/** Like loadLabFile, but throws the first error (for callers that cannot go on without a lab). */
export function loadLabFileOrThrow(text: string, fileName: string): LabSpec {
  const r = loadLabFile(text, fileName);
  if (r.ok) return r.lab;
  throw r.errors[0] ?? new LabFileError({ code: 'invalid-value', file: fileName, line: 1, column: 1, path: '', detail: 'invalid lab file' });
}
