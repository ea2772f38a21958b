// Layer shell: non-local control flow inside the interpreter, as exceptions the right frame catches:
// break/continue (loops), return (functions, sourced files), exit (the shell or subshell), and Aborted
// (the job got a signal, or a builtin wrote into a closed pipe). FatalExpansion ends the command line.

import type { SignalName } from './signals.js';

export class BreakLoop {
  constructor(public levels: number) {}
}

export class ContinueLoop {
  constructor(public levels: number) {}
}

export class ReturnFrom {
  constructor(readonly code: number) {}
}

export class ExitShell {
  constructor(readonly code: number) {}
}

/** The running code must stop: a signal reached the shell, or a builtin got EPIPE. */
export class Aborted {
  constructor(readonly signal: SignalName) {}
}

/** `${x:?unset}`, a bad substitution, a loop over the run limits: bash prints it and drops the line. */
export class FatalExpansion {
  constructor(
    readonly message: string,
    readonly code = 1,
  ) {}
}
