// Layer tools (cilium): BPF map dumps through helpers.go TablePrinter (tabwriter(5,0,3), header "%s\t%s",
// rows "%s\t%s\t" so values end in padding): `bpf tunnel list` (TUNNEL/VALUE, tunnel mode only),
// `bpf ipcache list` (pkg/maps/ipcache RemoteEndpointInfo.String) and `bpf endpoint list` (pkg/maps/lxcmap
// EndpointInfo.String, "(localhost)" for host addresses). The kernel dumps in hash order; rows here come in a fixed order.

import { formatCidr, formatIpv4, formatMac } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { hostAddrs, ipcacheEntries } from '../../cilium/ipcache.js';
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

/** The agent's ipcache (src/cilium/ipcache.ts) as pkg/maps/ipcache RemoteEndpointInfo.String prints it. */
export function ipcacheList(agent: CiliumAgent): string {
  const rows = ipcacheEntries(agent).map((e): [string, string] => [
    e.prefix.prefixLen === 32 ? `${formatIpv4(e.prefix.addr)}/32` : formatCidr(e.prefix),
    `identity=${e.identity} encryptkey=0 tunnelendpoint=${e.tunnelEndpoint === undefined ? '0.0.0.0' : formatIpv4(e.tunnelEndpoint)} flags=${e.tunnelEndpoint === undefined ? '<none>' : 'hastunnel'}`,
  ]);
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
