// Layer tools (hubble): the `hubble` CLI 1.18 (hubble/cmd/root.go): `observe` (and `observe flows`) and
// `status`. Cobra's errors are silenced and main prints the error alone on stderr, exit status 1.

import type { Tool } from '../process.js';
import { observe } from './observe.js';
import { status } from './status.js';

export const hubble: Tool = async (p) => {
  const [cmd, ...rest] = p.argv.slice(1);
  switch (cmd) {
    case 'observe':
      return observe(p, rest[0] === 'flows' ? rest.slice(1) : rest);
    case 'status':
      return status(p, rest);
    default:
      p.err(`unknown command ${JSON.stringify(cmd ?? '')} for "hubble"\n`);
      return 1;
  }
};
