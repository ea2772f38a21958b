// Layer tools (kubectl): `kubectl rollout` and its subcommands (kubectl/pkg/cmd/rollout). Without a
// subcommand it prints its help on stderr and fails, as cmdutil.DefaultSubCommandRun does.

import type { Command } from '../cli/command.js';
import { rolloutHistoryCommand, rolloutPauseCommand, rolloutResumeCommand, rolloutUndoCommand } from './rollout-history.js';
import { rolloutRestartCommand } from './rollout-restart.js';
import { rolloutStatusCommand } from './rollout-status.js';

export const rolloutCommand: Command = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  long: 'Manage the rollout of one or many resources.\n\n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  subcommands: [rolloutHistoryCommand, rolloutPauseCommand, rolloutRestartCommand, rolloutResumeCommand, rolloutStatusCommand, rolloutUndoCommand],
};
