// Layer tools (cilium): `cilium-dbg node list` (cilium-dbg/cmd/node_list.go formatStatusResponse): the
// nodes the agent's node manager knows, one line each sorted as strings, in a tabwriter(0,0,3) nested
// in the command's (2,0,3) one; the local node's source is "local", the others' "custom-resource"
// (CiliumNode objects). Names are plain: the cluster is "default" (node.Fullname).

import { formatCidr, formatIpv4 } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { tabwrite } from './tabwriter.js';

export function nodeList(agent: CiliumAgent): string {
  const rows = [...agent.cluster.nodes.values()].map((n) => `${n.name}\t${formatIpv4(n.nodeIp)}\t${formatCidr(n.podCidr)}\t\t\t${n.name === agent.nodeName ? 'local' : 'custom-resource'}\n`);
  if (rows.length === 0) return '';
  rows.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return tabwrite(`Name\tIPv4 Address\tEndpoint CIDR\tIPv6 Address\tEndpoint CIDR\tSource\n${rows.join('')}`, 0, 3);
}
