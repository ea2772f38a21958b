// Layer tools (cilium): the `cilium` and `cilium-dbg` commands. On a VM (k8s-ctr) `cilium` is the
// cilium-cli; inside the agent pod both names are the agent's debug binary, talking to the agent of the
// node the pod runs on. Unknown subcommands get cobra's error text.

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Process, Tool } from '../process.js';
import { agentStatus } from './agent-status.js';
import { ipcacheList, tunnelList } from './bpf-maps.js';
import { configView, featuresStatus } from './cli.js';

function agentOf(p: Process): CiliumAgent | undefined {
  const node = p.host.machine?.hostname;
  return node === undefined ? undefined : p.lab.agents.get(node);
}

const DBG_DOWN = 'Error: Unable to reach agent: Get "http://localhost/v1/healthz": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\n';

function unknown(p: Process, word: string, cmd: string): number {
  p.err(`Error: unknown command "${word}" for "${cmd}"\nRun '${cmd} --help' for usage.\n`);
  return 1;
}

const ciliumDbg: Tool = async (p) => {
  const agent = agentOf(p);
  const args = p.argv.slice(1);
  const words = args.filter((a) => !a.startsWith('-')).join(' ');
  if (!agent || agent.phase !== 'running') {
    p.err(DBG_DOWN);
    return 1;
  }
  if (words === 'status') {
    const spec = p.lab.spec.hosts.find((h) => h.name === agent.nodeName);
    p.out(agentStatus(agent, { allAddresses: args.includes('--all-addresses'), cpus: spec?.cpus ?? 2, k8sVersion: p.lab.spec.kubernetes.version }));
    return 0;
  }
  if (words === 'bpf tunnel list') {
    p.out(tunnelList(agent));
    return 0;
  }
  if (words === 'bpf ipcache list') {
    p.out(ipcacheList(agent));
    return 0;
  }
  return unknown(p, words.split(' ')[0] ?? '', 'cilium-dbg');
};

const ciliumCli: Tool = async (p) => {
  const words = p.argv.slice(1).filter((a) => !a.startsWith('-')).join(' ');
  if (words === 'config view') return configView(p);
  if (words === 'features status') return featuresStatus(p);
  if (words === 'hubble port-forward') {
    await p.until(() => p.isInterrupted);
    return 0;
  }
  return unknown(p, words.split(' ')[0] ?? '', 'cilium');
};

export const commands: Record<string, Tool> = {
  cilium: (p) => (p.host.kind === 'pod' ? ciliumDbg(p) : ciliumCli(p)),
  'cilium-dbg': ciliumDbg,
};
