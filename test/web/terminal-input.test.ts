// The browser terminal's line editing, without a browser: keys out of xterm.js data (escape sequences in
// both cursor modes, pasted text with newlines), readline's edits and history, and the redraw sequences
// for a line that wraps at the terminal's width.

import { describe, expect, test } from 'vitest';
import { bindingFor } from '../../web/src/terminal/key-bindings.js';
import { nextKey, type Key } from '../../web/src/terminal/key-input.js';
import { commonPrefix, LineEditor, redraw } from '../../web/src/terminal/line-editor.js';

function keys(data: string): Key[] {
  const out: Key[] = [];
  for (let rest = data; rest !== ''; ) {
    const { key, length } = nextKey(rest);
    if (key) out.push(key);
    rest = rest.slice(length);
  }
  return out;
}

describe('keys from xterm.js data', () => {
  test.each([
    ['\x1b[A', 'up'],
    ['\x1bOA', 'up'],
    ['\x1b[D', 'left'],
    ['\x1b[H', 'home'],
    ['\x1b[4~', 'end'],
    ['\x1b[3~', 'delete'],
    ['\x7f', 'backspace'],
    ['\t', 'tab'],
    ['\r', 'enter'],
  ])('%j is %s', (data, kind) => {
    expect(keys(data)).toEqual([{ kind }]);
  });

  test('a pasted heredoc is text and Enter, line by line', () => {
    expect(keys('cat <<EOF\rkind: Pod\rEOF\r')).toEqual([{ kind: 'text', text: 'cat <<EOF' }, { kind: 'enter' }, { kind: 'text', text: 'kind: Pod' }, { kind: 'enter' }, { kind: 'text', text: 'EOF' }, { kind: 'enter' }]);
  });

  test('control characters name their letter; unknown escape sequences are skipped whole', () => {
    expect(keys('\x03\x15\x1b[1;5Cx')).toEqual([{ kind: 'ctrl', letter: 'c' }, { kind: 'ctrl', letter: 'u' }, { kind: 'text', text: 'x' }]);
  });
});

describe('line editing', () => {
  test('insert, move and delete as readline does', () => {
    const e = new LineEditor([]);
    e.insert('ping 10.0.0.1');
    e.home();
    e.right();
    e.deleteForward();
    e.insert('I');
    expect([e.text, e.cursor]).toEqual(['pIng 10.0.0.1', 2]);
    e.end();
    e.killWordBack();
    expect(e.text).toBe('pIng ');
    e.home();
    e.killToEnd();
    expect(e.text).toBe('');
  });

  test('history: Up walks back, Down returns to the line being typed; blank and repeated lines are not kept', () => {
    const history: string[] = [];
    const e = new LineEditor(history);
    for (const line of ['ip route', 'ip route', '  ', 'kubectl get pod']) {
      e.insert(line);
      e.accept();
    }
    expect(history).toEqual(['ip route', 'kubectl get pod']);
    e.insert('half');
    e.historyPrev();
    expect(e.text).toBe('kubectl get pod');
    e.historyPrev();
    e.historyPrev();
    expect(e.text).toBe('ip route');
    e.historyNext();
    e.historyNext();
    expect(e.text).toBe('half');
  });

  test('redraw: back to the prompt row, clear, write, then place the cursor (wrapping at the width)', () => {
    expect(redraw('$ ', 'abc', 1, 80, 0)).toEqual({ out: '\r\x1b[J$ abc\x1b[4G', cursorRow: 0 });
    // 2 + 10 = 12 columns on a 5-column terminal: rows 0..2; the cursor at offset 2+3=5 is row 1, column 0.
    expect(redraw('$ ', '0123456789', 3, 5, 2)).toEqual({ out: '\x1b[2A\r\x1b[J$ 0123456789\x1b[1A\x1b[1G', cursorRow: 1 });
    // Exactly filling a row moves the cursor down so the next redraw counts rows right.
    expect(redraw('$ ', 'abc', 3, 5, 0).out).toBe('\r\x1b[J$ abc\r\n\x1b[1G');
  });

  test("keys as readline binds them: edits, or the terminal's commands", () => {
    const e = new LineEditor([]);
    for (const k of keys('kubectl get po\x17\x01x\x1b[3~')) {
      const b = bindingFor(k);
      if (b && 'edit' in b) b.edit(e);
    }
    expect(e.text).toBe('xubectl get ');
    expect(keys('\r\t\x03\x04\x0c').map((k) => bindingFor(k))).toEqual([{ command: 'accept' }, { command: 'complete' }, { command: 'interrupt' }, { command: 'eof' }, { command: 'clear-screen' }]);
  });

  test('completion extends the word to what every candidate shares', () => {
    expect(commonPrefix(['webpod-a', 'webpod-b'])).toBe('webpod-');
    expect(commonPrefix(['curl-pod'])).toBe('curl-pod');
    expect(commonPrefix([])).toBe('');
  });
});
