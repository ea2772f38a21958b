// Layer cli: Tab completion for the interactive shell — command names installed on the current host (with
// builtins, aliases and functions), kubectl verbs, resource types, and the names of objects in the lab
// (pods for `kubectl exec`/`logs`, any listed type after `kubectl get TYPE`), then file names.

import type { Terminal } from '../shell/index.js';
import { BUILTINS } from '../shell/index.js';

const KUBECTL_VERBS = ['annotate', 'apply', 'cluster-info', 'create', 'delete', 'describe', 'exec', 'get', 'label', 'logs', 'patch', 'rollout', 'scale', 'version', 'wait'];
const RESOURCES: Readonly<Record<string, string>> = {
  pods: 'Pod',
  nodes: 'Node',
  deployments: 'Deployment',
  replicasets: 'ReplicaSet',
  daemonsets: 'DaemonSet',
  services: 'Service',
  endpoints: 'Endpoints',
  endpointslices: 'EndpointSlice',
  configmaps: 'ConfigMap',
  namespaces: 'Namespace',
  ciliumnodes: 'CiliumNode',
  ciliumendpoints: 'CiliumEndpoint',
};
const ALIASES: Readonly<Record<string, string>> = { po: 'pods', no: 'nodes', deploy: 'deployments', rs: 'replicasets', ds: 'daemonsets', svc: 'services', ep: 'endpoints', ns: 'namespaces', cep: 'ciliumendpoints', cn: 'ciliumnodes' };

export function completer(terminal: Terminal): (line: string) => [string[], string] {
  return (line) => {
    const words = line.split(/\s+/);
    const cur = words.at(-1) ?? '';
    const candidates = candidatesFor(terminal, words.slice(0, -1));
    const hits = candidates.filter((c) => c.startsWith(cur));
    return [hits.length > 0 ? [...new Set(hits)].sort() : [], cur];
  };
}

function candidatesFor(terminal: Terminal, before: string[]): string[] {
  const top = terminal.top;
  if (!top) return [];
  const st = top.shell.state;
  const args = before.filter((w) => w !== '');
  if (args.length === 0 || /[|;&]$/.test(args.at(-1) ?? '')) {
    const installed = [...terminal.session.commands.keys()].filter((c) => top.host.hasCommand(c));
    return [...BUILTINS.keys(), ...installed, ...st.aliases.keys(), ...st.functions.keys()];
  }
  const cmd = st.aliases.get(args[0] ?? '') ?? args[0];
  if (cmd === 'kubectl') return kubectlCandidates(terminal, args.slice(1));
  return files(terminal);
}

function kubectlCandidates(terminal: Terminal, args: string[]): string[] {
  const verb = args.find((a) => !a.startsWith('-'));
  if (verb === undefined) return KUBECTL_VERBS;
  const rest = args.slice(args.indexOf(verb) + 1).filter((a) => !a.startsWith('-'));
  const api = terminal.session.lab.k8s.api;
  const names = (kind: string) => api.list(kind).map((o) => o.metadata.name ?? '');
  if (args.at(-1) === '-n' || args.at(-1) === '--namespace') return names('Namespace');
  if (verb === 'exec' || verb === 'logs') return names('Pod');
  if (verb === 'get' || verb === 'describe' || verb === 'delete') {
    if (rest.length === 0) return [...Object.keys(RESOURCES), ...Object.keys(ALIASES)];
    const kind = RESOURCES[ALIASES[rest[0] ?? ''] ?? rest[0] ?? ''];
    return kind ? names(kind) : [];
  }
  return [];
}

function files(terminal: Terminal): string[] {
  const top = terminal.top;
  if (!top) return [];
  return top.host.fs.list(top.shell.state.cwd);
}
