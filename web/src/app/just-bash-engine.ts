// web (app): just-bash's interpreter for the delegated utilities (awk, sed, jq, ...), in place of
// src/shell/coreutils/just-bash-engine.ts (the Vite build swaps the module): assets/just-bash.js, built
// from the package by the Vite config, is loaded with the first such command. It is a third of what the
// main script would otherwise be, and the shell needs only just-bash's parser, which stays in it.

import type { JustBash } from '../../../src/shell/coreutils/just-bash-engine.js';
import { loadScript } from './load-script.js';

export function loadJustBash(): Promise<JustBash> {
  return loadScript<JustBash>('just-bash.js', 'ciliumlabJustBash');
}
