// Layer shell: text utilities taken from just-bash (awk, sed, sort, uniq, jq, column, ...): they need
// their whole input, so stdin is read to EOF first; files named on the command line are copied from the
// host into just-bash's in-memory files for the run, and files it changed (sed -i) are copied back.
// The browser loads just-bash's interpreter when the first of them runs (just-bash-engine.ts).

import type { Bash, InMemoryFs } from 'just-bash';
import type { Tool } from '../../tools/process.js';
import { parentOf } from '../hosts/host-fs.js';
import { absPath, hostFsOf } from './input.js';
import { loadJustBash } from './just-bash-engine.js';

/** Commands taken from just-bash as they are. */
export const DELEGATED = ['awk', 'gawk', 'sed', 'sort', 'jq', 'yq', 'column', 'rev', 'tac', 'nl', 'paste', 'fold', 'expr', 'base64', 'md5sum', 'sha256sum', 'diff', 'comm', 'join', 'od', 'expand', 'strings'] as const;

let engine: Promise<{ bash: Bash; fs: InMemoryFs }> | undefined;

/** One just-bash instance for every delegated command (loaded and created on first use). */
function getEngine(): Promise<{ bash: Bash; fs: InMemoryFs }> {
  engine ??= loadJustBash().then(({ Bash, InMemoryFs }) => {
    const fs = new InMemoryFs();
    return { bash: new Bash({ fs, cwd: '/', defenseInDepth: false }), fs };
  });
  engine.catch(() => (engine = undefined));
  return engine;
}

export function delegated(name: string): Tool {
  return async (p) => {
    const { bash, fs } = await getEngine();
    const host = hostFsOf(p);
    const copied = new Map<string, string>();
    for (const a of p.argv.slice(1)) {
      const abs = absPath(p, a);
      const text = a.startsWith('-') ? undefined : p.host.readFile(abs);
      if (text === undefined || host?.isDir(abs)) continue;
      fs.mkdirSync(parentOf(abs), { recursive: true });
      fs.writeFileSync(abs, text);
      copied.set(abs, text);
    }
    const cwd = p.cwd ?? '/';
    fs.mkdirSync(cwd, { recursive: true });
    const stdin = p.stdin.isTty ? '' : await p.stdin.readAll();
    const r = await bash.exec(name === 'gawk' ? 'awk' : name, { args: p.argv.slice(1), stdin, cwd, env: Object.fromEntries(p.env), replaceEnv: true });
    for (const [abs, before] of copied) {
      const after = await fs.readFile(abs);
      if (after !== before) p.host.writeFile(abs, after);
      await fs.rm(abs, { force: true });
    }
    p.out(r.stdout);
    p.err(r.stderr);
    return r.exitCode;
  };
}
