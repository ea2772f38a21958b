// Layer shell: signals and exit statuses. A command that dies of a signal exits with 128 + its number
// (SIGINT 130, SIGPIPE 141, SIGTERM 143), as bash reports it in `$?`; the names are kill(1)'s.

export type SignalName = 'HUP' | 'INT' | 'KILL' | 'PIPE' | 'TERM';

export const SIGNAL_NUMBERS: Readonly<Record<SignalName, number>> = { HUP: 1, INT: 2, KILL: 9, PIPE: 13, TERM: 15 };

/** How a command ended: its exit code, and the signal that killed it, if one did. */
export interface Status {
  readonly code: number;
  readonly signal?: SignalName;
}

export function exited(code: number): Status {
  return { code };
}

export function killedBy(signal: SignalName): Status {
  return { code: 128 + SIGNAL_NUMBERS[signal], signal };
}

/** `kill -l 15`, `kill -TERM`, `kill -s term`: a signal name from what a user types. */
export function parseSignal(text: string): SignalName | undefined {
  const t = text.replace(/^-/, '').toUpperCase().replace(/^SIG/, '');
  if (/^\d+$/.test(t)) return (Object.keys(SIGNAL_NUMBERS) as SignalName[]).find((s) => SIGNAL_NUMBERS[s] === Number(t));
  return t in SIGNAL_NUMBERS ? (t as SignalName) : undefined;
}

/** The word `jobs` shows for a job a signal ended. */
export function signalDescription(signal: SignalName): string {
  switch (signal) {
    case 'HUP':
      return 'Hangup';
    case 'INT':
      return 'Interrupt';
    case 'KILL':
      return 'Killed';
    case 'PIPE':
      return 'Broken pipe';
    case 'TERM':
      return 'Terminated';
  }
}
