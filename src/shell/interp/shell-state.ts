// Layer shell: what one bash process remembers — variables (exported or not, plain or indexed arrays),
// functions, aliases, the working directory, positional parameters, `$?`, `$!`, `set` options and the
// `local` scopes of running functions. A subshell (pipeline stage, `( )`, `$( )`) works on a clone.

import type { FunctionDefNode } from '../syntax/ast.js';

export interface Variable {
  value: string | string[];
  isExported: boolean;
  isReadonly: boolean;
}

export interface ShellOptions {
  errexit: boolean;
  nounset: boolean;
  pipefail: boolean;
  xtrace: boolean;
}

export class ShellState {
  readonly vars = new Map<string, Variable>();
  readonly functions: Map<string, FunctionDefNode> = new Map();
  readonly aliases = new Map<string, string>();
  cwd = '/';
  positional: string[] = [];
  /** `$0`. */
  name = 'bash';
  lastStatus = 0;
  lastBackgroundPid: number | undefined;
  /** `$$`. */
  pid = 1;
  options: ShellOptions = { errexit: false, nounset: false, pipefail: false, xtrace: false };
  /** One map per running function: the variables `local` shadowed, to restore on return. */
  readonly localScopes: Array<Map<string, Variable | undefined>> = [];

  get(name: string): string | undefined {
    const v = this.vars.get(name);
    if (!v) return undefined;
    return Array.isArray(v.value) ? (v.value[0] ?? '') : v.value;
  }

  getArray(name: string): string[] | undefined {
    const v = this.vars.get(name);
    if (!v) return undefined;
    return Array.isArray(v.value) ? v.value : [v.value];
  }

  /** Sets a variable, keeping its export flag; false if it is readonly. */
  set(name: string, value: string | string[], opts: { export?: boolean } = {}): boolean {
    const cur = this.vars.get(name);
    if (cur?.isReadonly) return false;
    this.vars.set(name, { value, isExported: opts.export ?? cur?.isExported ?? false, isReadonly: false });
    return true;
  }

  unset(name: string): boolean {
    if (this.vars.get(name)?.isReadonly) return false;
    this.vars.delete(name);
    return true;
  }

  /** The environment a child process gets: every exported variable. */
  exportedEnv(): Map<string, string> {
    const env = new Map<string, string>();
    for (const [k, v] of this.vars) if (v.isExported) env.set(k, Array.isArray(v.value) ? (v.value[0] ?? '') : v.value);
    return env;
  }

  /** `local NAME`: remembers the outer value to restore when the function returns. */
  declareLocal(name: string): void {
    const scope = this.localScopes.at(-1);
    if (!scope || scope.has(name)) return;
    const cur = this.vars.get(name);
    scope.set(name, cur ? { ...cur } : undefined);
  }

  pushScope(): void {
    this.localScopes.push(new Map());
  }

  popScope(): void {
    const scope = this.localScopes.pop();
    if (!scope) return;
    for (const [k, v] of scope) {
      if (v) this.vars.set(k, v);
      else this.vars.delete(k);
    }
  }

  clone(): ShellState {
    const s = new ShellState();
    for (const [k, v] of this.vars) s.vars.set(k, { ...v, value: Array.isArray(v.value) ? [...v.value] : v.value });
    for (const [k, v] of this.functions) s.functions.set(k, v);
    for (const [k, v] of this.aliases) s.aliases.set(k, v);
    s.cwd = this.cwd;
    s.positional = [...this.positional];
    s.name = this.name;
    s.lastStatus = this.lastStatus;
    s.lastBackgroundPid = this.lastBackgroundPid;
    s.pid = this.pid;
    s.options = { ...this.options };
    return s;
  }
}
