// Layer shell: how text utilities read their input — the named files of the host (relative to the
// working directory; `-` is stdin) or stdin, line by line as it arrives, with coreutils' error lines
// ("cat: x: No such file or directory") and the exit status 1 they imply.

import type { Process } from '../../tools/process.js';
import { errorText, resolvePath, type HostFs } from '../hosts/host-fs.js';
import { LabProcess } from '../session/lab-process.js';

/** The host's files as the process sees them (a tool run outside a session gets only readFile). */
export function hostFsOf(p: Process): HostFs | undefined {
  return p instanceof LabProcess ? p.init.labHost.fs : undefined;
}

export function absPath(p: Process, path: string): string {
  return resolvePath(p.cwd ?? '/', path);
}

/** A file's text, or an error line already printed (undefined). */
export function readFileOrReport(p: Process, cmd: string, path: string): string | undefined {
  const abs = absPath(p, path);
  const text = p.host.readFile(abs);
  if (text !== undefined) return text;
  const fs = hostFsOf(p);
  p.err(`${cmd}: ${path}: ${errorText(fs?.isDir(abs) ? 'EISDIR' : 'ENOENT')}\n`);
  return undefined;
}

/** Each input (files in order, or stdin when none) as chunks; `onMissing` reports unreadable files. */
export async function* inputs(p: Process, cmd: string, operands: readonly string[]): AsyncGenerator<{ name: string; chunks: AsyncIterable<string> } | { name: string; missing: true }> {
  const names = operands.length > 0 ? operands : ['-'];
  for (const n of names) {
    if (n === '-') {
      yield { name: '(standard input)', chunks: p.stdin.chunks() };
      continue;
    }
    const text = readFileOrReport(p, cmd, n);
    if (text === undefined) yield { name: n, missing: true };
    else yield { name: n, chunks: once(text) };
  }
}

async function* once(text: string): AsyncGenerator<string> {
  if (text !== '') yield text;
}

/** Lines (with their newline, the last one perhaps without) of a chunk stream. */
export async function* linesOf(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let rest = '';
  for await (const c of chunks) {
    rest += c;
    let nl = rest.indexOf('\n');
    while (nl >= 0) {
      yield rest.slice(0, nl + 1);
      rest = rest.slice(nl + 1);
      nl = rest.indexOf('\n');
    }
  }
  if (rest !== '') yield rest;
}

/** Prints GNU's "Try 'cmd --help'" pair for a usage error and returns 1 (2 for grep). */
export function usageError(p: Process, cmd: string, message: string, code = 1): number {
  p.err(`${message}\nTry '${cmd} --help' for more information.\n`);
  return code;
}
