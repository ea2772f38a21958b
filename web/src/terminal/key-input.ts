// web (terminal): splits what xterm.js hands over (one key, or a whole pasted text) into keys: control
// characters, the escape sequences of arrows, Home, End and Delete in both cursor modes, and runs of
// plain text. A pasted newline is Enter, as it is in a real terminal.

export type Key =
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'enter' | 'backspace' | 'delete' | 'tab' | 'left' | 'right' | 'up' | 'down' | 'home' | 'end' }
  | { readonly kind: 'ctrl'; readonly letter: string };

const SEQUENCES: ReadonlyArray<readonly [string, Key['kind']]> = [
  ['\x1b[A', 'up'],
  ['\x1bOA', 'up'],
  ['\x1b[B', 'down'],
  ['\x1bOB', 'down'],
  ['\x1b[C', 'right'],
  ['\x1bOC', 'right'],
  ['\x1b[D', 'left'],
  ['\x1bOD', 'left'],
  ['\x1b[H', 'home'],
  ['\x1bOH', 'home'],
  ['\x1b[1~', 'home'],
  ['\x1b[F', 'end'],
  ['\x1bOF', 'end'],
  ['\x1b[4~', 'end'],
  ['\x1b[3~', 'delete'],
];

/** The first key of `data` and how many characters it took. */
export function nextKey(data: string): { key: Key | undefined; length: number } {
  const ch = data[0] ?? '';
  if (ch === '\x1b') {
    for (const [seq, kind] of SEQUENCES) if (data.startsWith(seq)) return { key: { kind } as Key, length: seq.length };
    const m = /^\x1b(\[[0-9;]*[A-Za-z~]|O[A-Za-z]|.)?/.exec(data);
    return { key: undefined, length: m?.[0].length ?? 1 };
  }
  if (ch === '\r') return { key: { kind: 'enter' }, length: data[1] === '\n' ? 2 : 1 };
  if (ch === '\n') return { key: { kind: 'enter' }, length: 1 };
  if (ch === '\x7f' || ch === '\b') return { key: { kind: 'backspace' }, length: 1 };
  if (ch === '\t') return { key: { kind: 'tab' }, length: 1 };
  const code = ch.charCodeAt(0);
  if (code < 0x20) return { key: { kind: 'ctrl', letter: String.fromCharCode(code + 0x60) }, length: 1 };
  const run = /^[^\x00-\x1f\x7f]+/.exec(data)?.[0] ?? ch;
  return { key: { kind: 'text', text: run }, length: run.length };
}
