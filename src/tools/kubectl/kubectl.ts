// Layer tools (kubectl): kubectl 1.33 as an emulated command — the root command with its verbs, run against
// the lab's apiserver. Each verb lives in verbs/; printers, JSONPath and Go text formats in their folders.

import type { Tool } from '../process.js';
import type { Command } from './cli/command.js';
import { GLOBAL_FLAGS } from './cli/common-flags.js';
import { execute } from './cli/execute.js';
import { apiResourcesCommand } from './verbs/api-resources.js';
import { applyCommand } from './verbs/apply.js';
import { authCommand } from './verbs/auth.js';
import { clusterInfoCommand } from './verbs/cluster-info.js';
import { configCommand } from './verbs/config.js';
import { createCommand } from './verbs/create.js';
import { deleteCommand } from './verbs/delete.js';
import { describeCommand } from './verbs/describe.js';
import { cordonCommand, drainCommand, uncordonCommand } from './verbs/drain.js';
import { execCommand } from './verbs/exec.js';
import { exposeCommand } from './verbs/expose.js';
import { getCommand } from './verbs/get.js';
import { annotateCommand, labelCommand } from './verbs/label-annotate.js';
import { logsCommand } from './verbs/logs.js';
import { patchCommand } from './verbs/patch.js';
import { rolloutCommand } from './verbs/rollout.js';
import { runCommand } from './verbs/run.js';
import { scaleCommand } from './verbs/scale.js';
import { setCommand } from './verbs/set.js';
import { topCommand } from './verbs/top.js';
import { versionCommand } from './verbs/version.js';
import { waitCommand } from './verbs/wait.js';

export const ROOT: Command = {
  name: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/',
  usage: 'kubectl [flags] [options]',
  groups: [
    { title: 'Basic Commands (Beginner):', names: ['create', 'expose', 'run', 'set'] },
    { title: 'Basic Commands (Intermediate):', names: ['explain', 'get', 'edit', 'delete'] },
    { title: 'Deploy Commands:', names: ['rollout', 'scale', 'autoscale'] },
    { title: 'Cluster Management Commands:', names: ['certificate', 'cluster-info', 'top', 'cordon', 'uncordon', 'drain', 'taint'] },
    { title: 'Troubleshooting and Debugging Commands:', names: ['describe', 'logs', 'attach', 'exec', 'port-forward', 'proxy', 'cp', 'auth', 'debug', 'events'] },
    { title: 'Advanced Commands:', names: ['diff', 'apply', 'patch', 'replace', 'wait', 'kustomize'] },
    { title: 'Settings Commands:', names: ['label', 'annotate', 'completion'] },
  ],
  subcommands: [
    annotateCommand, apiResourcesCommand, applyCommand, authCommand, clusterInfoCommand, configCommand, cordonCommand, createCommand, deleteCommand, describeCommand,
    drainCommand, execCommand, exposeCommand, getCommand, labelCommand, logsCommand, patchCommand, rolloutCommand, runCommand, scaleCommand, setCommand, topCommand,
    uncordonCommand, versionCommand, waitCommand,
  ],
};

/** @example await kubectl(process) // argv ['kubectl', 'get', 'pods'] */
export const kubectl: Tool = (p) => execute(p, ROOT, GLOBAL_FLAGS);
