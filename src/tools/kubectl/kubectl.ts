// Layer tools (kubectl): kubectl 1.33 as an emulated command — the root command with its verbs, run against
// the lab's apiserver. Each verb lives in verbs/; printers, JSONPath and Go text formats in their folders.

import type { Tool } from '../process.js';
import type { Command } from './cli/command.js';
import { GLOBAL_FLAGS } from './cli/common-flags.js';
import { execute } from './cli/execute.js';
import { applyCommand } from './verbs/apply.js';
import { createCommand } from './verbs/create.js';
import { deleteCommand } from './verbs/delete.js';
import { describeCommand } from './verbs/describe.js';
import { execCommand } from './verbs/exec.js';
import { getCommand } from './verbs/get.js';
import { logsCommand } from './verbs/logs.js';

export const ROOT: Command = {
  name: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/',
  usage: 'kubectl [flags] [options]',
  subcommands: [applyCommand, createCommand, deleteCommand, describeCommand, execCommand, getCommand, logsCommand],
};

/** @example await kubectl(process) // argv ['kubectl', 'get', 'pods'] */
export const kubectl: Tool = (p) => execute(p, ROOT, GLOBAL_FLAGS);
