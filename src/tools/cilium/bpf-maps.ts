// Layer tools (cilium): BPF map dumps through helpers.go TablePrinter (tabwriter(5,0,3), header "%s\t%s",
// rows "%s\t%s\t" so values end in padding): `bpf ipcache list` (pkg/maps/ipcache RemoteEndpointInfo.String;
// in 1.18 the remote PodCIDRs and their tunnel endpoints live here, the tunnel map and `bpf tunnel list` are
// gone) and `bpf endpoint list` (pkg/maps/lxcmap EndpointInfo.String, "(localhost)" for host addresses).
// The kernel dumps in hash order; rows here come in a fixed order.

import { formatCidr, formatIpv4, formatMac } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { hostAddrs, ipcacheEntries } from '../../cilium/ipcache.js';
import { tabwrite } from './tabwriter.js';

function tablePrinter(first: string, second: string, rows: ReadonlyArray<readonly [string, string]>): string {
  return tabwrite(`${first}\t${second}\n${rows.map(([k, v]) => `${k}\t${v}\t\n`).join('')}`, 5, 3);
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
