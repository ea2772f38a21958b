// Test support: splits a terminal transcript into blocks of (host, command, output lines). Works on the
// seed blog post (whose shell prompts mark the outputs it shows, between Korean prose and `#` comments)
// and on the emulator's scenario transcript, so both can be compared command by command.

export interface Block {
  readonly host: string;
  readonly command: string;
  readonly output: string[];
  /** 1-based line of the prompt in its text. */
  readonly line: number;
}

const PROMPT = /^(?:\(⎈\|HomeLab:N\/A\) )?root@(k8s-ctr|router|k8s-w1|k8s-w0):~# (.*)$/;
const WORKSTATION = /^(?:PS [^>]+>|user@workstation:~\/cilium-lab\$) (.*)$/;
const HANGUL = /[\u3131-\uD79D]/;
/** A command line the blog lists without a prompt (its code listings): it ends the output before it. */
const LISTED_COMMAND = /^(for |while |kubectl |sshpass |helm |cilium |ip |ping |tcpdump |lsmod|modprobe |grep |cat |vagrant |curl |mkdir |export |echo )/;
/** Commands the blog shows as further input lines of one prompt (its multi-command paste). */
const CONTINUATION = /^(export [A-Z0-9_]+=|echo \$)/;

function promptOf(line: string): { host: string; command: string } | undefined {
  const m = PROMPT.exec(line);
  if (m) return { host: m[1] ?? '', command: m[2] ?? '' };
  const w = WORKSTATION.exec(line);
  return w ? { host: 'workstation', command: w[1] ?? '' } : undefined;
}

/**
 * Blocks in order. In `blog` mode a block ends at a `#` comment line or a line of Korean prose, and the
 * lines right after a prompt that are commands themselves become blocks of their own.
 */
export function splitBlocks(text: string, mode: 'blog' | 'transcript'): Block[] {
  const lines = text.split('\n');
  // The blog lists a section's commands before showing their outputs: such a line ends an output.
  const commands = new Set(lines.map((l) => promptOf(l)?.command).filter((c): c is string => c !== undefined).map(squash));
  const out: Block[] = [];
  // A transcript interleaves terminals ("─── router ───"): output goes to that terminal's open block.
  const open = new Map<string, { host: string; command: string; output: string[]; line: number }>();
  let terminal = '';
  let cur: { host: string; command: string; output: string[]; line: number } | undefined;
  const close = () => {
    cur = undefined;
    open.delete(terminal);
  };
  const start = (b: { host: string; command: string; output: string[]; line: number }) => {
    out.push(b);
    cur = b;
    open.set(terminal, b);
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(/\r$/, '');
    const p = promptOf(line);
    if (p) return start({ ...p, output: [], line: i + 1 });
    const sw = /^─── (.*) ───$/.exec(line);
    if (mode === 'transcript' && sw) {
      terminal = sw[1] ?? '';
      cur = open.get(terminal);
      return;
    }
    if (!cur) return;
    if (mode === 'transcript' && line.startsWith('> ')) return;
    if (mode === 'transcript' && line.startsWith('# ')) return close();
    if (mode === 'blog' && (line.startsWith('#') || HANGUL.test(line.replace(/\s+#\s.*$/, '')) || line.startsWith('```'))) return close();
    if (mode === 'blog' && cur.output.length === 0 && CONTINUATION.test(line)) return start({ host: cur.host, command: line, output: [], line: i + 1 });
    if (mode === 'blog' && (commands.has(squash(line)) || LISTED_COMMAND.test(line))) return close();
    cur.output.push(line);
  });
  return out;
}

/** A command as typed, for comparing: no trailing `# comment`, single spaces, spaced pipes. */
export function squash(command: string): string {
  return command.replace(/\s+#\s.*$/, '').replace(/\s*\|\s*/g, ' | ').replace(/\s+/g, ' ').trim();
}

/**
 * Pairs each block of `a` with the block of `b` that ran the same command on the same host: a longest
 * common subsequence per host, since terminals on different hosts interleave differently in each text.
 */
export function alignBlocks(a: readonly Block[], b: readonly Block[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const host of new Set(a.map((x) => x.host))) {
    const ai = a.flatMap((x, i) => (x.host === host ? [i] : []));
    const bi = b.flatMap((x, i) => (x.host === host ? [i] : []));
    for (const [i, j] of lcs(ai.map((i) => a[i] as Block), bi.map((j) => b[j] as Block))) out.set(ai[i] as number, bi[j] as number);
  }
  return out;
}

function lcs(a: readonly Block[], b: readonly Block[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  const len: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const row = len[i] as number[];
      row[j] = sameCommand(a[i], b[j]) ? (len[i + 1]?.[j + 1] ?? 0) + 1 : Math.max(len[i + 1]?.[j] ?? 0, row[j + 1] ?? 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  for (let i = 0, j = 0; i < n && j < m; ) {
    if (sameCommand(a[i], b[j])) pairs.push([i++, j++]);
    else if ((len[i + 1]?.[j] ?? 0) >= (len[i]?.[j + 1] ?? 0)) i++;
    else j++;
  }
  return pairs;
}

function sameCommand(x: Block | undefined, y: Block | undefined): boolean {
  return x !== undefined && y !== undefined && x.host === y.host && squash(x.command) === squash(y.command);
}
