// Layer shell: the two ends every command sees. A Source yields text chunks until EOF (undefined); a Sink
// takes text and answers false when nobody reads any more (a closed pipe). Terminals, files, /dev/null,
// here-documents and pipes all come down to these two shapes.

import type { InputStream } from '../../tools/process.js';

export interface Source {
  readonly isTty: boolean;
  /** The next chunk, or undefined at EOF. */
  read(): Promise<string | undefined>;
  /** The reader is done (head has its lines): later writes into the pipe fail. */
  close(): void;
}

export interface Sink {
  readonly isTty: boolean;
  /** false: the read end is closed (EPIPE). */
  write(text: string): boolean;
  /** Resolves when the reader has caught up (a writer of much text waits here). */
  drained?(): Promise<void>;
}

export const EMPTY_SOURCE: Source = { isTty: false, read: async () => undefined, close: () => undefined };

export const NULL_SINK: Sink = { isTty: false, write: () => true };

/** Text known up front (a here-document, a here-string, a file): one chunk, then EOF. */
export function textSource(text: string, isTty = false): Source {
  let pending: string | undefined = text;
  return {
    isTty,
    read: async () => {
      const t = pending;
      pending = undefined;
      return t === '' ? undefined : t;
    },
    close: () => {
      pending = undefined;
    },
  };
}

/** A terminal's keyboard when nothing is typed ahead: EOF at once, but it is a tty (kubectl exec -t checks). */
export function ttySource(): Source {
  return { ...EMPTY_SOURCE, isTty: true };
}

/** A Source as the tools' InputStream. */
export function inputStream(src: Source): InputStream {
  return {
    isTty: src.isTty,
    readAll: async () => {
      let all = '';
      for (let c = await src.read(); c !== undefined; c = await src.read()) all += c;
      return all;
    },
    chunks: async function* () {
      for (let c = await src.read(); c !== undefined; c = await src.read()) yield c;
    },
  };
}

export async function readAll(src: Source): Promise<string> {
  let all = '';
  for (let c = await src.read(); c !== undefined; c = await src.read()) all += c;
  return all;
}
