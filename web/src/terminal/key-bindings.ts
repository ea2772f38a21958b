// web (terminal): readline's emacs bindings as a table — the edit each key makes to the line, or the
// terminal-level command it stands for (Enter, Tab completion, Ctrl-C, Ctrl-D, Ctrl-L).

import type { Key } from './key-input.js';
import type { LineEditor } from './line-editor.js';

export type Binding = { readonly edit: (e: LineEditor) => void } | { readonly command: 'accept' | 'complete' | 'interrupt' | 'eof' | 'clear-screen' };

const EDITS: Readonly<Record<string, (e: LineEditor) => void>> = {
  backspace: (e) => e.backspace(),
  delete: (e) => e.deleteForward(),
  left: (e) => e.left(),
  right: (e) => e.right(),
  up: (e) => e.historyPrev(),
  down: (e) => e.historyNext(),
  home: (e) => e.home(),
  end: (e) => e.end(),
  'ctrl-a': (e) => e.home(),
  'ctrl-e': (e) => e.end(),
  'ctrl-b': (e) => e.left(),
  'ctrl-f': (e) => e.right(),
  'ctrl-p': (e) => e.historyPrev(),
  'ctrl-n': (e) => e.historyNext(),
  'ctrl-u': (e) => e.killToStart(),
  'ctrl-k': (e) => e.killToEnd(),
  'ctrl-w': (e) => e.killWordBack(),
};

const COMMANDS: Readonly<Record<string, Extract<Binding, { command: string }>['command']>> = {
  enter: 'accept',
  tab: 'complete',
  'ctrl-c': 'interrupt',
  'ctrl-d': 'eof',
  'ctrl-l': 'clear-screen',
};

export function bindingFor(key: Key): Binding | undefined {
  if (key.kind === 'text') return { edit: (e) => e.insert(key.text) };
  const name = key.kind === 'ctrl' ? `ctrl-${key.letter}` : key.kind;
  const edit = EDITS[name];
  if (edit) return { edit };
  const command = COMMANDS[name];
  return command ? { command } : undefined;
}
