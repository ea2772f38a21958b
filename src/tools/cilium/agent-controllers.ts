// Layer tools (cilium): the agent's controllers (pkg/controller) as `cilium-dbg status` counts them and
// --verbose lists them: the daemon's own (names and intervals as in 1.18.0's status output and its
// options: k8s-heartbeat 30s, endpoint-gc 5m, endpoint-regen-interval 2m, ...) and each endpoint's, where
// a restored endpoint (older than this agent) has restoring-ep-identity instead of resolve-identity.

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Lab } from '../../lab/index.js';
import { hostEndpointId } from './agent-facts.js';
import { goSeconds } from './go-fmt.js';
import { tabwrite } from './tabwriter.js';

interface Controller {
  readonly name: string;
  /** Virtual time of the last successful run; undefined for never. */
  readonly lastUs: number | undefined;
}

const S = 1_000_000;

/** When a controller that first ran at `firstUs` and then every `everyUs` last ran, as of `nowUs`. */
function lastRun(firstUs: number, everyUs: number, nowUs: number): number | undefined {
  if (nowUs < firstUs) return undefined;
  return everyUs > 0 ? firstUs + Math.floor((nowUs - firstUs) / everyUs) * everyUs : firstUs;
}

/** When the CiliumEndpoint of a pod was created, in virtual time (the lab's endpoints keep no timestamp). */
function createdUs(lab: Lab, namespace: string, pod: string): number {
  const cep = lab.k8s.api.tryGet('CiliumEndpoint', namespace, pod) as { metadata: { creationTimestamp?: string | null } } | undefined;
  const ms = Date.parse(cep?.metadata.creationTimestamp ?? '');
  return Number.isNaN(ms) ? 0 : (ms - lab.spec.clock.startUnixMs) * 1000;
}

export function agentControllers(lab: Lab, agent: CiliumAgent): Controller[] {
  const now = lab.nowUs;
  const start = agent.startedAtUs;
  const init = start + agent.timings.initUs;
  const synced = init + agent.timings.syncUs;
  // The agents the lab booted with started before t=0 with nothing to restore; a later one restores.
  const isRestart = start >= 0;
  const at = (name: string, first: number, every = 0): Controller => ({ name, lastUs: lastRun(first, every, now) });
  const out: Controller[] = [
    at('ct-map-pressure', init, 30 * S),
    at('daemon-validate-config', init, 60 * S),
    at('endpoint-gc', start, 300 * S),
    at('endpoint-periodic-regeneration', init, 120 * S),
    at('ipcache-inject-labels', synced),
    at('k8s-heartbeat', start, 30 * S),
    at('proxy-ports-checkpoint', init),
    at('sync-utime', init, 60 * S),
    at('write-cni-file', init),
  ];
  const host = hostEndpointId(agent);
  out.push({ name: `endpoint-${host}-regeneration-recovery`, lastUs: undefined }, at(`sync-policymap-${host}`, init, 900 * S), at('resolve-labels-/', init));
  out.push(isRestart ? at(`restoring-ep-identity (${host})`, init) : at(`resolve-identity-${host}`, init));
  for (const ep of agent.endpoints.values()) {
    const isRestored = createdUs(lab, ep.namespace, ep.podName) < start;
    const created = Math.max(createdUs(lab, ep.namespace, ep.podName), init);
    out.push({ name: `endpoint-${ep.id}-regeneration-recovery`, lastUs: undefined }, at(`sync-policymap-${ep.id}`, created, 900 * S));
    out.push(at(`resolve-labels-${ep.namespace}/${ep.podName}`, created), at(`sync-to-k8s-ciliumendpoint (${ep.id})`, created, 10 * S));
    if (isRestored) out.push(at(`restoring-ep-identity (${ep.id})`, init), at(`waiting-initial-global-identities-ep (${ep.id})`, synced));
    else out.push(at(`resolve-identity-${ep.id}`, created));
  }
  return out;
}

/** FormatStatusResponse's controller table: "  Name\tLast success\tLast error\tCount\tMessage", sorted as text. */
export function controllerTable(lab: Lab, controllers: readonly Controller[]): string {
  const since = (us: number | undefined) => (us === undefined ? 'never' : `${goSeconds((lab.nowUs - us) / S)} ago`);
  const rows = ['  Name\tLast success\tLast error\tCount\tMessage\n', ...controllers.map((c) => `  ${c.name}\t${since(c.lastUs)}\tnever\t0\tno error\t\n`)];
  rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return tabwrite(rows.join(''), 0, 3);
}
