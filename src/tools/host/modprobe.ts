// Layer tools (host): kmod's `modprobe [-n] [-q] [-a] MODULE...`: loads the module and its dependencies on
// the machine, or "Module X not found in directory /lib/modules/REL" (status 1). Without -a the words after
// the module are its parameters. Unloading (-r) is not modelled: the core's ModuleSet has no unload.

import { KNOWN_MODULES } from '../../net/kernel-modules.js';
import type { Tool } from '../process.js';

export const modprobe: Tool = async (p) => {
  const m = p.host.machine;
  const args = p.argv.slice(1);
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  const names = args.filter((a) => !a.startsWith('-'));
  const quiet = flags.has('-q') || flags.has('--quiet');
  const dryRun = flags.has('-n') || flags.has('--dry-run');
  if (names.length === 0) {
    p.err('modprobe: ERROR: missing parameters. See -h.\n');
    return 1;
  }
  const mods = flags.has('-a') || flags.has('--all') ? names : names.slice(0, 1);
  for (const raw of mods) {
    // kmod treats '-' and '_' in module names alike.
    const name = raw.replace(/-/g, '_');
    const ok = m !== undefined && (dryRun ? name in KNOWN_MODULES : m.modules.load(name));
    if (!ok) {
      if (!quiet) p.err(`modprobe: FATAL: Module ${raw} not found in directory /lib/modules/${m?.kernelRelease ?? ''}\n`);
      return 1;
    }
  }
  return 0;
};
