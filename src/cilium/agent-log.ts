// Layer cilium: the agent's structured log (slog records: time, level, msg and key/value attributes, as
// Cilium 1.18 logs them). `kubectl logs` renders these records in the agent's text format.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogRecord {
  readonly timeUs: number;
  readonly level: LogLevel;
  readonly msg: string;
  readonly attrs: ReadonlyArray<readonly [string, string]>;
}

export class AgentLog {
  readonly records: LogRecord[] = [];

  constructor(private readonly clock: () => number) {}

  add(level: LogLevel, msg: string, attrs: ReadonlyArray<readonly [string, string]> = []): void {
    this.records.push({ timeUs: this.clock(), level, msg, attrs });
  }
}
