// Layer cli: the interactive shell on a terminal — readline for line editing, history and Tab completion;
// Ctrl-C interrupts the running command (or drops the typed line); Ctrl-D leaves the current hop and, at
// the login shell, ends ciliumlab. The first prompt is shown from the lab file before the lab is built
// (lines typed meanwhile wait); then virtual time follows the wall clock, and background jobs (`tcpdump
// &`) print while the prompt waits, the prompt and typed text redrawn under their output.

import { createInterface, type Interface } from 'node:readline';
import type { LabSpec } from '../lab/lab-file/index.js';
import { loginPromptFor } from '../shell/hosts/prompt.js';
import type { Terminal } from '../shell/index.js';

const EOF = '\u0004';

export async function runRepl(spec: LabSpec, opts: { host?: string | undefined; pcapDir?: string | undefined; seed?: number | undefined }): Promise<number> {
  let rl: Interface | undefined;
  let terminal: Terminal | undefined;
  let isPrompting = false;
  const history: string[] = [];
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  let complete: ((t: Terminal) => (line: string) => [string[], string]) | undefined;
  const push = (line: string) => {
    queue.push(line);
    wake?.();
  };
  const open = () => {
    const r = createInterface({ input: process.stdin, output: process.stdout, completer: (line: string) => (terminal && complete ? complete(terminal)(line) : [[], line]), history, historySize: 1000, terminal: true });
    r.on('line', (line) => {
      isPrompting = false;
      push(line);
    });
    r.on('SIGINT', () => onCtrlC(terminal, r, isPrompting));
    r.on('close', () => {
      if (rl !== r) return;
      rl = undefined;
      push(EOF);
    });
    return r;
  };
  rl = open();
  rl.setPrompt(loginPromptFor(spec, opts.host ?? spec.kubernetes.controlPlane ?? spec.hosts[0]?.name ?? 'workstation'));
  isPrompting = true;
  rl.prompt();
  await new Promise<void>((resolve) => setImmediate(resolve));
  const [{ buildLab }, { openCliSession }, completion] = await Promise.all([import('../lab/index.js'), import('./session-setup.js'), import('./completion.js')]);
  complete = completion.completer;
  const lab = buildLab(spec, opts.seed === undefined ? {} : { seed: opts.seed });
  const screen = {
    isTty: true,
    isInputTty: true,
    write: (t: string) => {
      if (rl && isPrompting) {
        process.stdout.write(`\r\x1b[K${t}`);
        rl.prompt(true);
      } else process.stdout.write(t);
    },
  };
  const s = openCliSession(lab, { ...opts, isRealtime: true, screen });
  if (typeof s === 'string') {
    rl.close();
    process.stderr.write(`\n${s}\n`);
    return 2;
  }
  terminal = s.terminal;
  await terminal.whenReady();
  let isFirst = true;
  while (!terminal.isClosed) {
    const notices = terminal.takeNotices();
    if (notices) process.stdout.write(notices);
    rl ??= open();
    if (!isFirst || !isPrompting) {
      rl.setPrompt(terminal.prompt());
      isPrompting = true;
      rl.prompt();
    }
    isFirst = false;
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    const line = queue.shift() ?? '';
    if (line === EOF) await terminal.eof();
    else await terminal.submit(line);
  }
  rl?.close();
  s.driver.stopRealtime();
  return terminal.closed;
}

function onCtrlC(terminal: Terminal | undefined, rl: Interface, isPrompting: boolean): void {
  process.stdout.write('^C\n');
  terminal?.interrupt();
  if (!isPrompting) return;
  rl.write(null, { ctrl: true, name: 'u' });
  rl.setPrompt(terminal?.prompt() ?? '');
  rl.prompt();
}
