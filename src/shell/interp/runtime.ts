// Layer shell: what the interpreter needs from the world around one bash process — the host (its files
// and the commands installed on it), a way to start a command as a process, the job table, the history,
// and the clock hooks — plus the frame every statement runs in (state, stdin/stdout/stderr, job).

import type { Tool } from '../../tools/process.js';
import type { HostFs } from '../hosts/host-fs.js';
import type { Sink, Source } from '../io/streams.js';
import type { Job } from './job.js';
import type { JobTable } from './job-table.js';
import type { ShellState } from './shell-state.js';
import type { Status } from './signals.js';

export interface Io {
  readonly stdin: Source;
  readonly stdout: Sink;
  readonly stderr: Sink;
}

/** One frame of execution: the shell state it changes, where its I/O goes and the job it belongs to. */
export interface Frame {
  readonly state: ShellState;
  readonly io: Io;
  readonly job: Job;
  /** Inside a pipeline stage, `( )` or `$( )`: `exit` ends only the subshell. */
  readonly isSubshell: boolean;
}

/** How a shell reports errors: bash ("bash: foo: command not found"), or busybox sh ("sh: foo: not found"). */
export type ShellFlavor = 'bash' | 'sh';

export interface ShellRuntime {
  readonly flavor: ShellFlavor;
  /** Interactive shells drop the failing line; scripts prefix errors with "line N:". */
  readonly isInteractive: boolean;
  readonly fs: HostFs;
  readonly jobs: JobTable;
  /** Commands entered so far (the `history` builtin); empty for scripts. */
  readonly history: string[];
  /** Finds an installed command (an emulated tool, a text utility, ssh...). */
  findCommand(name: string): Tool | undefined;
  /** Runs a command as a process of `frame.job` with argv, the exported environment and cwd of `frame`. */
  runTool(tool: Tool, argv: readonly string[], frame: Frame, env: ReadonlyMap<string, string>): Promise<Status>;
  /** Lets timers and other jobs run (a tight loop calls it now and then). */
  yieldNow(): Promise<void>;
  /** Loop passes a non-interactive run may make before it is stopped; Infinity when a person can press Ctrl-C. */
  readonly maxLoopIterations: number;
  nextPid(): number;
  /** The line offset added to parser line numbers in error messages (a script fed line by line). */
  lineBase: number;
}
