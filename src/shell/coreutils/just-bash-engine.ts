// Layer shell: where just-bash's interpreter (Bash, InMemoryFs) comes from for the delegated utilities.
// The shell itself needs only just-bash's parser; the interpreter is most of the package and only awk,
// sed, jq and the like use it. Node has it at hand. The browser build swaps this module for one that
// loads the interpreter as a separate script when the first of those commands runs
// (web/src/app/just-bash-engine.ts), keeping it out of the page's main script.

import { Bash, InMemoryFs } from 'just-bash';

export interface JustBash {
  readonly Bash: typeof Bash;
  readonly InMemoryFs: typeof InMemoryFs;
}

export function loadJustBash(): Promise<JustBash> {
  return Promise.resolve({ Bash, InMemoryFs });
}
