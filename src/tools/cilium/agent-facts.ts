// Layer tools (cilium): facts about one node's agent that several cilium-dbg printers share, read from
// the agent and the API objects: the ConfigMap it runs with, the host's local addresses (hostips-sync.go:
// every IPv4 address up to scope 252 plus the router IP, each a `(localhost)` lxcmap entry with identity
// host), the kube-apiserver backends, and the host endpoint with the node's labels (pkg/labelsfilter).

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Lab } from '../../lab/index.js';

/** The cilium-config data; the agent read it when it started (the lab keeps no per-agent copy). */
export function configData(lab: Lab): Readonly<Record<string, string>> {
  const cm = lab.k8s.api.tryGet('ConfigMap', 'kube-system', 'cilium-config') as { data?: Record<string, string> } | undefined;
  return cm?.data ?? {};
}

/** A boolean option as pkg/option reads it, with the agent's default when the key is absent. */
export function configBool(data: Readonly<Record<string, string>>, key: string, byDefault: boolean): boolean {
  const v = data[key];
  return v === undefined || v === '' ? byDefault : v === 'true';
}

// pkg/labelsfilter defaultLabelPrefixCfg: the ignore rules, matched from the start of the key.
const IGNORED = [/^io\.kubernetes/, /^kubernetes\.io/, /^statefulset\.kubernetes\.io\/pod-name/, /^apps\.kubernetes\.io\/pod-index/, /^batch\.kubernetes\.io\/job-completion-index/, /^.*beta\.kubernetes\.io/, /^k8s\.io/, /^pod-template-generation/, /^pod-template-hash/, /^controller-revision-hash/, /^annotation.*/, /^etcd_node/];
const INCLUDED = [/^io\.kubernetes\.pod\.namespace/, /^io\.cilium\.k8s\.namespace\.labels/, /^app\.kubernetes\.io/, /^io\.cilium\.k8s\.policy\.cluster/];

/** labels.Label.String(): "source:key=value", or "source:key" for an empty value. */
function labelString(source: string, key: string, value: string): string {
  return value === '' ? `${source}:${key}` : `${source}:${key}=${value}`;
}

/** filterLabels: kept unless only an ignore rule matches, or an include rule matches a longer prefix. */
function isKept(key: string): boolean {
  const len = (res: RegExp[]) => Math.max(0, ...res.map((r) => r.exec(key)?.[0].length ?? 0));
  const ignored = IGNORED.filter((r) => r.test(key)).map((r) => r.exec(key)?.[0].length ?? 0);
  if (ignored.length === 0) return true;
  return len(INCLUDED) > Math.min(...ignored);
}

/** The host endpoint's labels: the node's identity-relevant labels and reserved:host, sorted. */
export function hostEndpointLabels(lab: Lab, node: string): string[] {
  const obj = lab.k8s.api.tryGet('Node', undefined, node) as { metadata: { labels?: Record<string, string> } } | undefined;
  const labels = Object.entries(obj?.metadata.labels ?? {})
    .filter(([k]) => isKept(k))
    .map(([k, v]) => labelString('k8s', k, v));
  return [...labels, 'reserved:host'].sort();
}

/**
 * The host endpoint's id. The lab's core keeps no host endpoint, so its id is drawn from the agent's own
 * seeded stream (stable across restarts, as the real one is restored from the state directory), skipping
 * ids the pods' endpoints hold.
 */
export function hostEndpointId(agent: CiliumAgent): number {
  const rng = agent.rng.fork('host-endpoint');
  for (;;) {
    const id = rng.int(1, 4095);
    if (!agent.endpointIds.has(id)) return id;
  }
}
