// Layer tools (cilium): `cilium features status` (cilium-cli/features/status.go, tab_writer.go): each
// operator's cilium_operator_feature_* and each agent's cilium_feature_* metrics side by side, keys
// "name;k=v;..." sorted, the name only on a group's first row, "Yes"/"No" when every value is 0 or 1,
// tabwriter(0,0,2). The metric set is 1.18.0's (pkg/metrics/features, operator/pkg/features), checked
// against a 1.18.0 agent's `cilium-dbg metrics list`; gauges without labels are always exported.

import type { CiliumAgent } from '../../cilium/agent.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import { configBool, configData } from './agent-facts.js';
import { tabwrite } from './tabwriter.js';

type Metrics = Map<string, number>;
type Config = Readonly<Record<string, string>>;

const bit = (on: boolean) => (on ? 1 : 0);

/** The agent's feature metrics (Metrics.update with the agent's config). */
export function agentFeatures(lab: Lab, agent: CiliumAgent): Metrics {
  const c = configData(lab);
  const cfg = agent.config;
  const m: Metrics = new Map();
  const set = (name: string, value: number, labels = '') => m.set(`cilium_feature_${name}${labels === '' ? '' : `;${labels}`}`, value);
  const kpr = cfg?.kubeProxyReplacement === true;
  set('adv_connect_and_lb_bandwidth_manager_enabled', bit(configBool(c, 'enable-bandwidth-manager', false)));
  set('adv_connect_and_lb_bgp_enabled', bit(cfg?.enableBgpControlPlane === true));
  set('adv_connect_and_lb_cilium_envoy_config_enabled', bit(configBool(c, 'enable-envoy-config', false)));
  set('adv_connect_and_lb_cilium_node_config_enabled', 0);
  set('adv_connect_and_lb_egress_gateway_enabled', bit(configBool(c, 'enable-ipv4-egress-gateway', false)));
  set('adv_connect_and_lb_envoy_proxy_enabled', 1, `mode=${configBool(c, 'external-envoy-proxy', false) ? 'standalone' : 'embedded'}`);
  set('adv_connect_and_lb_k8s_internal_traffic_policy_enabled', bit(configBool(c, 'enable-internal-traffic-policy', true)));
  set('adv_connect_and_lb_kube_proxy_replacement_enabled', bit(kpr));
  set('adv_connect_and_lb_l2_lb_enabled', bit(cfg?.enableL2Announcements === true));
  set('adv_connect_and_lb_l2_pod_announcement_enabled', bit(configBool(c, 'enable-l2-pod-announcements', false)));
  const lbMode = c['bpf-lb-mode'] || 'snat';
  set('adv_connect_and_lb_node_port_configuration', 1, `acceleration=${c['bpf-lb-acceleration'] || 'disabled'};algorithm=${c['bpf-lb-algorithm'] || 'random'};mode=${lbMode}`);
  set('adv_connect_and_lb_sctp_enabled', bit(configBool(c, 'enable-sctp', false)));
  set('adv_connect_and_lb_vtep_enabled', bit(configBool(c, 'enable-vtep', false)));
  set('controlplane_cilium_endpoint_slices_enabled', bit(configBool(c, 'enable-cilium-endpoint-slice', false)));
  set('controlplane_identity_allocation', 1, `mode=${c['identity-allocation-mode'] || 'crd'}`);
  set('controlplane_ipam', 1, `mode=${cfg?.ipam ?? 'cluster-pool'}`);
  set('datapath_chaining_enabled', 1, `mode=${c['cni-chaining-mode'] || 'none'}`);
  set('datapath_config', 1, `mode=${c['datapath-mode'] || 'veth'}`);
  const v4 = configBool(c, 'enable-ipv4', true);
  const v6 = configBool(c, 'enable-ipv6', false);
  set('datapath_internet_protocol', 1, `address_family=${v4 && v6 ? 'ipv4-ipv6-dual-stack' : v6 ? 'ipv6-only' : 'ipv4-only'}`);
  const network = !cfg || cfg.routingMode === 'native' ? 'direct-routing' : `overlay-${cfg.tunnelProtocol}`;
  set('datapath_network', 1, `mode=${network}`);
  set('network_policies_host_firewall_enabled', bit(configBool(c, 'enable-host-firewall', false)));
  const itp = internalTrafficPolicyServices(lab);
  if (itp > 0) set('network_policies_internal_traffic_policy_services_total', itp, 'action=add');
  set('network_policies_local_redirect_policy_enabled', bit(configBool(c, 'enable-local-redirect-policy', false)));
  set('network_policies_mutual_auth_enabled', bit(configBool(c, 'mesh-auth-enabled', false)));
  set('network_policies_non_defaultdeny_policies_enabled', bit(configBool(c, 'enable-non-default-deny-policies', true)));
  return m;
}

/** Services with internalTrafficPolicy Local the agent has ingested (a counter, "add" on each). */
function internalTrafficPolicyServices(lab: Lab): number {
  return (lab.k8s.api.list('Service', {}) as Array<{ spec?: { internalTrafficPolicy?: string } }>).filter((s) => s.spec?.internalTrafficPolicy === 'Local').length;
}

/** The operator's feature gauges (1.18.0: five, all unlabelled). */
export function operatorFeatures(c: Config): Metrics {
  const m: Metrics = new Map();
  const set = (name: string, on: boolean) => m.set(`cilium_operator_feature_adv_connect_and_lb_${name}`, bit(on));
  set('gateway_api_enabled', configBool(c, 'enable-gateway-api', false));
  set('ingress_controller_enabled', configBool(c, 'enable-ingress-controller', false));
  set('l7_aware_traffic_management_enabled', (c['loadbalancer-l7'] ?? '') !== '');
  set('lb_ipam_enabled', configBool(c, 'enable-lb-ipam', true));
  set('node_ipam_enabled', configBool(c, 'enable-node-ipam', false));
  return m;
}

function featureTable(columns: ReadonlyMap<string, Metrics>): string {
  const nodes = [...columns.keys()].sort();
  let text = `Uniform\tName\tLabels\t${nodes.map((n) => `${n}\t`).join('')}\n`;
  const keys = [...new Set(nodes.flatMap((n) => [...(columns.get(n)?.keys() ?? [])]))].sort();
  let lastName = '';
  for (const key of keys) {
    const i = key.indexOf(';');
    const name = i < 0 ? key : key.slice(0, i);
    const labels = i < 0 ? '' : key.slice(i + 1);
    const values = nodes.map((n) => columns.get(n)?.get(key) ?? 0);
    const isBinary = values.every((v) => v === 0 || v === 1);
    const uniform = isBinary ? (new Set(values).size <= 1 ? 'Yes' : 'No') : ' ';
    text += `${uniform}\t${name === lastName ? '' : name}\t${labels}\t${values.map((v) => `${v.toFixed(0)}\t`).join('')}\n`;
    lastName = name;
  }
  return tabwrite(text, 0, 2);
}

export function featuresStatus(p: Process): number {
  const api = p.lab.k8s.api;
  const agents = new Map<string, Metrics>();
  for (const a of p.lab.agents.values()) if (a.phase === 'running') agents.set(a.nodeName, agentFeatures(p.lab, a));
  const operators = new Map<string, Metrics>();
  const c = configData(p.lab);
  for (const pod of api.list('Pod', { namespace: 'kube-system', labelSelector: 'io.cilium/app=operator' })) {
    if (pod.status?.phase === 'Running' && pod.spec.nodeName) operators.set(pod.spec.nodeName, operatorFeatures(c));
  }
  p.out(`Cilium Operators\n${featureTable(operators)}\nCilium Agents\n${featureTable(agents)}`);
  return 0;
}
