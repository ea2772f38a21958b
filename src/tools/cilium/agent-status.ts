// Layer tools (cilium): `cilium status [--all-addresses]` inside the agent pod (cilium-dbg/cmd/status.go,
// pkg/client/client.go FormatStatusResponse; tabwriter minwidth 2, padding 3), for the lines the lab's
// agent state determines: KPR devices, IPAM with its allocations, routing, masquerading, proxy, identities.

import { formatCidr, formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { MAX_ALLOCATED_IDENTITY, MIN_ALLOCATED_IDENTITY } from '../../cilium/identity/numeric-identity.js';
import { tabwrite } from './tabwriter.js';

function devices(agent: CiliumAgent): string {
  const devs = agent.nativeDevices();
  const direct = devs.find((d) => d.addrs.some((a) => a.local === agent.nodeIp));
  return devs.map((d) => `${d.name} ${d.addrs.filter((a) => a.scope === 'global').map((a) => formatIpv4(a.local)).join(' ')}${d === direct ? ' (Direct Routing)' : ''}`).join(', ');
}

/** pkg/ipam Dump: "IPv4: used/capacity allocated from CIDR" joined with the (empty) IPv6 part. */
function ipamStatus(agent: CiliumAgent): string {
  const ipam = agent.ipam;
  if (!ipam || !agent.podCidr) return '';
  return [`IPv4: ${ipam.used}/${ipam.capacity} allocated from ${formatCidr(agent.podCidr)}`, ''].join(', ');
}

export interface StatusOptions {
  readonly allAddresses: boolean;
  readonly cpus: number;
  /** The API server's version ("v1.33.2"). */
  readonly k8sVersion: string;
}

export function agentStatus(agent: CiliumAgent, opts: StatusOptions): string {
  const c = agent.config;
  const dp = agent.dp;
  const lines: string[] = ['KVStore:\tDisabled\t\n', `Kubernetes:\tOk\t${opts.k8sVersion.replace(/^v(\d+\.\d+).*$/, '$1')} (${opts.k8sVersion}) [linux/amd64]\n`];
  if (c) lines.push(`KubeProxyReplacement:\t${c.kubeProxyReplacement ? 'True' : 'False'}\t${c.kubeProxyReplacement ? `[${devices(agent)}]` : ''}\n`);
  lines.push('Host firewall:\tDisabled\n', 'CNI Chaining:\tnone\n', 'CNI Config file:\tsuccessfully wrote CNI configuration file to /host/etc/cni/net.d/05-cilium.conflist\n');
  lines.push(`NodeMonitor:\tListening for events on ${opts.cpus} CPUs with 64x4096 of shared memory\n`);
  lines.push(`IPAM:\t${ipamStatus(agent)}\n`);
  if (opts.allAddresses && agent.ipam) {
    lines.push('Allocated addresses:\n');
    const rows = agent.ipam.allocations().map((a) => `  ${formatIpv4(a.ip)} (${a.owner})`).sort();
    lines.push(...rows.map((r) => `${r}\n`));
  }
  lines.push('IPv4 BIG TCP:\tDisabled\n', 'IPv6 BIG TCP:\tDisabled\n', 'BandwidthManager:\tDisabled\n');
  if (dp) {
    const cfg = dp.config;
    const network = cfg.routingMode === 'tunnel' ? `Tunnel [${cfg.tunnelProtocol}]` : 'Native';
    lines.push(`Routing:\tNetwork: ${network}\tHost: ${cfg.enableHostLegacyRouting ? 'Legacy' : 'BPF'}\n`);
    lines.push('Attach Mode:\tTCX\n', 'Device Mode:\tveth\n');
    const names = agent.nativeDevices().map((d) => d.name).join(', ');
    const exclusion = cfg.ipv4NativeRoutingCidr ? formatCidr(cfg.ipv4NativeRoutingCidr) : '';
    const masq = !cfg.enableIpv4Masquerade ? 'Disabled' : cfg.enableBpfMasquerade ? `BPF\t[${names}]\t${exclusion} [IPv4: Enabled, IPv6: Disabled]` : 'IPTables [IPv4: Enabled, IPv6: Disabled]';
    lines.push(`Masquerading:\t${masq}\n`);
  }
  if (agent.routerIp !== undefined) lines.push(`Proxy Status:\tOK, ip ${formatIpv4(agent.routerIp)}, 0 redirects active on ports 10000-20000, Envoy: external\n`);
  lines.push(`Global Identity Range:\tmin ${MIN_ALLOCATED_IDENTITY}, max ${MAX_ALLOCATED_IDENTITY}\n`);
  return tabwrite(lines.join(''), 2, 3);
}
