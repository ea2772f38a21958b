// Layer tools (cilium): the `cilium` and `cilium-dbg` commands. On a VM (k8s-ctr) `cilium` is cilium-cli
// v0.18.6; inside the agent pod both names are the agent's debug binary (1.18.0), talking to the agent of
// the node the pod runs on. Each command takes the flags its cobra command defines; an unknown
// subcommand or flag gets cobra's error, and a cilium-dbg path ciliumlab lacks answers as the real
// command tree does (cobra-fallback.ts). The CLI's Helm-mode commands (install, upgrade, hubble
// enable/disable, config set/delete) parse pflag-style value flags.

import { hubblePortForward } from './hubble-port-forward.js';
import { ciliumDbgMonitor } from '../hubble/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import type { Process, Tool } from '../process.js';
import { configData } from './agent-facts.js';
import { agentStatus } from './agent-status.js';
import { bpfCt } from './bpf-ct.js';
import { endpointMapList, ipcacheList } from './bpf-maps.js';
import { cliFallback, dbgFallback } from './cobra-fallback.js';
import { wantsHelp } from '../cobra-help.js';
import { bpfNat } from './bpf-nat.js';
import { configView } from './cli.js';
import { cliStatusCommand, STATUS_FLAGS } from './cli-status-flags.js';
import { cliVersion, dbgVersion } from './cli-version.js';
import { dbgConfig } from './dbg-config.js';
import { ENDPOINT_GET, endpointGet } from './endpoint-get.js';
import { ENDPOINT_LIST, endpointListCommand } from './endpoint-list.js';
import { featuresStatus } from './features.js';
import { identityList } from './identity-list.js';
import { nodeList } from './node-list.js';
import { BPF_LB_LIST, bpfLbList, serviceList } from './service-list.js';
import { failFlags, helped, notModelled, parseFlags, type CommandSpec, type Parsed as CobraParsed } from './cobra.js';
import { IP_LIST, ipList } from './ip-list.js';
import { BPF_POLICY_GET, bpfPolicyGet } from './bpf-policy-get.js';
import { POLICY_GET, policyGet } from './policy-get.js';
import type { Lab } from '../../lab/index.js';
import type { FlagSpec, ParsedFlags } from '../helm/flags.js';
import { CONFIG_EDIT_FLAGS, configDelete, configSet } from './cli-config.js';
import { cliInstall, cliUpgrade, INSTALL_FLAGS, UPGRADE_FLAGS } from './cli-helm.js';
import { HUBBLE_ENABLE_FLAGS, hubbleDisable, hubbleEnable } from './cli-hubble.js';
import { cliError, parseCli, type CliScope } from './cli-scope.js';

function agentOf(p: Process): CiliumAgent | undefined {
  const node = p.host.machine?.hostname;
  return node === undefined ? undefined : p.lab.agents.get(node);
}

/** The agent's API socket is absent while no agent runs (pkg/client Hint adds the question). */
const SOCKET_ERROR = 'Get "http://localhost/v1/healthz": dial unix /var/run/cilium/cilium.sock: connect: no such file or directory\nIs the agent running?';

interface Parsed {
  readonly words: string;
  readonly flags: ReadonlySet<string>;
  readonly unknown: string | undefined;
}

/** Splits argv into the subcommand words and the boolean flags; the first flag not in `known` is reported. */
function parse(args: readonly string[], known: (words: string) => readonly string[]): Parsed {
  const words = args.filter((a) => !a.startsWith('-')).join(' ');
  const allowed = new Set(known(words));
  const flags = new Set(args.filter((a) => a.startsWith('-')));
  return { words, flags, unknown: [...flags].find((f) => !allowed.has(f)) };
}

function fail(p: Process, text: string): number {
  p.err(text);
  return 1;
}

const DBG_FLAGS: Readonly<Record<string, readonly string[]>> = {
  status: ['--all-addresses', '--all-controllers', '--all-nodes', '--all-redirects', '--all-clusters', '--all-health', '--brief', '--verbose'],
};

interface DbgCommand {
  readonly spec: CommandSpec;
  readonly run: (p: Process, lab: Lab, agent: CiliumAgent, f: Extract<CobraParsed, { ok: true }>) => number;
}

/** The agent commands parsed with pflag (cobra.ts) by their command path, aliases included. */
const DBG_COMMANDS: Readonly<Record<string, DbgCommand>> = {
  'ip list': { spec: IP_LIST, run: ipList },
  'ip ls': { spec: IP_LIST, run: ipList },
  'bpf lb list': { spec: BPF_LB_LIST, run: bpfLbList },
  'bpf lb ls': { spec: BPF_LB_LIST, run: bpfLbList },
  'policy get': { spec: POLICY_GET, run: (p, _lab, _agent, f) => policyGet(p, f) },
  'bpf policy get': { spec: BPF_POLICY_GET, run: bpfPolicyGet },
  'endpoint list': { spec: ENDPOINT_LIST, run: endpointListCommand },
  'endpoint ls': { spec: ENDPOINT_LIST, run: endpointListCommand },
  'endpoint get': { spec: ENDPOINT_GET, run: endpointGet },
  // endpoint_get.go declares one alias, "inspect, show".
  'endpoint inspect, show': { spec: ENDPOINT_GET, run: endpointGet },
};

/** The agent commands that take only boolean flags, by path: what each prints (`has` tells a flag given). */
const DBG_OUTPUTS: Readonly<Record<string, (lab: Lab, agent: CiliumAgent, has: (flag: string) => boolean) => string>> = {
  status: (lab, agent, has) => (has('--brief') ? 'OK\n' : agentStatus(lab, agent, { allAddresses: has('--all-addresses'), verbose: has('--verbose') })),
  'service list': (lab, agent) => serviceList(lab, agent),
  'identity list': (lab, agent) => identityList(lab, agent),
  'node list': (_lab, agent) => nodeList(agent),
  config: (lab) => dbgConfig(configData(lab)),
  'bpf ipcache list': (_lab, agent) => ipcacheList(agent),
  'bpf endpoint list': (_lab, agent) => endpointMapList(agent),
};

/** A DBG_COMMANDS command named by the first two or three words; undefined for any other. */
function dbgCommand(p: Process, agent: CiliumAgent | undefined): number | undefined {
  const [, w1 = '', w2 = '', w3 = ''] = p.argv;
  const three = DBG_COMMANDS[`${w1} ${w2} ${w3}`];
  const cmd = three ?? DBG_COMMANDS[`${w1} ${w2}`];
  if (!cmd) return undefined;
  const f = parseFlags(cmd.spec, p.argv.slice(three ? 4 : 3));
  if (!f.ok) return failFlags(p, cmd.spec, f.error);
  if (f.isHelp) return helped(p, cmd.spec);
  if (!agent || agent.phase !== 'running') return fail(p, `Error: Unable to reach agent: ${SOCKET_ERROR}\n`);
  return cmd.run(p, p.lab, agent, f);
}

/** monitor, bpf ct and bpf nat; undefined for any other command (or subcommand they do not know). */
function flagParsingCommand(p: Process, agent: CiliumAgent | undefined): Promise<number> | number | undefined {
  const [, w1, w2, w3] = p.argv;
  if (w1 === 'monitor') return ciliumDbgMonitor(p, p.argv.slice(2));
  if (w1 !== 'bpf' || (w2 !== 'ct' && w2 !== 'nat') || w3 === undefined) return undefined;
  if (!agent || agent.phase !== 'running') return fail(p, `Error: Unable to reach agent: ${SOCKET_ERROR}\n`);
  return (w2 === 'ct' ? bpfCt : bpfNat)(p, agent, w3, p.argv.slice(4));
}

const ciliumDbg: Tool = async (p) => {
  const agent = agentOf(p);
  const own = flagParsingCommand(p, agent) ?? dbgCommand(p, agent);
  if (own !== undefined) return own;
  const { words, flags, unknown } = parse(p.argv.slice(1), (w) => DBG_FLAGS[w] ?? []);
  const print = DBG_OUTPUTS[words.replace(/ ls$/, ' list')];
  if (words !== 'version' && !print) return dbgFallback(p, p.argv.slice(1));
  if (wantsHelp(p.argv.slice(1))) return notModelled(p, `the help of cilium-dbg ${words}`);
  if (unknown !== undefined) return fail(p, `Error: unknown flag: ${unknown}\n`);
  const isUp = agent !== undefined && agent.phase === 'running';
  if (words === 'version') return dbgVersion(p, { isAgentUp: isUp });
  if (!agent || !isUp) return fail(p, words === 'status' ? `${SOCKET_ERROR}\n` : `Error: Unable to reach agent: ${SOCKET_ERROR}\n`);
  if (print) p.out(print(p.lab, agent, (f) => flags.has(f)));
  return 0;
};

const CLI_FLAGS: Readonly<Record<string, readonly string[]>> = {
  version: ['--client'],
};

interface CliCommand {
  readonly flags: readonly FlagSpec[];
  readonly run: (p: Process, scope: CliScope, f: ParsedFlags) => number | Promise<number>;
}

/** The commands that take value flags (--set k=v, --wait-duration D) and the root's persistent ones. */
const FLAG_COMMANDS: Readonly<Record<string, CliCommand>> = {
  status: { flags: STATUS_FLAGS, run: (p, _scope, f) => cliStatusCommand(p, f) },
  install: { flags: INSTALL_FLAGS, run: cliInstall },
  upgrade: { flags: UPGRADE_FLAGS, run: cliUpgrade },
  'hubble enable': { flags: HUBBLE_ENABLE_FLAGS, run: hubbleEnable },
  'hubble disable': { flags: [], run: hubbleDisable },
  'config set': { flags: CONFIG_EDIT_FLAGS, run: configSet },
  'config delete': { flags: CONFIG_EDIT_FLAGS, run: configDelete },
};

function flagCommand(p: Process): Promise<number> | number | undefined {
  const [, w1 = '', w2 = ''] = p.argv;
  const two = FLAG_COMMANDS[`${w1} ${w2}`];
  const cmd = two ?? FLAG_COMMANDS[w1];
  if (!cmd) return undefined;
  if (wantsHelp(p.argv.slice(two ? 3 : 2))) return notModelled(p, `the help of cilium ${two ? `${w1} ${w2}` : w1}`);
  const parsed = parseCli(p, p.argv.slice(two ? 3 : 2), cmd.flags);
  return parsed ? cmd.run(p, parsed.scope, parsed.f) : 1;
}

/** The cilium-cli commands that take only boolean flags (the rest parse flags in FLAG_COMMANDS, or fall back). */
const CLI_OUTPUTS: Readonly<Record<string, (p: Process, has: (flag: string) => boolean) => number | Promise<number>>> = {
  'config view': configView,
  'features status': featuresStatus,
  version: (p, has) => cliVersion(p, { clientOnly: has('--client') }),
  'hubble port-forward': hubblePortForward,
};

const CONNECTIVITY_TEST = 'ciliumlab: `cilium connectivity test` is not modelled (it deploys its own test workloads); check paths with ping, curl and `ciliumlab trace`';

const ciliumCli: Tool = async (p) => {
  const own = flagCommand(p);
  if (own !== undefined) return own;
  const { words, flags, unknown } = parse(p.argv.slice(1), (w) => CLI_FLAGS[w] ?? []);
  if (words === 'connectivity test') return cliError(p, CONNECTIVITY_TEST);
  const run = CLI_OUTPUTS[words];
  if (!run) return cliFallback(p, p.argv.slice(1));
  if (wantsHelp(p.argv.slice(1))) return notModelled(p, `the help of cilium ${words}`);
  if (unknown !== undefined) return cliError(p, `unknown flag: ${unknown}`);
  return run(p, (f) => flags.has(f));
};

export const commands: Record<string, Tool> = {
  cilium: (p) => (p.host.kind === 'pod' ? ciliumDbg(p) : ciliumCli(p)),
  'cilium-dbg': ciliumDbg,
};
