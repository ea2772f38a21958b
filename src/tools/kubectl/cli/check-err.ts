// Layer tools (kubectl): cmdutil.CheckErr — how a failed command's error becomes stderr text and an exit code:
// apiserver errors as `Error from server (Reason): message`, Invalid errors as `The Kind "name" is invalid:`
// with one cause per line, unknown resource types, aggregates one per line, anything else as `error: ...`.

import { K8sError } from '../../../k8s/index.js';
import { AggregateError, ExitStatusError, RawMessageError, SilentExit } from './errors.js';

export interface CheckedError {
  readonly text: string;
  readonly exitCode: number;
}

/** The stderr text (ending in a newline, or empty) and exit code for `err`. */
export function checkErr(err: unknown): CheckedError {
  if (err instanceof AggregateError && err.errors.length === 1) return checkErr(err.errors[0]);
  if (err instanceof SilentExit) return { text: '', exitCode: err.exitCode };
  if (err instanceof K8sError && err.code === 'Invalid') return { text: invalidText(err), exitCode: 1 };
  if (err instanceof AggregateError) return { text: err.errors.map((e) => `${messageForError(e)}\n`).join(''), exitCode: 1 };
  if (err instanceof ExitStatusError) return { text: withNewline(err.message), exitCode: err.exitStatus };
  if (err instanceof RawMessageError) return { text: withNewline(err.message), exitCode: err.exitCode };
  const std = standardErrorMessage(err);
  if (std !== undefined) return { text: withNewline(std), exitCode: 1 };
  const msg = err instanceof Error ? err.message : String(err);
  return { text: withNewline(msg.startsWith('error: ') ? msg : `error: ${msg}`), exitCode: 1 };
}

function withNewline(s: string): string {
  return s === '' || s.endsWith('\n') ? s : `${s}\n`;
}

/** StandardErrorMessage: apiserver statuses and connection errors; undefined for anything else. */
export function standardErrorMessage(err: unknown): string | undefined {
  if (err instanceof K8sError) return `Error from server (${err.code}): ${err.message}`;
  if (err instanceof RawMessageError) return err.message;
  return undefined;
}

/** messageForError: the standard message, or the error's own text. */
export function messageForError(err: unknown): string {
  return standardErrorMessage(err) ?? (err instanceof Error ? err.message : String(err));
}

/** The isInvalidReasonStatusError branch: `The Deployment "x" is invalid: ` + causes (MultilineError). */
function invalidText(err: K8sError): string {
  const d = err.details;
  let s = 'The request is invalid';
  if (d === undefined) return `${s}${err.message ? `: ${err.message}` : ''}\n`;
  if (d.kind || d.name) s = `The ${d.kind ?? ''} ${JSON.stringify(d.name ?? '')} is invalid`;
  else if (err.message && (d.causes ?? []).length === 0) s += `: ${err.message}`;
  const seen = new Set<string>();
  const causes: string[] = [];
  for (const c of d.causes ?? []) {
    const m = `${c.field}: ${c.message}`;
    if (seen.has(m)) continue;
    seen.add(m);
    causes.push(m);
  }
  if (causes.length === 0) return `${s}\n`;
  if (causes.length === 1) return `${s}: ${causes[0] ?? ''}\n`;
  return `${s}: \n${causes.map((c) => `* ${c}\n`).join('')}`;
}
