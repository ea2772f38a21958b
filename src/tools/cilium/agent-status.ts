// Layer tools (cilium): `cilium status` inside the agent pod (cilium-dbg/cmd/status.go: tabwriter(2,0,3)
// over pkg/client/client.go FormatStatusResponse, then the cluster-health line), from the agent's state
// and the ConfigMap it runs with. Lines and their order are 1.18.0's (checked against a 1.18.0
// `cilium-dbg status --verbose` in a published sysdump); the build is 1.18.0 274205f0.

import { formatCidr, formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { MAX_ALLOCATED_IDENTITY, MIN_ALLOCATED_IDENTITY } from '../../cilium/identity/numeric-identity.js';
import type { Lab } from '../../lab/index.js';
import { HubbleObserver } from '../../observe/index.js';
import { ipv6Addrs } from '../ip/ipv6-view.js';
import { configBool, configData } from './agent-facts.js';
import { agentControllers, controllerTable } from './agent-controllers.js';
import { bpfMapsSection, kprDetails } from './agent-status-details.js';
import { goFixed } from './go-fmt.js';
import { tabwrite } from './tabwriter.js';

/** The release's version line (pkg/version: "1.18.0 (v1.18.0-<git hash>)"). */
export const CILIUM_VERSION = '1.18.0';
export const CILIUM_GIT_HASH = '274205f0';

/** The resources the agent waited for, sorted (1.18.0 with Kubernetes, without clustermesh). */
const K8S_APIS = ['EndpointSliceOrEndpoint', 'cilium/v2::CiliumCIDRGroup', 'cilium/v2::CiliumClusterwideNetworkPolicy', 'cilium/v2::CiliumEndpoint', 'cilium/v2::CiliumNetworkPolicy', 'cilium/v2::CiliumNode', 'core/v1::Pods', 'networking.k8s.io/v1::NetworkPolicy'];

export interface StatusOptions {
  readonly allAddresses: boolean;
  readonly verbose: boolean;
}

/**
 * KPR's device list: daemon/cmd/status.go builds each device's IP list with make([]string, len(addrs))
 * and then appends, so the names are followed by one extra space per address before the addresses.
 */
function kprDevices(agent: CiliumAgent, nowUs: number): string {
  const devs = agent.nativeDevices();
  return devs
    .map((d) => {
      const ips = [...d.addrs.map((a) => formatIpv4(a.local)), ...ipv6Addrs(d, nowUs).map((v) => v.address)];
      const direct = d.addrs.some((a) => a.local === agent.nodeIp) ? ' (Direct Routing)' : '';
      return `${d.name} ${[...ips.map(() => ''), ...ips].join(' ')}${direct}`;
    })
    .join(', ');
}

/** pkg/ipam Dump: "IPv4: used/capacity allocated from CIDR" joined with the (empty) IPv6 part. */
function ipamStatus(agent: CiliumAgent): string {
  if (!agent.ipam || !agent.podCidr) return '';
  return [`IPv4: ${agent.ipam.used}/${agent.ipam.capacity} allocated from ${formatCidr(agent.podCidr)}`, ''].join(', ');
}

function masquerading(agent: CiliumAgent, c: Readonly<Record<string, string>>): string {
  const cfg = agent.config;
  if (!cfg?.enableIpv4Masquerade) return 'Disabled';
  if (!cfg.enableBpfMasquerade) return 'IPTables [IPv4: Enabled, IPv6: Disabled]';
  // RemoteSNATDstAddrExclusionCIDRv4: the native-routing CIDR, else the node's PodCIDR.
  const exclusion = cfg.ipv4NativeRoutingCidr ?? agent.podCidr;
  const devs = agent.nativeDevices().map((d) => d.name).join(', ');
  const mode = configBool(c, 'enable-ip-masq-agent', false) ? 'BPF (ip-masq-agent)' : 'BPF';
  return `${mode}\t[${devs}]\t${exclusion ? formatCidr(exclusion) : ''}  [IPv4: Enabled, IPv6: Disabled]`;
}

function hubbleLine(lab: Lab, agent: CiliumAgent, c: Readonly<Record<string, string>>): string {
  if (!agent.config?.enableHubble) return 'Hubble:\tDisabled\n';
  const node = HubbleObserver.of(lab)
    .nodes()
    .find((n) => n.name === agent.nodeName);
  const fields = ['Ok'];
  if (node) {
    const observer: string[] = [];
    if (node.maxFlows > 0) observer.push(`Current/Max Flows: ${node.numFlows}/${node.maxFlows} (${goFixed((node.numFlows / node.maxFlows) * 100, 2)}%)`);
    const uptimeS = (lab.nowUs - node.startUs) / 1e6;
    if (uptimeS > 0) observer.push(`Flows/s: ${goFixed(node.seenFlows / uptimeS, 2)}`);
    fields.push(observer.join(', '));
  }
  fields.push(`Metrics: ${(c['hubble-metrics-server'] ?? '') !== '' ? 'Ok' : 'Disabled'}`);
  return `Hubble:\t${fields.join('\t')}\n`;
}

export function agentStatus(lab: Lab, agent: CiliumAgent, opts: StatusOptions): string {
  const c = configData(lab);
  const cfg = agent.config;
  const spec = lab.spec.hosts.find((h) => h.name === agent.nodeName);
  const k8s = lab.spec.kubernetes.version;
  const kpr = cfg?.kubeProxyReplacement === true;
  const devices = kpr ? kprDevices(agent, lab.nowUs) : '';
  const health = configBool(c, 'enable-health-checking', true);
  let t = 'KVStore:\tDisabled\t\n';
  t += `Kubernetes:\tOk\t${k8s.replace(/^v(\d+\.\d+).*$/, '$1')} (${k8s}) [linux/amd64]\n`;
  t += `Kubernetes APIs:\t["${K8S_APIS.join('", "')}"]\n`;
  t += `KubeProxyReplacement:\t${kpr ? 'True' : 'False'}\t${devices === '' ? '' : `[${devices}]`}\n`;
  t += 'Host firewall:\tDisabled\nSRv6:\tDisabled\n';
  t += `CNI Chaining:\t${c['cni-chaining-mode'] || 'none'}\n`;
  t += `CNI Config file:\tsuccessfully wrote CNI configuration file to ${c['write-cni-conf-when-ready'] || '/host/etc/cni/net.d/05-cilium.conflist'}\n`;
  t += `Cilium:\tOk   ${CILIUM_VERSION} (v${CILIUM_VERSION}-${CILIUM_GIT_HASH})\n`;
  t += `NodeMonitor:\tListening for events on ${spec?.cpus ?? 2} CPUs with 64x4096 of shared memory\n`;
  if (health) t += 'Cilium health daemon:\tOk\t\n';
  t += `IPAM:\t${ipamStatus(agent)}\n`;
  if ((opts.allAddresses || opts.verbose) && agent.ipam) {
    t += `Allocated addresses:\n${agent.ipam.allocations().map((a) => `  ${formatIpv4(a.ip)} (${a.owner})\n`).join('')}`;
  }
  t += 'IPv4 BIG TCP:\tDisabled\nIPv6 BIG TCP:\tDisabled\nBandwidthManager:\tDisabled\n';
  if (cfg) {
    const network = cfg.routingMode === 'tunnel' ? `Tunnel [${cfg.tunnelProtocol}]` : 'Native';
    t += `Routing:\tNetwork: ${network}\tHost: ${cfg.enableHostLegacyRouting ? 'Legacy' : 'BPF'}\n`;
  }
  t += `Attach Mode:\t${configBool(c, 'enable-tcx', true) ? 'TCX' : 'Legacy TC'}\nDevice Mode:\t${c['datapath-mode'] || 'veth'}\n`;
  t += `Masquerading:\t${masquerading(agent, c)}\n`;
  if (opts.verbose) t += 'Clock Source for BPF:\tktime\n';
  const controllers = agentControllers(lab, agent);
  t += `Controller Status:\t${controllers.length}/${controllers.length} healthy\n`;
  if (opts.verbose) t += controllerTable(lab, controllers);
  if (configBool(c, 'enable-l7-proxy', true) && agent.routerIp !== undefined) {
    const envoy = configBool(c, 'external-envoy-proxy', false) ? 'external' : 'embedded';
    t += `Proxy Status:\tOK, ip ${formatIpv4(agent.routerIp)}, 0 redirects active on ports ${c['proxy-portrange-min'] || '10000'}-${c['proxy-portrange-max'] || '20000'}, Envoy: ${envoy}\n`;
  } else t += 'Proxy Status:\tNo managed proxy redirect\n';
  t += `Global Identity Range:\tmin ${MIN_ALLOCATED_IDENTITY}, max ${MAX_ALLOCATED_IDENTITY}\n`;
  t += hubbleLine(lab, agent, c);
  if (opts.verbose) t += kprDetails(c, devices) + bpfMapsSection(c, spec?.memoryMiB ?? 2048);
  t += 'Encryption:\tDisabled\t\n';
  // cilium-dbg's health section: the lab runs no cilium-health endpoint, so no cilium-health-ep controller.
  t += 'Cluster health:\t\tProbe disabled\n';
  return tabwrite(t, 2, 3);
}
