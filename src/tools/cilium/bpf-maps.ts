// Layer tools (cilium): `cilium-dbg bpf tunnel list` (cilium-dbg/cmd/bpf_tunnel_list.go: TUNNEL/VALUE,
// tabwriter(5,0,3), rows tab-terminated) and `cilium-dbg bpf ipcache list` from the agent's view of the
// cluster. The tunnel map only has content when the running datapath is in tunnel mode and synced.

import { formatCidr, formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { ID_HOST, ID_REMOTE_NODE, ID_WORLD } from '../../cilium/identity/numeric-identity.js';
import { tabwrite } from './tabwriter.js';

export function tunnelList(agent: CiliumAgent): string {
  const rows: string[] = [];
  if (agent.dp?.config.routingMode === 'tunnel' && agent.synced) {
    for (const n of agent.cluster.nodes.values()) {
      if (n.name !== agent.nodeName) rows.push(`${formatIpv4(n.podCidr.addr)}\t${formatIpv4(n.nodeIp)}:0\t\n`);
    }
  }
  return tabwrite(`TUNNEL\tVALUE\n${rows.join('')}`, 5, 3);
}

/** pkg/maps/ipcache: "<prefix> identity=<id> encryptkey=0 tunnelendpoint=<ip> flags=<flags>". */
export function ipcacheList(agent: CiliumAgent): string {
  const tunnel = agent.dp?.config.routingMode === 'tunnel';
  const entries: Array<[string, string]> = [];
  const add = (prefix: string, id: number, endpoint: string | undefined) => {
    const hasTunnel = tunnel && endpoint !== undefined;
    entries.push([prefix, `identity=${id} encryptkey=0 tunnelendpoint=${hasTunnel ? endpoint : '0.0.0.0'} flags=${hasTunnel ? 'hastunnel' : '<none>'}`]);
  };
  add('0.0.0.0/0', ID_WORLD, undefined);
  for (const ep of agent.endpoints.values()) add(`${formatIpv4(ep.ipv4)}/32`, ep.identity, undefined);
  for (const ep of agent.cluster.endpoints.values()) if (ep.nodeName !== agent.nodeName) add(`${formatIpv4(ep.ip)}/32`, ep.identity, formatIpv4(ep.nodeIp));
  for (const n of agent.cluster.nodes.values()) {
    const local = n.name === agent.nodeName;
    add(`${formatIpv4(n.nodeIp)}/32`, local ? ID_HOST : ID_REMOTE_NODE, undefined);
    add(`${formatIpv4(n.ciliumInternalIp)}/32`, local ? ID_HOST : ID_REMOTE_NODE, local ? undefined : formatIpv4(n.nodeIp));
    if (!local && tunnel) add(formatCidr(n.podCidr), ID_WORLD, formatIpv4(n.nodeIp));
  }
  return tabwrite(`IP PREFIX/ADDRESS\tIDENTITY\n${entries.map(([k, v]) => `${k}\t${v}\n`).join('')}`, 5, 3);
}
