// Layer shell: the bash interpreter over just-bash's syntax tree, asynchronous and streaming. Pipeline
// stages run concurrently, joined by pipes, each in a subshell; `&&`, `||`, `!`, compound commands,
// functions and background jobs follow bash. Loops yield to the clock now and then, stop when the job
// gets a signal, and in non-interactive runs stop after a bounded number of passes.

import type { ArithmeticExpressionNode, CommandNode, CompoundCommandNode, PipelineNode, ScriptNode, StatementNode } from '../syntax/ast.js';
import { Pipe } from '../io/pipe.js';
import { EMPTY_SOURCE, type Sink } from '../io/streams.js';
import { evalArithText } from './arith.js';
import { evalCond } from './cond.js';
import { Aborted, BreakLoop, ContinueLoop, ExitShell, FatalExpansion, ReturnFrom } from './control.js';
import { arithScope, expandPattern, expandString, expandWords } from './expand.js';
import { Job } from './job.js';
import { matchPattern } from './pattern.js';
import { applyRedirections } from './redirect.js';
import type { Frame, Io, ShellRuntime } from './runtime.js';
import { exited, killedBy, type Status } from './signals.js';
import { SimpleCommandRunner } from './simple-command.js';
import { frameScope } from './frame-scope.js';

const YIELD_EVERY = 256;

export class Interpreter {
  private readonly simple: SimpleCommandRunner;
  /** Line of the command being run (error messages of non-interactive shells). */
  currentLine = 1;
  private passes = 0;

  constructor(readonly rt: ShellRuntime) {
    this.simple = new SimpleCommandRunner(this);
  }

  /** Runs a script in `f`; control exceptions (exit, signals) propagate to the caller. */
  async run(script: ScriptNode, f: Frame): Promise<number> {
    return this.runStatements(script.statements, f);
  }

  async runStatements(stmts: readonly StatementNode[], f: Frame, opts: { isCondition?: boolean } = {}): Promise<number> {
    let code = f.state.lastStatus;
    for (const s of stmts) code = await this.runStatement(s, f, opts.isCondition ?? false);
    return code;
  }

  private async runStatement(stmt: StatementNode, f: Frame, isCondition: boolean): Promise<number> {
    this.checkSignals(f);
    if (stmt.background) {
      this.startBackground(stmt, f);
      f.state.lastStatus = 0;
      return 0;
    }
    let code = 0;
    for (let i = 0; i < stmt.pipelines.length; i++) {
      const op = i === 0 ? undefined : stmt.operators[i - 1];
      if (op === '&&' && code !== 0) continue;
      if (op === '||' && code === 0) continue;
      const pl = stmt.pipelines[i];
      if (!pl) continue;
      const isLast = i === stmt.pipelines.length - 1;
      code = await this.runPipeline(pl, f);
      if (code !== 0 && f.state.options.errexit && !isCondition && isLast && !pl.negated && stmt.operators.every((o) => o === ';')) throw new ExitShell(code);
    }
    return code;
  }

  private startBackground(stmt: StatementNode, f: Frame): void {
    const text = (stmt.sourceText ?? '').replace(/\s*&\s*$/, '').trim();
    const job = new Job(text, this.rt.nextPid());
    this.rt.jobs.add(job);
    f.state.lastBackgroundPid = job.pid;
    if (this.rt.isInteractive) f.io.stderr.write(`[${job.id}] ${job.pid}\n`);
    const fg: StatementNode = { ...stmt, background: false };
    const bg: Frame = { state: f.state, io: { ...f.io, stdin: EMPTY_SOURCE }, job, isSubshell: true };
    void this.subshell(bg, bg.io, (sf) => this.runStatement(fg, sf, false).then(exited)).then((st) => job.finish(st));
  }

  async runPipeline(pl: PipelineNode, f: Frame): Promise<number> {
    this.checkSignals(f);
    let status: Status;
    if (pl.commands.length === 1 && pl.commands[0]) {
      status = await this.runCommand(pl.commands[0], f);
    } else {
      const statuses = await this.runStages(pl, f);
      const failed = [...statuses].reverse().find((s) => s.code !== 0);
      status = f.state.options.pipefail && failed ? failed : (statuses.at(-1) ?? exited(0));
      f.state.set('PIPESTATUS', statuses.map((s) => String(s.code)));
    }
    if (status.signal && status.signal !== 'PIPE') throw new Aborted(status.signal);
    const code = pl.negated ? (status.code === 0 ? 1 : 0) : status.code;
    f.state.lastStatus = code;
    return code;
  }

  /** Every stage at once, each in a subshell, stage i's stdout feeding stage i+1's stdin. */
  private runStages(pl: PipelineNode, f: Frame): Promise<Status[]> {
    const n = pl.commands.length;
    const pipes = Array.from({ length: n - 1 }, () => new Pipe());
    return Promise.all(
      pl.commands.map(async (cmd, i) => {
        const out = pipes[i];
        const stdin = pipes[i - 1]?.reader ?? f.io.stdin;
        const stdout: Sink = out?.writer ?? f.io.stdout;
        const io: Io = { stdin, stdout, stderr: pl.pipeStderr?.[i] && out ? out.writer : f.io.stderr };
        try {
          return await this.subshell(f, io, (sf) => this.runCommand(cmd, sf));
        } finally {
          out?.closeWrite();
          if (i > 0) stdin.close();
        }
      }),
    );
  }

  /** Runs `body` in a copy of the shell; exit, signals and expansion errors end only the copy. */
  async subshell(f: Frame, io: Io, body: (sf: Frame) => Promise<Status>): Promise<Status> {
    const sf: Frame = { state: f.state.clone(), io, job: f.job, isSubshell: true };
    try {
      return await body(sf);
    } catch (e) {
      if (e instanceof ExitShell || e instanceof ReturnFrom) return exited(e.code);
      if (e instanceof Aborted) return killedBy(e.signal);
      if (e instanceof FatalExpansion) {
        sf.io.stderr.write(`${this.errPrefix(sf)}${e.message}\n`);
        return exited(e.code);
      }
      if (e instanceof BreakLoop || e instanceof ContinueLoop) return exited(0);
      throw e;
    }
  }

  async runCommand(cmd: CommandNode, f: Frame): Promise<Status> {
    if (cmd.type === 'SimpleCommand') {
      this.currentLine = cmd.line ?? this.currentLine;
      return this.simple.run(cmd, f);
    }
    if (cmd.type === 'FunctionDef') {
      f.state.functions.set(cmd.name, cmd);
      return exited(0);
    }
    const scope = frameScope(this, f);
    const r = await applyRedirections(cmd.redirections, f.io, scope, this.rt.fs, f.state.cwd);
    if (!r.ok) {
      f.io.stderr.write(`${this.errPrefix(f)}${r.error}\n`);
      return exited(1);
    }
    const cf: Frame = r.io === f.io ? f : { ...f, io: r.io };
    return this.runCompound(cmd, cf);
  }

  private async runCompound(cmd: CompoundCommandNode, f: Frame): Promise<Status> {
    switch (cmd.type) {
      case 'If': {
        for (const clause of cmd.clauses) {
          if ((await this.runStatements(clause.condition, f, { isCondition: true })) === 0) return exited(await this.runStatements(clause.body, f));
        }
        return exited(cmd.elseBody ? await this.runStatements(cmd.elseBody, f) : 0);
      }
      case 'For': {
        const words = cmd.words ? await expandWords(cmd.words, frameScope(this, f)) : [...f.state.positional];
        let code = 0;
        for (const w of words) {
          f.state.set(cmd.variable, w);
          const r = await this.loopPass(cmd.body, f);
          code = r.code;
          if (r.isBreak) break;
        }
        return exited(code);
      }
      case 'CStyleFor': {
        const arith = arithScope(frameScope(this, f));
        const run = (x: ArithmeticExpressionNode) => evalArithText(x.expression, x.originalText, arith, '((');
        if (cmd.init) await run(cmd.init);
        let code = 0;
        while (!cmd.condition || (await run(cmd.condition)) !== 0) {
          const r = await this.loopPass(cmd.body, f);
          code = r.code;
          if (r.isBreak) break;
          if (cmd.update) await run(cmd.update);
        }
        return exited(code);
      }
      case 'While':
      case 'Until': {
        let code = 0;
        for (;;) {
          const c = await this.runStatements(cmd.condition, f, { isCondition: true });
          if ((c === 0) !== (cmd.type === 'While')) break;
          const r = await this.loopPass(cmd.body, f);
          code = r.code;
          if (r.isBreak) break;
        }
        return exited(code);
      }
      case 'Case':
        return exited(await this.runCase(cmd, f));
      case 'Subshell':
        return this.subshell(f, f.io, async (sf) => exited(await this.runStatements(cmd.body, sf)));
      case 'Group':
        return exited(await this.runStatements(cmd.body, f));
      case 'ArithmeticCommand':
        return exited((await evalArithText(cmd.expression.expression, cmd.expression.originalText, arithScope(frameScope(this, f)), '((')) !== 0 ? 0 : 1);
      case 'ConditionalCommand':
        return exited((await evalCond(cmd.expression, frameScope(this, f), this.condContext(f))) ? 0 : 1);
    }
  }

  private async runCase(cmd: Extract<CompoundCommandNode, { type: 'Case' }>, f: Frame): Promise<number> {
    const scope = frameScope(this, f);
    const word = await expandString(cmd.word, scope);
    let code = 0;
    let fallthrough = false;
    for (const item of cmd.items) {
      let hit = fallthrough;
      for (const p of item.patterns) if (!hit && matchPattern(await expandPattern(p, scope), word)) hit = true;
      if (!hit) continue;
      code = await this.runStatements(item.body, f);
      if (item.terminator === ';;') return code;
      fallthrough = item.terminator === ';&';
    }
    return code;
  }

  /** One pass of a loop body: handles break/continue, yields now and then, enforces the run limits. */
  private async loopPass(body: readonly StatementNode[], f: Frame): Promise<{ code: number; isBreak: boolean }> {
    if (++this.passes % YIELD_EVERY === 0) await this.rt.yieldNow();
    this.checkSignals(f);
    if (this.passes > this.rt.maxLoopIterations) {
      throw new FatalExpansion(`loop stopped after ${this.rt.maxLoopIterations} passes (ciliumlab bounds loops in non-interactive runs)`, 1);
    }
    try {
      return { code: await this.runStatements(body, f), isBreak: false };
    } catch (e) {
      if (e instanceof BreakLoop) {
        if (--e.levels > 0) throw e;
        return { code: 0, isBreak: true };
      }
      if (e instanceof ContinueLoop) {
        if (--e.levels > 0) throw e;
        return { code: 0, isBreak: false };
      }
      throw e;
    }
  }

  /** Starts a fresh count of loop passes (each command line gets the full budget). */
  resetPasses(): void {
    this.passes = 0;
  }

  checkSignals(f: Frame): void {
    if (f.job.fatal) throw new Aborted(f.job.fatal);
  }

  condContext(f: Frame) {
    return {
      fs: this.rt.fs,
      resolve: (p: string) => (p.startsWith('/') ? p : `${f.state.cwd.replace(/\/$/, '')}/${p}`),
      isVarSet: (name: string) => f.state.vars.has(name),
    };
  }

  /** "bash: " for an interactive shell, "bash: line 3: " in a script, "sh: " for busybox sh. */
  errPrefix(f: Frame): string {
    if (this.rt.flavor === 'sh') return `${f.state.name}: `;
    if (this.rt.isInteractive) return `${f.state.name}: `;
    return `${f.state.name}: line ${this.rt.lineBase + this.currentLine}: `;
  }
}
