// Layer tools (host): kmod's `lsmod`: "Module Size Used by" then each loaded module, newest first, as
// "%-19s %8lu  %d" plus the comma-separated modules that use it (from the machine's ModuleSet).

import type { Tool } from '../process.js';

export const lsmod: Tool = async (p) => {
  const m = p.host.machine;
  if (!m) {
    p.err('libkmod: ERROR ../libkmod/libkmod-module.c:1725 kmod_module_new_from_loaded: could not open /proc/modules: No such file or directory\nError: could not get list of modules: No such file or directory\n');
    return 1;
  }
  let out = 'Module                  Size  Used by\n';
  for (const mod of m.modules.list()) {
    out += `${mod.info.name.padEnd(19)} ${String(mod.info.size).padStart(8)}  ${mod.usedBy.length}`;
    if (mod.usedBy.length) out += ` ${mod.usedBy.join(',')}`;
    out += '\n';
  }
  p.out(out);
  return 0;
};
