// web (terminal): one xterm.js terminal running the lab shell, as the CLI's REPL does with readline: a
// prompt from the top shell, line editing, history, Tab completion (the CLI's completer), Ctrl-C to the
// foreground job, Ctrl-D to leave a hop. Keys typed while a command runs wait, as a tty's type-ahead does,
// and are read at the next prompt; output from background jobs is written above the prompt being edited.

import { FitAddon } from '@xterm/addon-fit';
import { Terminal as Xterm } from '@xterm/xterm';
import { completer, type HostTarget, type Terminal } from '../../../src/index.browser.js';
import type { LabRuntime } from '../app/lab-runtime.js';
import { h } from '../app/dom.js';
import { bindingFor } from './key-bindings.js';
import { nextKey, type Key } from './key-input.js';
import { commonPrefix, LineEditor, redraw } from './line-editor.js';

/** What the shell shows while a command needs more lines (bash's PS2). */
const CONTINUATION_PROMPT = '> ';
const THEME = { background: '#0d1117', foreground: '#e6edf3', cursor: '#e6edf3', selectionBackground: '#264f78', brightBlack: '#8b949e' };

export class TerminalPane {
  readonly element: HTMLElement;
  readonly xterm: Xterm;
  private readonly fit = new FitAddon();
  private terminal: Terminal | undefined;
  private readonly editor = new LineEditor([]);
  private inbox = '';
  private prompt: string | undefined;
  private cursorRow = 0;
  private lastKeyWasTab = false;
  private onLine: ((line: string | undefined) => void) | undefined;
  private idleWaiters: Array<() => void> = [];
  private isClosedFlag = false;
  private isAtLineStart = true;

  constructor(
    private readonly runtime: LabRuntime,
    readonly title: string,
    readonly target: HostTarget,
    /** Escape: focus leaves the terminal forwards (Tab completes, so it cannot). */
    private readonly onEscape: () => void,
  ) {
    this.element = h('div', { class: 'terminal-pane', 'data-terminal': title });
    this.xterm = new Xterm({ convertEol: true, fontFamily: 'ui-monospace, "DejaVu Sans Mono", Menlo, monospace', fontSize: 13, theme: THEME, scrollback: 5000 });
    this.xterm.loadAddon(this.fit);
    this.xterm.onData((d) => this.receive(d));
    // Shift+Tab goes back to the page's previous control; Escape on to the next one.
    this.xterm.attachCustomKeyEventHandler((e) => {
      if (e.key === 'Tab' && e.shiftKey) return false;
      if (e.key === 'Escape' && e.type === 'keydown') {
        this.onEscape();
        return false;
      }
      return true;
    });
  }

  /** Puts the terminal into the page and logs in; resolves when the shell ends. */
  async start(): Promise<void> {
    this.xterm.open(this.element);
    this.xterm.textarea?.setAttribute('aria-label', `Terminal on ${this.title}. Tab completes; Escape or Shift+Tab leaves the terminal.`);
    this.refit();
    const screen = { isTty: true, isInputTty: true, write: (t: string) => this.output(t) };
    const terminal = this.runtime.openTerminal(this.target, screen);
    if (!terminal) {
      this.xterm.write(`no such host: ${this.title}\r\n`);
      return;
    }
    this.terminal = terminal;
    await terminal.whenReady();
    while (!terminal.isClosed) {
      const notices = terminal.takeNotices();
      if (notices) this.xterm.write(notices);
      const line = await this.readLine(terminal.prompt());
      if (line === undefined) await terminal.eof();
      else {
        // A line at the continuation prompt (a here-document's body) belongs to the command it continues.
        const typed = { terminal: this.title, prompt: terminal.prompt(), line };
        const isNewCommand = typed.prompt !== CONTINUATION_PROMPT;
        if (isNewCommand) this.runtime.onCommand.emit(typed);
        await terminal.submit(line);
        if (terminal.prompt() !== CONTINUATION_PROMPT) this.runtime.onCommandDone.emit(typed);
      }
    }
    this.isClosedFlag = true;
    this.xterm.write('\r\n[the shell has ended: close this terminal or open a new one]\r\n');
    this.wakeIdle();
  }

  get isClosed(): boolean {
    return this.isClosedFlag;
  }

  /** Types lines as if pasted and resolves when the last has run and the prompt is back. */
  run(lines: readonly string[]): Promise<void> {
    this.receive(lines.map((l) => `${l}\r`).join(''));
    return this.whenIdle();
  }

  /** Resolves when the terminal waits at its prompt with nothing typed ahead. */
  whenIdle(): Promise<void> {
    if (this.isIdle() || this.isClosedFlag) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  focus(): void {
    this.xterm.focus();
  }

  refit(): void {
    if (this.element.isConnected && this.element.clientWidth > 0) this.fit.fit();
  }

  dispose(): void {
    this.terminal?.interrupt();
    this.xterm.dispose();
  }

  private readLine(prompt: string): Promise<string | undefined> {
    // bash would print the prompt after output without a newline; start it on a fresh row instead.
    if (!this.isAtLineStart) this.xterm.write('\r\n');
    this.prompt = prompt;
    this.cursorRow = 0;
    this.render();
    return new Promise((resolve) => {
      this.onLine = resolve;
      this.drain();
      if (this.isIdle()) this.wakeIdle();
    });
  }

  private receive(data: string): void {
    if (this.prompt === undefined && data.includes('\x03')) {
      // Ctrl-C while a command runs: the foreground job gets SIGINT; type-ahead is dropped.
      this.inbox = '';
      this.output('^C\n');
      this.terminal?.interrupt();
      return;
    }
    this.inbox += data;
    this.drain();
  }

  private drain(): void {
    while (this.prompt !== undefined && this.inbox !== '') {
      const { key, length } = nextKey(this.inbox);
      this.inbox = this.inbox.slice(length);
      if (key) this.handle(key);
    }
  }

  private handle(key: Key): void {
    const b = bindingFor(key);
    if (!b) return;
    const e = this.editor;
    if ('edit' in b) b.edit(e);
    else {
      switch (b.command) {
        case 'accept':
          this.moveToEnd();
          this.xterm.write('\r\n');
          return this.endPrompt(e.accept());
        case 'complete':
          this.complete();
          break;
        case 'interrupt':
          // Ctrl-C at the prompt drops the line (and a half-typed multi-line command) for a new prompt.
          this.xterm.write('^C\r\n');
          e.reset();
          this.terminal?.interrupt();
          this.prompt = this.terminal?.prompt() ?? this.prompt;
          this.cursorRow = 0;
          break;
        case 'eof':
          if (e.text === '') {
            this.xterm.write('\r\n');
            return this.endPrompt(undefined);
          }
          e.deleteForward();
          break;
        case 'clear-screen':
          this.xterm.write('\x1b[H\x1b[2J');
          this.cursorRow = 0;
          break;
        default:
          assertNever(b.command);
      }
    }
    this.lastKeyWasTab = key.kind === 'tab';
    this.render();
  }

  private endPrompt(line: string | undefined): void {
    const done = this.onLine;
    this.isAtLineStart = true;
    this.prompt = undefined;
    this.onLine = undefined;
    done?.(line);
  }

  private complete(): void {
    const t = this.terminal;
    if (!t) return;
    const e = this.editor;
    const [hits, word] = completer(t)(e.text.slice(0, e.cursor));
    if (hits.length === 0) return;
    const common = commonPrefix(hits);
    if (common.length > word.length) e.insert(common.slice(word.length) + (hits.length === 1 ? ' ' : ''));
    else if (hits.length === 1) e.insert(' ');
    else if (this.lastKeyWasTab) this.list(hits);
  }

  /** A second Tab lists the candidates in columns under the prompt, then redraws it. */
  private list(words: readonly string[]): void {
    const w = Math.max(...words.map((x) => x.length)) + 2;
    const perRow = Math.max(1, Math.floor(this.xterm.cols / w));
    let out = '';
    words.forEach((x, i) => (out += x.padEnd(w) + ((i + 1) % perRow === 0 ? '\r\n' : '')));
    this.moveToEnd();
    this.xterm.write(`\r\n${out.trimEnd()}\r\n`);
    this.cursorRow = 0;
  }

  /** Output of the running command, or of a background job above the prompt being edited. */
  private output(text: string): void {
    if (text === '') return;
    this.isAtLineStart = text.endsWith('\n');
    if (this.prompt === undefined) {
      this.xterm.write(text);
      return;
    }
    this.xterm.write(`${this.cursorRow > 0 ? `\x1b[${this.cursorRow}A` : ''}\r\x1b[J${text}${text.endsWith('\n') ? '' : '\n'}`);
    this.isAtLineStart = true;
    this.cursorRow = 0;
    this.render();
  }

  private render(): void {
    if (this.prompt === undefined) return;
    const r = redraw(this.prompt, this.editor.text, this.editor.cursor, this.xterm.cols, this.cursorRow);
    this.xterm.write(r.out);
    this.cursorRow = r.cursorRow;
  }

  private moveToEnd(): void {
    if (this.prompt === undefined) return;
    const e = this.editor;
    const cursor = e.cursor;
    e.end();
    this.render();
    e.cursor = cursor;
  }

  private isIdle(): boolean {
    return this.prompt !== undefined && this.inbox === '';
  }

  private wakeIdle(): void {
    const ws = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of ws) w();
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected key binding ${String(x)}`);
}
