// Layer tools (cilium): BPF map dumps through helpers.go TablePrinter (tabwriter(5,0,3), header "%s\t%s",
// rows "%s\t%s\t" so values end in padding): `bpf tunnel list` (TUNNEL/VALUE, tunnel mode only),
// `bpf ipcache list` (pkg/maps/ipcache RemoteEndpointInfo.String) and `bpf endpoint list` (pkg/maps/lxcmap
// EndpointInfo.String, "(localhost)" for host addresses). The kernel dumps in hash order; rows here come in a fixed order.

import { formatCidr, formatIpv4, formatMac, type Ipv4Addr } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { ID_HOST, ID_REMOTE_NODE, ID_WORLD, RESERVED_IDENTITIES } from '../../cilium/identity/numeric-identity.js';
import type { Lab } from '../../lab/index.js';
import { hostAddrs, kubeApiServerIps } from './agent-facts.js';
import { tabwrite } from './tabwriter.js';

function tablePrinter(first: string, second: string, rows: ReadonlyArray<readonly [string, string]>): string {
  return tabwrite(`${first}\t${second}\n${rows.map(([k, v]) => `${k}\t${v}\t\n`).join('')}`, 5, 3);
}

export function tunnelList(agent: CiliumAgent): string {
  const rows: Array<[string, string]> = [];
  if (agent.dp?.config.routingMode === 'tunnel' && agent.synced) {
    for (const n of agent.cluster.nodes.values()) if (n.name !== agent.nodeName) rows.push([formatIpv4(n.podCidr.addr), `${formatIpv4(n.nodeIp)}:0`]);
  }
  return tablePrinter('TUNNEL', 'VALUE', rows);
}

/**
 * The ipcache as the BPF listener writes it (pkg/datapath/ipcache/listener.go applyUpsert): a tunnel
 * endpoint (and flag hastunnel) for every entry whose host IP is another node, whatever the routing mode;
 * remote PodCIDRs only in tunnel mode (node manager); kube-apiserver backends on other nodes get identity 7.
 */
export function ipcacheList(lab: Lab, agent: CiliumAgent): string {
  const apiServers = kubeApiServerIps(lab);
  const rows: Array<[string, string]> = [];
  const add = (prefix: string, id: number, tunnel: Ipv4Addr | undefined) =>
    rows.push([prefix, `identity=${id} encryptkey=0 tunnelendpoint=${tunnel === undefined ? '0.0.0.0' : formatIpv4(tunnel)} flags=${tunnel === undefined ? '<none>' : 'hastunnel'}`]);
  add('0.0.0.0/0', ID_WORLD, undefined);
  for (const ip of hostAddrs(agent)) add(`${formatIpv4(ip)}/32`, ID_HOST, undefined);
  for (const ep of agent.endpoints.values()) add(`${formatIpv4(ep.ipv4)}/32`, ep.identity, undefined);
  for (const ep of agent.cluster.endpoints.values()) if (ep.nodeName !== agent.nodeName) add(`${formatIpv4(ep.ip)}/32`, ep.identity, ep.nodeIp);
  const isTunnel = agent.dp?.config.routingMode === 'tunnel';
  for (const n of agent.cluster.nodes.values()) {
    if (n.name === agent.nodeName) continue;
    add(`${formatIpv4(n.nodeIp)}/32`, apiServers.has(n.nodeIp >>> 0) ? RESERVED_IDENTITIES['kube-apiserver'] : ID_REMOTE_NODE, undefined);
    add(`${formatIpv4(n.ciliumInternalIp)}/32`, ID_REMOTE_NODE, n.nodeIp);
    if (isTunnel) add(formatCidr(n.podCidr), ID_WORLD, n.nodeIp);
  }
  return tablePrinter('IP PREFIX/ADDRESS', 'IDENTITY', rows);
}

const pad = (v: number, width: number) => String(v).padEnd(width);

export function endpointMapList(agent: CiliumAgent): string {
  const rows: Array<[string, string]> = [];
  for (const ep of agent.endpoints.values()) {
    const mac = formatMac(ep.podDev.mac).toUpperCase();
    const nodeMac = formatMac(ep.lxc.mac).toUpperCase();
    rows.push([`${formatIpv4(ep.ipv4)}:0`, `id=${pad(ep.id, 5)} sec_id=${pad(ep.identity, 5)} flags=0x0000 ifindex=${pad(ep.lxc.ifindex, 3)} mac=${mac} nodemac=${nodeMac} parent_ifindex=${pad(0, 3)}`]);
  }
  for (const ip of hostAddrs(agent)) rows.push([`${formatIpv4(ip)}:0`, '(localhost)']);
  return tablePrinter('IP ADDRESS', 'LOCAL ENDPOINT INFO', rows);
}
