// Layer tools (host): kmod's `modprobe [-r] [-n] [-q] [-a] [--first-time] MODULE...`. Loading brings the
// module's dependencies first ("Module X not found in directory /lib/modules/REL" for one the kernel lacks);
// without -a the words after the module are its parameters. -r removes each named module unless another
// holds it ("Module X is in use."), then its dependencies left unused; a driver takes its devices with it.

import { KNOWN_MODULES } from '../../net/kernel-modules.js';
import type { Tool } from '../process.js';

const SHORT = new Set(['r', 'n', 'q', 'a', 'v']);
const LONG: Readonly<Record<string, string>> = { '--remove': 'r', '--dry-run': 'n', '--quiet': 'q', '--all': 'a', '--verbose': 'v', '--first-time': 'F' };

export const modprobe: Tool = async (p) => {
  const m = p.host.machine;
  const flags = new Set<string>();
  const names: string[] = [];
  for (const a of p.argv.slice(1)) {
    if (names.length > 0 || !a.startsWith('-') || a === '-') names.push(a);
    else if (a.startsWith('--')) {
      const f = LONG[a];
      if (!f) return fail(p, `modprobe: unrecognized option '${a}'\n`);
      flags.add(f);
    } else {
      for (const c of a.slice(1)) {
        if (!SHORT.has(c)) return fail(p, `modprobe: invalid option -- '${c}'\n`);
        flags.add(c);
      }
    }
  }
  const quiet = flags.has('q');
  const say = (text: string) => (quiet ? undefined : p.err(`modprobe: FATAL: ${text}\n`));
  if (names.length === 0) return fail(p, 'modprobe: ERROR: missing parameters. See -h.\n');
  const release = m?.kernelRelease ?? '';
  // kmod treats '-' and '_' in module names alike.
  const modName = (raw: string) => raw.replace(/-/g, '_');
  if (flags.has('r')) {
    let status = 0;
    for (const raw of names) {
      const name = modName(raw);
      const r = flags.has('n') ? (name in KNOWN_MODULES ? 'removed' : 'unknown') : (m?.removeModule(name) ?? 'unknown');
      if (r === 'unknown') say(`Module ${raw} not found.`);
      else if (r === 'in-use') say(`Module ${name} is in use.`);
      else if (r === 'not-loaded' && flags.has('F')) say(`Module ${name} is not in kernel.`);
      else continue;
      status = 1;
    }
    return status;
  }
  for (const raw of flags.has('a') ? names : names.slice(0, 1)) {
    const name = modName(raw);
    if (!(name in KNOWN_MODULES) || !m) {
      say(`Module ${raw} not found in directory /lib/modules/${release}`);
      return 1;
    }
    if (flags.has('F') && m.modules.isLoaded(name)) {
      if (!quiet) p.err(`modprobe: ERROR: could not insert '${name}': Module already in kernel\n`);
      return 1;
    }
    if (!flags.has('n')) m.modules.load(name);
  }
  return 0;
};

function fail(p: Parameters<Tool>[0], text: string): number {
  p.err(text);
  return 1;
}
