// Layer tools (cilium): the agent's load-balancing view. `cilium-dbg service list` (cilium-dbg/cmd/
// service_list.go: tabwriter(5,0,3), ID/Frontend/Service Type/Backend, "N => addr (state)", sorted by id)
// and `cilium-dbg bpf lb list` (bpf_lb_list.go dumpSVC: one row per services-map slot, slot 0 the master
// "0.0.0.0:0 (revnat) (0) [flags] ", rows tab-terminated as helpers.go TablePrinter writes them).

import { formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import type { ServiceFrontend } from '../../cilium/cluster-state.js';
import type { Lab } from '../../lab/index.js';
import { tabwrite } from './tabwriter.js';

interface ServiceSpec {
  spec?: { clusterIP?: string; internalTrafficPolicy?: string; sessionAffinity?: string };
}

export interface AgentFrontend {
  readonly id: number;
  /** L3n4Addr.String(): "10.96.0.10:53/UDP". */
  readonly address: string;
  readonly type: string;
  /** loadbalancer.ServiceFlags.String() of the frontend. */
  readonly flags: string;
  readonly backends: ReadonlyArray<{ readonly address: string; readonly state: string }>;
}

/**
 * The frontends this agent programs. A frontend at the Service's ClusterIP is of type ClusterIP whatever
 * the Service's type; with internalTrafficPolicy Local only this node's backends are selected.
 */
export function agentFrontends(lab: Lab, agent: CiliumAgent): AgentFrontend[] {
  const out: AgentFrontend[] = [];
  for (const f of lab.cilium.services.values()) out.push(frontendOf(lab, agent, f));
  return out.sort((a, b) => a.id - b.id);
}

function frontendOf(lab: Lab, agent: CiliumAgent, f: ServiceFrontend): AgentFrontend {
  const svc = lab.k8s.api.tryGet('Service', f.namespace, f.name) as ServiceSpec | undefined;
  const isClusterIp = svc?.spec?.clusterIP === formatIpv4(f.vip);
  const type = isClusterIp ? 'ClusterIP' : f.type;
  const isIntLocal = svc?.spec?.internalTrafficPolicy === 'Local';
  const flags = [type, ...(isIntLocal ? ['InternalLocal'] : []), ...(svc?.spec?.sessionAffinity === 'ClientIP' ? ['sessionAffinity'] : []), ...(isClusterIp ? ['non-routable'] : [])].join(', ');
  const backends = f.backends.filter((b) => !isIntLocal || b.nodeName === agent.nodeName).map((b) => ({ address: `${formatIpv4(b.ip)}:${b.port}/${f.protocol}`, state: b.state }));
  return { id: f.id, address: `${formatIpv4(f.vip)}:${f.port}/${f.protocol}`, type, flags, backends };
}

export function serviceList(lab: Lab, agent: CiliumAgent): string {
  let text = 'ID\tFrontend\tService Type\tBackend\t\n';
  for (const f of agentFrontends(lab, agent)) {
    const [first, ...rest] = f.backends.map((b, i) => `${i + 1} => ${b.address} (${b.state})`);
    text += `${f.id}\t${f.address}\t${f.type}\t${first ?? ''}\t\n`;
    for (const b of rest) text += `\t\t\t${b}\t\n`;
  }
  return tabwrite(text, 5, 3);
}

/** Rows in frontend-id then slot order (the real dump follows Go map order, which is random). */
export function bpfLbList(lab: Lab, agent: CiliumAgent): string {
  let text = 'SERVICE ADDRESS\tBACKEND ADDRESS (REVNAT_ID) (SLOT)\n';
  for (const f of agentFrontends(lab, agent)) {
    text += `${f.address} (0)\t0.0.0.0:0 (${f.id}) (0) [${f.flags}] \t\n`;
    f.backends.forEach((b, i) => (text += `${f.address} (${i + 1})\t${b.address} (${f.id}) (${i + 1})\t\n`));
  }
  return tabwrite(text, 5, 3);
}
