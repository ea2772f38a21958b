// Layer shell: one simple command — expand its words, apply an alias to the first word, run prefix
// assignments, redirect, then call a function, a builtin, or an installed command as a process. A name
// found nowhere gets bash's "bash: foo: command not found" and status 127.

import { parse } from 'just-bash';
import { BUILTINS, DECLARATION_BUILTINS, type BuiltinContext } from '../builtins/index.js';
import type { SimpleCommandNode, WordNode } from '../syntax/ast.js';
import { Aborted, ReturnFrom } from './control.js';
import { expandString, expandWords, type ExpandScope } from './expand.js';
import { frameScope, type FrameScope } from './frame-scope.js';
import type { Interpreter } from './interpreter.js';
import { applyRedirections } from './redirect.js';
import type { Frame } from './runtime.js';
import { exited, type Status } from './signals.js';

const MAX_FUNCTION_DEPTH = 1000;

export class SimpleCommandRunner {
  private functionDepth = 0;

  constructor(private readonly interp: Interpreter) {}

  async run(cmd: SimpleCommandNode, f: Frame): Promise<Status> {
    const scope = frameScope(this.interp, f);
    let argv = cmd.name ? await expandWords([cmd.name], scope) : [];
    argv.push(...(DECLARATION_BUILTINS.has(argv[0] ?? '') ? await expandDeclarationArgs(cmd.args, scope) : await expandWords(cmd.args, scope)));
    if (cmd.name) argv = await this.applyAlias(cmd.name, argv, f);
    const assignments = await this.expandAssignments(cmd, scope);
    const r = await applyRedirections(cmd.redirections, f.io, scope, this.interp.rt.fs, f.state.cwd);
    if (!r.ok) {
      f.io.stderr.write(`${this.interp.errPrefix(f)}${r.error}\n`);
      return exited(1);
    }
    const cf: Frame = r.io === f.io ? f : { ...f, io: r.io };
    if (argv.length === 0) return this.assignOnly(assignments, cf, scope);
    return this.dispatch(argv, assignments, cf);
  }

  private async expandAssignments(cmd: SimpleCommandNode, scope: FrameScope): Promise<Array<[string, string | string[], boolean]>> {
    const out: Array<[string, string | string[], boolean]> = [];
    for (const a of cmd.assignments) {
      if (a.array) out.push([a.name, await expandWords(a.array, scope), a.append]);
      else out.push([a.name, a.value ? await expandString(a.value, scope, { isAssignment: true }) : '', a.append]);
    }
    return out;
  }

  private assignOnly(assignments: ReadonlyArray<[string, string | string[], boolean]>, f: Frame, scope: FrameScope): Status {
    for (const [name, value, append] of assignments) {
      const cur = f.state.get(name) ?? '';
      const v = append && typeof value === 'string' ? cur + value : value;
      if (!f.state.set(name, v)) {
        f.io.stderr.write(`${this.interp.errPrefix(f)}${name}: readonly variable\n`);
        return exited(1);
      }
    }
    return exited(scope.substitutionStatus ?? 0);
  }

  /** `alias k=kubectl`: the alias text replaces the first word (one level, not recursive into itself). */
  private async applyAlias(name: WordNode, argv: string[], f: Frame): Promise<string[]> {
    const lit = name.parts.length === 1 && name.parts[0]?.type === 'Literal' ? name.parts[0].value : undefined;
    const text = lit === undefined ? undefined : f.state.aliases.get(lit);
    if (text === undefined) return argv;
    try {
      const cmd = parse(text).statements[0]?.pipelines[0]?.commands[0];
      if (cmd?.type !== 'SimpleCommand' || !cmd.name) return argv;
      const words = await expandWords([cmd.name, ...cmd.args], frameScope(this.interp, f));
      return [...words, ...argv.slice(1)];
    } catch {
      return argv;
    }
  }

  private async dispatch(argv: string[], assignments: ReadonlyArray<[string, string | string[], boolean]>, f: Frame): Promise<Status> {
    const name = argv[0] ?? '';
    const fn = f.state.functions.get(name);
    if (fn) return this.callFunction(fn, argv, f);
    const builtin = BUILTINS.get(name);
    if (builtin) {
      for (const [k, v] of assignments) f.state.set(k, v);
      return exited(await builtin(argv.slice(1), this.builtinContext(name, f)));
    }
    const tool = this.findTool(name, f);
    if (!tool) {
      f.io.stderr.write(this.notFound(name, f));
      return exited(127);
    }
    const env = f.state.exportedEnv();
    for (const [k, v] of assignments) env.set(k, Array.isArray(v) ? (v[0] ?? '') : v);
    return this.interp.rt.runTool(tool, argv, f, env);
  }

  private findTool(name: string, f: Frame) {
    if (!name.includes('/')) return this.interp.rt.findCommand(name);
    const base = name.slice(name.lastIndexOf('/') + 1);
    const isBinDir = /^\/(usr\/)?(local\/)?s?bin\/[^/]+$/.test(name);
    return isBinDir || this.interp.rt.fs.exists(name.startsWith('/') ? name : `${f.state.cwd}/${name}`) ? this.interp.rt.findCommand(base) : undefined;
  }

  private notFound(name: string, f: Frame): string {
    const prefix = this.interp.errPrefix(f);
    if (name.includes('/')) return `${prefix}${name}: No such file or directory\n`;
    if (this.interp.rt.flavor === 'sh') return `${prefix}${name}: not found\n`;
    return `${prefix}${name}: command not found\n`;
  }

  private async callFunction(fn: Extract<Parameters<Interpreter['runCommand']>[0], { type: 'FunctionDef' }>, argv: string[], f: Frame): Promise<Status> {
    if (this.functionDepth >= MAX_FUNCTION_DEPTH) {
      f.io.stderr.write(`${this.interp.errPrefix(f)}${fn.name}: maximum function nesting level exceeded (${MAX_FUNCTION_DEPTH})\n`);
      return exited(1);
    }
    const saved = f.state.positional;
    f.state.positional = argv.slice(1);
    f.state.pushScope();
    this.functionDepth++;
    try {
      return await this.interp.runCommand(fn.body, f);
    } catch (e) {
      if (e instanceof ReturnFrom) return exited(e.code);
      throw e;
    } finally {
      this.functionDepth--;
      f.state.popScope();
      f.state.positional = saved;
    }
  }

  builtinContext(name: string, f: Frame): BuiltinContext {
    const interp = this.interp;
    return {
      name,
      frame: f,
      interp,
      out: (text) => {
        if (!f.io.stdout.write(text)) throw new Aborted('PIPE');
      },
      err: (text) => void f.io.stderr.write(text),
      fail: (message, code = 1) => {
        f.io.stderr.write(`${interp.errPrefix(f)}${name}: ${message}\n`);
        return code;
      },
    };
  }
}

/** `export X=$(cmd)`: an argument that looks like an assignment is expanded without field splitting. */
async function expandDeclarationArgs(words: readonly WordNode[], scope: ExpandScope): Promise<string[]> {
  const out: string[] = [];
  for (const w of words) {
    const first = w.parts[0];
    if (first?.type === 'Literal' && /^[A-Za-z_][A-Za-z0-9_]*\+?=/.test(first.value)) out.push(await expandString(w, scope, { isAssignment: true }));
    else out.push(...(await expandWords([w], scope)));
  }
  return out;
}
