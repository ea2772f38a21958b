// Layer tools (cilium): the agent's controllers (pkg/controller) as `cilium-dbg status` counts them and
// --verbose lists them, and as `endpoint get` shows an endpoint's (GetStatusModel): the daemon's own (names
// and intervals as in 1.18.0's status output and its options: k8s-heartbeat 30s, endpoint-gc 5m,
// endpoint-periodic-regeneration 2m, ...) and each endpoint's with the ControllerParams of pkg/endpoint and
// pkg/endpointmanager, where a restored endpoint has restoring-ep-identity instead of resolve-identity.

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Endpoint } from '../../cilium/endpoint.js';
import type { Lab } from '../../lab/index.js';
import { hostEndpointId } from './agent-facts.js';
import { goSeconds } from './go-fmt.js';
import { tabwrite } from './tabwriter.js';

/** A controller as scheduled: it runs when created, then every `intervalUs` (0: once). */
export interface Controller {
  readonly name: string;
  readonly firstUs: number;
  /** RunInterval. */
  readonly intervalUs: number;
  /** ErrorRetryBaseDuration (0 when unset). */
  readonly errorRetryBaseUs: number;
  /** The DoFunc waits for an event that never comes in the lab (regeneration-recovery waits for a failed build). */
  readonly isWaiting: boolean;
}

const S = 1_000_000;

const ctrl = (name: string, firstUs: number, intervalUs = 0): Controller => ({ name, firstUs, intervalUs, errorRetryBaseUs: 0, isWaiting: false });

/** The successful runs of a controller as of `nowUs`: how many and when the last one was. */
export function controllerRuns(c: Controller, nowUs: number): { readonly count: number; readonly lastUs: number | undefined } {
  if (c.isWaiting || nowUs < c.firstUs) return { count: 0, lastUs: undefined };
  const n = c.intervalUs > 0 ? Math.floor((nowUs - c.firstUs) / c.intervalUs) : 0;
  return { count: n + 1, lastUs: c.firstUs + n * c.intervalUs };
}

/** When the CiliumEndpoint of a pod was created, in virtual time (the lab's endpoints keep no timestamp). */
function createdUs(lab: Lab, namespace: string, pod: string): number {
  const cep = lab.k8s.api.tryGet('CiliumEndpoint', namespace, pod) as { metadata: { creationTimestamp?: string | null } } | undefined;
  const ms = Date.parse(cep?.metadata.creationTimestamp ?? '');
  return Number.isNaN(ms) ? 0 : (ms - lab.spec.clock.startUnixMs) * 1000;
}

/** The agent's phases in virtual time: started, datapath initialised, synced with the cluster. */
export function agentTimes(agent: CiliumAgent): { readonly start: number; readonly init: number; readonly synced: number } {
  const start = agent.startedAtUs;
  const init = start + agent.timings.initUs;
  return { start, init, synced: init + agent.timings.syncUs };
}

/** When an endpoint came to this agent: the pod's creation, or the datapath init for the host endpoint and restored pods. */
export function endpointCreatedUs(lab: Lab, agent: CiliumAgent, ep: Endpoint | undefined): number {
  const { init } = agentTimes(agent);
  return ep ? Math.max(createdUs(lab, ep.namespace, ep.podName), init) : init;
}

/** One endpoint's controllers (ep undefined: the host endpoint), in creation order. */
export function endpointControllers(lab: Lab, agent: CiliumAgent, ep: Endpoint | undefined): Controller[] {
  const { start, init, synced } = agentTimes(agent);
  const id = ep ? ep.id : hostEndpointId(agent);
  const created = endpointCreatedUs(lab, agent, ep);
  // The agents the lab booted with started before t=0 with nothing to restore; a later one restores.
  const isRestored = ep ? createdUs(lab, ep.namespace, ep.podName) < start : start >= 0;
  const out: Controller[] = [
    // policy.go startRegenerationFailureHandler: RunInterval 1s, ErrorRetryBaseDuration 2s.
    { name: `endpoint-${id}-regeneration-recovery`, firstUs: created, intervalUs: S, errorRetryBaseUs: 2 * S, isWaiting: true },
    // bpf.go: PolicyMapFullReconciliationInterval, 15m by default.
    ctrl(`sync-policymap-${id}`, created, 900 * S),
    ctrl(`resolve-labels-${ep ? `${ep.namespace}/${ep.podName}` : '/'}`, created),
  ];
  // endpointsynchronizer.go: every 10s, for pods only.
  if (ep) out.push(ctrl(`sync-to-k8s-ciliumendpoint (${id})`, created, 10 * S));
  if (!isRestored) out.push(ctrl(`resolve-identity-${id}`, created, 300 * S));
  else out.push(ctrl(`restoring-ep-identity (${id})`, init), ...(ep ? [ctrl(`waiting-initial-global-identities-ep (${id})`, synced)] : []));
  return out;
}

export function agentControllers(lab: Lab, agent: CiliumAgent): Controller[] {
  const { start, init, synced } = agentTimes(agent);
  const out: Controller[] = [
    ctrl('ct-map-pressure', init, 30 * S),
    ctrl('daemon-validate-config', init, 60 * S),
    ctrl('endpoint-gc', start, 300 * S),
    ctrl('endpoint-periodic-regeneration', init, 120 * S),
    ctrl('ipcache-inject-labels', synced),
    ctrl('k8s-heartbeat', start, 30 * S),
    ctrl('proxy-ports-checkpoint', init),
    ctrl('sync-utime', init, 60 * S),
    ctrl('write-cni-file', init),
  ];
  out.push(...endpointControllers(lab, agent, undefined));
  for (const ep of agent.endpoints.values()) out.push(...endpointControllers(lab, agent, ep));
  return out;
}

/** FormatStatusResponse's controller table: "  Name\tLast success\tLast error\tCount\tMessage", sorted as text. */
export function controllerTable(lab: Lab, controllers: readonly Controller[]): string {
  const since = (us: number | undefined) => (us === undefined ? 'never' : `${goSeconds((lab.nowUs - us) / S)} ago`);
  const rows = ['  Name\tLast success\tLast error\tCount\tMessage\n', ...controllers.map((c) => `  ${c.name}\t${since(controllerRuns(c, lab.nowUs).lastUs)}\tnever\t0\tno error\t\n`)];
  rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return tabwrite(rows.join(''), 0, 3);
}
