// Layer tools (tcpdump): stdout as tcpdump's stdio sees it: line-buffered on a terminal or with -l, else
// written in 4096-byte blocks (a pipe's buffer), so "tcpdump -i any | grep ICMP" shows lines in bursts and
// the rest at exit, as the real one does.

const PIPE_BUFFER = 4096;

export class StdoutBuffer {
  private pending = '';

  constructor(
    private readonly write: (text: string) => void,
    private readonly isLineBuffered: boolean,
  ) {}

  add(text: string): void {
    if (this.isLineBuffered) return this.write(text);
    this.pending += text;
    while (this.pending.length >= PIPE_BUFFER) {
      this.write(this.pending.slice(0, PIPE_BUFFER));
      this.pending = this.pending.slice(PIPE_BUFFER);
    }
  }

  flush(): void {
    if (this.pending) this.write(this.pending);
    this.pending = '';
  }
}
