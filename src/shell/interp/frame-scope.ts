// Layer shell: the expansion scope of a frame — `$( )` and `<( )` run in subshells of the frame's shell,
// pathname expansion walks the host's files — and the status of the last command substitution, which
// becomes `$?` of a command made only of assignments (x=$(false); echo $? prints 1).

import { parse } from 'just-bash';
import { hasGlobChars, matchPattern, unescapePattern } from './pattern.js';
import { resolvePath, type HostFs } from '../hosts/host-fs.js';
import { readAll } from '../io/streams.js';
import type { ScriptNode } from '../syntax/ast.js';
import type { ExpandScope } from './expand.js';
import type { Interpreter } from './interpreter.js';
import type { Frame } from './runtime.js';
import { exited } from './signals.js';
import { Aborted } from './control.js';
import { Pipe } from '../io/pipe.js';

export interface FrameScope extends ExpandScope {
  /** Exit status of the last `$( )` run through this scope. */
  substitutionStatus: number | undefined;
}

export function frameScope(interp: Interpreter, f: Frame): FrameScope {
  let fdCounter = 63;
  const scope: FrameScope = {
    state: f.state,
    home: '/root',
    substitutionStatus: undefined,
    commandSubstitution: async (body: ScriptNode | string) => {
      const script = typeof body === 'string' ? parse(body) : body;
      const pipe = new Pipe();
      const reading = readAll(pipe.reader);
      const st = await interp.subshell(f, { ...f.io, stdout: pipe.writer }, async (sf) => exited(await interp.run(script, sf)));
      pipe.closeWrite();
      scope.substitutionStatus = st.code;
      if (st.signal && st.signal !== 'PIPE') throw new Aborted(st.signal);
      return reading;
    },
    processSubstitution: async (body: ScriptNode) => {
      const out = await scope.commandSubstitution(body);
      const path = `/dev/fd/${fdCounter--}`;
      interp.rt.fs.mkdirp('/dev/fd');
      interp.rt.fs.write(path, `${out}\n`);
      return path;
    },
    glob: (pattern: string) => globPaths(interp.rt.fs, f.state.cwd, pattern),
  };
  return scope;
}

/** Pathname expansion: each `/`-separated part with wildcards is matched against a directory listing. */
export function globPaths(fs: HostFs, cwd: string, pattern: string): string[] {
  const isAbs = pattern.startsWith('/');
  const parts = pattern.split('/').filter((p) => p !== '');
  let found: string[] = [isAbs ? '/' : ''];
  for (const part of parts) {
    const next: string[] = [];
    for (const base of found) {
      const dir = resolvePath(cwd, base === '' ? '.' : base);
      const join = (name: string) => (base === '' ? name : base.endsWith('/') ? `${base}${name}` : `${base}/${name}`);
      if (!hasGlobChars(part)) {
        const p = join(unescapePattern(part));
        if (fs.exists(resolvePath(cwd, p))) next.push(p);
        continue;
      }
      if (!fs.isDir(dir)) continue;
      for (const name of fs.list(dir)) {
        if (name.startsWith('.') && !part.startsWith('.')) continue;
        if (matchPattern(part, name)) next.push(join(name));
      }
    }
    found = next;
  }
  return found.filter((p) => p !== '' && p !== '/').sort();
}
