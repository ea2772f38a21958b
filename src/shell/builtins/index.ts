// Layer shell: bash builtins — the commands that run inside the shell process because they change it
// (cd, export, alias, source, exit, jobs/fg/wait/kill) or that bash keeps built in (echo, printf, test,
// read, type). Each returns its exit status; `fail` prints bash's "bash: cd: /nope: No such file..." text.

import type { Interpreter } from '../interp/interpreter.js';
import type { Frame } from '../interp/runtime.js';
import { DIR_BUILTINS } from './dirs.js';
import { FLOW_BUILTINS } from './flow.js';
import { INFO_BUILTINS } from './info.js';
import { JOB_BUILTINS } from './jobs.js';
import { TEXT_BUILTINS } from './text.js';
import { VAR_BUILTINS } from './vars.js';

export interface BuiltinContext {
  readonly name: string;
  readonly frame: Frame;
  readonly interp: Interpreter;
  /** Writes to stdout; a closed pipe aborts the shell code that wrote (SIGPIPE). */
  out(text: string): void;
  err(text: string): void;
  /** Prints "<shell>: <builtin>: message" and returns `code`. */
  fail(message: string, code?: number): number;
}

export type Builtin = (args: string[], ctx: BuiltinContext) => Promise<number> | number;

export const BUILTINS: ReadonlyMap<string, Builtin> = new Map<string, Builtin>([
  ...DIR_BUILTINS,
  ...FLOW_BUILTINS,
  ...INFO_BUILTINS,
  ...JOB_BUILTINS,
  ...TEXT_BUILTINS,
  ...VAR_BUILTINS,
]);

/** Builtins whose NAME=value arguments are assignments (no field splitting of `$( )`). */
export const DECLARATION_BUILTINS: ReadonlySet<string> = new Set(['export', 'local', 'declare', 'typeset', 'readonly']);
