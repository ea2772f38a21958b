// Layer shell: file commands over the host's files — ls (names, -1, -a, -l with plausible modes), mkdir
// (-p), touch, rm (-f, -r), and the external echo and printf (`xargs echo`, `kubectl exec POD -- echo`).

import type { Tool } from '../../tools/process.js';
import { errorText } from '../hosts/host-fs.js';
import { getopt, has } from './getopt.js';
import { absPath, hostFsOf, usageError } from './input.js';
import { formatPrintf, unescapeAll } from './printf-format.js';

export const ls: Tool = async (p) => {
  const o = getopt('ls', p.argv.slice(1), { flags: 'alh1dFrtS', withValue: '', long: { all: { key: 'a', hasValue: false } } });
  if ('error' in o) return usageError(p, 'ls', o.error, 2);
  const fs = hostFsOf(p);
  if (!fs) return 2;
  const targets = o.operands.length > 0 ? o.operands : ['.'];
  let code = 0;
  for (const [i, t] of targets.entries()) {
    const abs = absPath(p, t);
    if (!fs.exists(abs)) {
      p.err(`ls: cannot access '${t}': No such file or directory\n`);
      code = 2;
      continue;
    }
    const names = fs.isDir(abs) && !has(o, 'd') ? fs.list(abs).filter((n) => has(o, 'a') || !n.startsWith('.')) : [t];
    if (targets.length > 1 && fs.isDir(abs)) p.out(`${i > 0 ? '\n' : ''}${t}:\n`);
    for (const n of names) {
      if (!has(o, 'l')) {
        p.out(`${n}\n`);
        continue;
      }
      const path = fs.isDir(abs) && !has(o, 'd') ? `${abs === '/' ? '' : abs}/${n}` : abs;
      const isDir = fs.isDir(path);
      const size = isDir ? 4096 : new TextEncoder().encode(fs.read(path) ?? '').length;
      p.out(`${isDir ? 'drwxr-xr-x' : '-rw-r--r--'} ${isDir ? 2 : 1} root root ${String(size).padStart(5)} Aug  3 20:37 ${n}\n`);
    }
  }
  return code;
};

export const mkdir: Tool = async (p) => {
  const o = getopt('mkdir', p.argv.slice(1), { flags: 'pv', withValue: 'm', long: { parents: { key: 'p', hasValue: false } } });
  if ('error' in o) return usageError(p, 'mkdir', o.error);
  const fs = hostFsOf(p);
  if (!fs) return 1;
  let code = 0;
  for (const d of o.operands) {
    const abs = absPath(p, d);
    const parent = abs.slice(0, abs.lastIndexOf('/')) || '/';
    if (fs.exists(abs) && !has(o, 'p')) {
      p.err(`mkdir: cannot create directory '${d}': File exists\n`);
      code = 1;
    } else if (!has(o, 'p') && !fs.isDir(parent)) {
      p.err(`mkdir: cannot create directory '${d}': No such file or directory\n`);
      code = 1;
    } else fs.mkdirp(abs);
  }
  return code;
};

export const touch: Tool = async (p) => {
  const fs = hostFsOf(p);
  let code = 0;
  for (const f of p.argv.slice(1).filter((a) => !a.startsWith('-'))) {
    const err = fs?.write(absPath(p, f), '', { append: true });
    if (err) {
      p.err(`touch: cannot touch '${f}': ${errorText(err)}\n`);
      code = 1;
    }
  }
  return code;
};

export const rm: Tool = async (p) => {
  const o = getopt('rm', p.argv.slice(1), { flags: 'rRfiv', withValue: '', long: { recursive: { key: 'r', hasValue: false }, force: { key: 'f', hasValue: false } } });
  if ('error' in o) return usageError(p, 'rm', o.error);
  const fs = hostFsOf(p);
  let code = 0;
  for (const f of o.operands) {
    const abs = absPath(p, f);
    if (fs?.isDir(abs) && !has(o, 'r') && !has(o, 'R')) {
      p.err(`rm: cannot remove '${f}': Is a directory\n`);
      code = 1;
      continue;
    }
    const err = fs?.remove(abs);
    if (err === 'ENOENT' && !has(o, 'f')) {
      p.err(`rm: cannot remove '${f}': No such file or directory\n`);
      code = 1;
    }
  }
  return code;
};

export const echo: Tool = async (p) => {
  let args = p.argv.slice(1);
  let newline = true;
  let escapes = false;
  while (args[0] !== undefined && /^-[neE]+$/.test(args[0])) {
    newline &&= !args[0].includes('n');
    escapes = args[0].includes('e');
    args = args.slice(1);
  }
  const text = args.join(' ');
  p.out(`${escapes ? unescapeAll(text) : text}${newline ? '\n' : ''}`);
  return 0;
};

export const printf: Tool = async (p) => {
  const [format, ...args] = p.argv.slice(1);
  if (format === undefined) {
    p.err("printf: missing operand\nTry 'printf --help' for more information.\n");
    return 1;
  }
  const r = formatPrintf(format, args);
  p.out(r.text);
  for (const e of r.errors) p.err(`printf: ${e}\n`);
  return r.errors.length > 0 ? 1 : 0;
};
