// Layer shell: redirections — `<`, `>`, `>>`, `>|`, `&>`, `&>>`, `2>&1`, `>&2`, `<&`, here-documents
// (`<<EOF`, `<<-EOF`, quoted delimiters keep the text literal) and here-strings (`<<<`). Files are the
// host's; /dev/null, /dev/stdout and /dev/stderr are special. Errors are bash's "x: No such file...".

import type { HostFs } from '../hosts/host-fs.js';
import { errorText, resolvePath } from '../hosts/host-fs.js';
import { NULL_SINK, textSource, type Sink, type Source } from '../io/streams.js';
import type { RedirectionNode } from '../syntax/ast.js';
import { expandString, type ExpandScope } from './expand.js';
import type { Io } from './runtime.js';

export type RedirectResult = { readonly ok: true; readonly io: Io } | { readonly ok: false; readonly error: string };

export async function applyRedirections(redirs: readonly RedirectionNode[], io: Io, scope: ExpandScope, fs: HostFs, cwd: string): Promise<RedirectResult> {
  let cur = io;
  for (const r of redirs) {
    const res = await applyOne(r, cur, scope, fs, cwd);
    if (!res.ok) return res;
    cur = res.io;
  }
  return { ok: true, io: cur };
}

async function applyOne(r: RedirectionNode, io: Io, scope: ExpandScope, fs: HostFs, cwd: string): Promise<RedirectResult> {
  const t = r.target;
  if (t.type === 'HereDoc') {
    let text = t.quoted ? literalText(t.content.parts) : await expandString(t.content, scope);
    if (t.stripTabs) text = text.replace(/^\t+/gm, '');
    return withFd(io, r.fd ?? 0, textSource(text));
  }
  const word = await expandString(t, scope);
  switch (r.operator) {
    case '<<<':
      return withFd(io, r.fd ?? 0, textSource(`${word}\n`));
    case '<':
    case '<>': {
      const src = openRead(word, fs, cwd, io);
      return typeof src === 'string' ? { ok: false, error: src } : withFd(io, r.fd ?? 0, src);
    }
    case '>':
    case '>|':
    case '>>':
    case '&>':
    case '&>>': {
      const sink = openWrite(word, fs, cwd, io, { append: r.operator === '>>' || r.operator === '&>>' });
      if (typeof sink === 'string') return { ok: false, error: sink };
      if (r.operator.startsWith('&')) return { ok: true, io: { ...io, stdout: sink, stderr: sink } };
      return withFd(io, r.fd ?? 1, sink);
    }
    case '>&':
    case '<&': {
      const fd = r.fd ?? (r.operator === '>&' ? 1 : 0);
      if (word === '-') return withFd(io, fd, fd === 0 ? textSource('') : NULL_SINK);
      if (word === '1' || word === '2') return withFd(io, fd, word === '1' ? io.stdout : io.stderr);
      if (word === '0') return withFd(io, fd, io.stdin);
      if (r.operator === '>&' && !/^\d+$/.test(word)) {
        const sink = openWrite(word, fs, cwd, io, { append: false });
        return typeof sink === 'string' ? { ok: false, error: sink } : { ok: true, io: { ...io, stdout: sink, stderr: sink } };
      }
      return { ok: false, error: `${word}: Bad file descriptor` };
    }
    default:
      return { ok: true, io };
  }
}

function withFd(io: Io, fd: number, end: Sink | Source): RedirectResult {
  if (fd === 0 && 'read' in end) return { ok: true, io: { ...io, stdin: end } };
  if (fd === 1 && 'write' in end) return { ok: true, io: { ...io, stdout: end } };
  if (fd === 2 && 'write' in end) return { ok: true, io: { ...io, stderr: end } };
  return { ok: true, io };
}

function openRead(path: string, fs: HostFs, cwd: string, io: Io): Source | string {
  if (path === '/dev/null') return textSource('');
  if (path === '/dev/stdin') return io.stdin;
  const abs = resolvePath(cwd, path);
  const text = fs.read(abs);
  if (text === undefined) return `${path}: ${errorText(fs.readError(abs) ?? 'ENOENT')}`;
  return textSource(text);
}

function openWrite(path: string, fs: HostFs, cwd: string, io: Io, opts: { append: boolean }): Sink | string {
  if (path === '/dev/null') return NULL_SINK;
  if (path === '/dev/stdout' || path === '/dev/tty') return io.stdout;
  if (path === '/dev/stderr') return io.stderr;
  const abs = resolvePath(cwd, path);
  const err = fs.write(abs, '', { append: opts.append ? true : false });
  if (err) return `${path}: ${errorText(err)}`;
  return { isTty: false, write: (text) => (fs.write(abs, text, { append: true }), true) };
}

function literalText(parts: readonly { type: string; value?: string }[]): string {
  return parts.map((p) => p.value ?? '').join('');
}
