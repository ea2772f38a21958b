// Layer cli: the interactive shell on a terminal — readline for line editing, history and Tab completion;
// Ctrl-C interrupts the running command (or drops the typed line); Ctrl-D leaves the current hop and, at
// the login shell, ends ciliumlab. Virtual time follows the wall clock, and background jobs (`tcpdump &`)
// print while the prompt waits, the prompt and typed text being redrawn under their output.

import { createInterface, type Interface } from 'node:readline';
import type { Lab } from '../lab/index.js';
import type { Terminal } from '../shell/index.js';
import { completer } from './completion.js';
import { openCliSession } from './session-setup.js';

export async function runRepl(lab: Lab, opts: { host?: string | undefined; pcapDir?: string | undefined }): Promise<number> {
  let rl: Interface | undefined;
  let isPrompting = false;
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
    process.stderr.write(`${s}\n`);
    return 2;
  }
  const { terminal, driver } = s;
  await terminal.whenReady();
  const history: string[] = [];
  const queue: string[] = [];
  let wake: (() => void) | undefined;
  const open = () => {
    const r = createInterface({ input: process.stdin, output: process.stdout, completer: completer(terminal), history, historySize: 1000, removeHistoryDuplicates: false, terminal: true });
    r.on('line', (line) => {
      isPrompting = false;
      queue.push(line);
      wake?.();
    });
    r.on('SIGINT', () => onCtrlC(terminal, r, () => isPrompting));
    r.on('close', () => {
      if (rl !== r) return;
      rl = undefined;
      queue.push('\u0004');
      wake?.();
    });
    return r;
  };
  rl = open();
  while (!terminal.isClosed) {
    const notices = terminal.takeNotices();
    if (notices) process.stdout.write(notices);
    rl ??= open();
    rl.setPrompt(terminal.prompt());
    isPrompting = true;
    rl.prompt();
    while (queue.length === 0) await new Promise<void>((r) => (wake = r));
    const line = queue.shift() ?? '';
    if (line === '\u0004') await terminal.eof();
    else await terminal.submit(line);
  }
  rl?.close();
  driver.stopRealtime();
  return terminal.closed;
}

function onCtrlC(terminal: Terminal, rl: Interface, isPrompting: () => boolean): void {
  process.stdout.write('^C\n');
  if (isPrompting()) {
    rl.write(null, { ctrl: true, name: 'u' });
    terminal.interrupt();
    rl.setPrompt(terminal.prompt());
    rl.prompt();
  } else terminal.interrupt();
}
