// Layer tools (hubble): hubble 1.18.0's command tree as its help shows it (hubble/cmd/root.go, status/,
// list/, config/, version/, record/, reflect/, watch/): Use, Short/Long, aliases, the flag sets each
// command registers with template.RegisterFlagSets, printed with hubble's flag-set usage template.

import type { CobraCommand, CobraProgram, FlagSet } from '../cobra-help.js';
import { globalSet, SERVER_SET } from './global-flags.js';
import { OBSERVE_COMMAND } from './observe-help.js';

/** `list nodes` / `list namespaces`: their "Formatting" set (cmd/list/node.go). */
export const LIST_FORMATTING: FlagSet = {
  name: 'Formatting',
  flags: [{ name: 'output', short: 'o', type: 'string', def: 'table', usage: 'Specify the output format, one of:\n json:     JSON encoding\n table:    Tab-aligned columns\n wide:     Tab-aligned columns with additional information' }],
};

/** `status` adds -o to its flags but registers only the server set for its help (cmd/status/status.go). */
export const STATUS_FORMATTING: FlagSet = {
  name: 'Formatting',
  flags: [{ name: 'output', short: 'o', type: 'string', def: 'compact', usage: 'Specify the output format, one of:\n compact:  Compact output\n dict:     Status is shown as KEY:VALUE pair\n json:     JSON encoding\n table:    Tab-aligned columns\n' }],
};

const ROOT: CobraCommand = {
  use: 'hubble',
  short: 'CLI',
  long: 'Hubble is a utility to observe and inspect recent Cilium routed traffic in a cluster.',
  commands: [
    { use: 'completion', short: 'Generate the autocompletion script for the specified shell' },
    { use: 'config', short: 'Modify or view hubble config' },
    {
      use: 'list',
      short: 'List Hubble objects',
      flagSets: [SERVER_SET],
      commands: [
        { use: 'namespaces', short: 'List namespaces with recent flows', runnable: true, flagSets: [LIST_FORMATTING, SERVER_SET] },
        { use: 'nodes', aliases: ['node'], short: 'List Hubble nodes', runnable: true, flagSets: [LIST_FORMATTING, SERVER_SET] },
      ],
    },
    OBSERVE_COMMAND,
    { use: 'record [flags] filter1 filter2 ... filterN', short: 'Capture and record network packets', hidden: true },
    { use: 'reflect', short: "Use gRPC reflection to explore Hubble's API", hidden: true },
    { use: 'status', short: 'Display status of Hubble server', long: 'Display shows the status of the Hubble server. This is intended as a basic\nconnectivity health check.', runnable: true, flagSets: [SERVER_SET] },
    { use: 'version', short: 'Display detailed version information', long: 'Displays information about the version of this software.', runnable: true },
    { use: 'watch', aliases: ['w'], short: 'Watch Hubble objects', hidden: true },
  ],
};

export function hubbleProgram(env: ReadonlyMap<string, string>): CobraProgram {
  return { root: ROOT, template: 'flag-sets', globalSet: globalSet(env) };
}
