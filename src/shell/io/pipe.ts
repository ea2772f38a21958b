// Layer shell: a pipe between two commands of a pipeline. Text written by the left side is read by the
// right side as it arrives; closing the write end is EOF; once the reader has gone (head -2 got its two
// lines), write() returns false and the writer gets SIGPIPE, as write(2) does with EPIPE.

import type { Sink, Source } from './streams.js';

/** Buffered text above which a writer that can wait should (seq 1 1000000 | head -1 stays small). */
const HIGH_WATER = 64 * 1024;

export class Pipe {
  private readonly buffered: string[] = [];
  private bufferedChars = 0;
  private isEof = false;
  private isReaderGone = false;
  private wakeReader: (() => void) | undefined;
  private wakeWriters: Array<() => void> = [];

  readonly reader: Source = {
    isTty: false,
    read: () => this.read(),
    close: () => this.closeRead(),
  };

  readonly writer: Sink = {
    isTty: false,
    write: (text) => this.write(text),
    drained: () => this.drained(),
  };

  write(text: string): boolean {
    if (this.isReaderGone) return false;
    if (this.isEof || text === '') return true;
    this.buffered.push(text);
    this.bufferedChars += text.length;
    this.notifyReader();
    return true;
  }

  closeWrite(): void {
    this.isEof = true;
    this.notifyReader();
  }

  closeRead(): void {
    this.isReaderGone = true;
    this.buffered.length = 0;
    this.bufferedChars = 0;
    this.notifyWriters();
  }

  private async read(): Promise<string | undefined> {
    while (this.buffered.length === 0) {
      if (this.isEof || this.isReaderGone) return undefined;
      await new Promise<void>((resolve) => (this.wakeReader = resolve));
    }
    const text = this.buffered.splice(0).join('');
    this.bufferedChars = 0;
    this.notifyWriters();
    return text;
  }

  private drained(): Promise<void> {
    if (this.bufferedChars < HIGH_WATER || this.isReaderGone) return Promise.resolve();
    return new Promise((resolve) => this.wakeWriters.push(resolve));
  }

  private notifyReader(): void {
    const w = this.wakeReader;
    this.wakeReader = undefined;
    w?.();
  }

  private notifyWriters(): void {
    const ws = this.wakeWriters;
    this.wakeWriters = [];
    for (const w of ws) w();
  }
}
