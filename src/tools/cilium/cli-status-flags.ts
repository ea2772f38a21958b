// Layer tools (cilium): `cilium status` flags of cilium-cli v0.18.6 (cli/status.go): --wait,
// --wait-duration (default 5m0s), --ignore-warnings, --interactive (redraw while waiting), --worker-count,
// -o/--output (summary; json and text are not modelled) and -p/--pod, plus the root's persistent flags.

import { flagBool, flagValue, type FlagSpec, type ParsedFlags } from '../helm/flags.js';
import { parseGoDurationUs } from '../go-duration.js';
import type { Process } from '../process.js';
import { cliStatus } from './cli-status.js';
import { cliError } from './cli-scope.js';

export const STATUS_FLAGS: readonly FlagSpec[] = [
  { name: 'wait', kind: 'bool' },
  { name: 'wait-duration', kind: 'string' },
  { name: 'ignore-warnings', kind: 'bool' },
  { name: 'interactive', kind: 'bool' },
  { name: 'worker-count', kind: 'string' },
  { name: 'output', short: 'o', kind: 'string' },
  { name: 'pod', short: 'p', kind: 'string' },
];

/** defaults.StatusWaitDuration. */
const DEFAULT_WAIT_US = 300_000_000;

export async function cliStatusCommand(p: Process, f: ParsedFlags): Promise<number> {
  const duration = flagValue(f, 'wait-duration');
  const waitUs = duration === undefined ? DEFAULT_WAIT_US : parseGoDurationUs(duration);
  if (waitUs === undefined) return cliError(p, `invalid argument "${duration ?? ''}" for "--wait-duration" flag: time: invalid duration "${duration ?? ''}"`);
  const workers = flagValue(f, 'worker-count');
  if (workers !== undefined && !/^[+-]?\d+$/.test(workers)) return cliError(p, `invalid argument "${workers}" for "--worker-count" flag: strconv.ParseInt: parsing "${workers}": invalid syntax`);
  const output = flagValue(f, 'output') ?? 'summary';
  if (output !== 'summary') {
    p.err(`ciliumlab: cilium status -o ${output} is not modelled (the summary is)\n`);
    return 2;
  }
  const interactive = flagValue(f, 'interactive') === undefined ? true : flagBool(f, 'interactive');
  return cliStatus(p, { wait: flagBool(f, 'wait'), ignoreWarnings: flagBool(f, 'ignore-warnings'), waitUs, interactive });
}
