// Layer tools (cilium): the cilium-cli on k8s-ctr: `config view` (cilium-cli/config/config.go View: the
// cilium-config ConfigMap, keys in byte order, tabwriter padding 4), `features status` (cilium-cli/features:
// each agent's cilium_feature_* metrics side by side, tabwriter padding 2).

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Process } from '../process.js';
import { tabwrite } from './tabwriter.js';

export function configView(p: Process): number {
  const cm = p.lab.k8s.api.tryGet('ConfigMap', 'kube-system', 'cilium-config') as { data?: Record<string, string> } | undefined;
  if (!cm) {
    p.err('Error: unable to retrieve ConfigMap "cilium-config": configmaps "cilium-config" not found\n');
    return 1;
  }
  const data = cm.data ?? {};
  const keys = Object.keys(data).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  p.out(tabwrite(keys.map((k) => `${k}\t${data[k] ?? ''}\n`).join(''), 0, 4));
  return 0;
}

/** The cilium_feature_* gauges an agent exports (pkg/metrics/features): only the active label values. */
export function agentFeatures(agent: CiliumAgent): Map<string, number> {
  const out = new Map<string, number>();
  const dp = agent.dp;
  if (!dp) return out;
  const network = dp.config.routingMode === 'native' ? 'direct-routing' : `overlay-${dp.config.tunnelProtocol}`;
  out.set('cilium_feature_datapath_chaining_enabled;mode=none', 1);
  out.set('cilium_feature_datapath_config;mode=veth', 1);
  out.set('cilium_feature_datapath_internet_protocol;address_family=ipv4-only', 1);
  out.set(`cilium_feature_datapath_network;mode=${network}`, 1);
  return out;
}

function featureTable(columns: ReadonlyMap<string, Map<string, number>>): string {
  const nodes = [...columns.keys()].sort();
  let text = `Uniform\tName\tLabels\t${nodes.map((n) => `${n}\t`).join('')}\n`;
  const keys = [...new Set(nodes.flatMap((n) => [...(columns.get(n)?.keys() ?? [])]))].sort();
  let lastName = '';
  for (const key of keys) {
    const [name = '', ...labels] = key.split(';');
    const values = nodes.map((n) => columns.get(n)?.get(key) ?? 0);
    const binary = values.every((v) => v === 0 || v === 1);
    const uniform = binary ? (new Set(values).size <= 1 ? 'Yes' : 'No') : ' ';
    text += `${uniform}\t${name === lastName ? '' : name}\t${labels.join(';')}\t${values.map((v) => `${v.toFixed(0)}\t`).join('')}\n`;
    lastName = name;
  }
  return tabwrite(text, 0, 2);
}

export function featuresStatus(p: Process): number {
  const agents = new Map<string, Map<string, number>>();
  for (const a of p.lab.agents.values()) if (a.phase === 'running') agents.set(a.nodeName, agentFeatures(a));
  p.out(`Cilium Operators\n${featureTable(new Map())}\nCilium Agents\n${featureTable(agents)}`);
  return 0;
}
