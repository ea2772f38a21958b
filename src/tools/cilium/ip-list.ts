// Layer tools (cilium): `cilium-dbg ip list` (cilium-dbg/cmd/ip_list.go over pkg/ipcache/api
// ipcache_api_handler.go): the userspace ipcache sorted as IPListEntrySlice.Less (prefix length, then
// address), tabwriter(5,0,3), one row per printable label of the entry's identity. SOURCE is set only on
// entries carrying Kubernetes metadata — pod IPs, which the CiliumEndpoint watcher upserts with source
// custom-resource (local pods too); node, host, PodCIDR and world entries come from metadata and print none.

import { formatCidr, formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { CiliumAgent } from '../../cilium/agent.js';
import { ipcacheEntries, type IpcacheEntry } from '../../cilium/ipcache.js';
import type { Lab } from '../../lab/index.js';
import type { Process } from '../process.js';
import type { CommandSpec, Parsed } from './cobra.js';
import { outputOptionString, printOutput } from './dbg-output.js';
import { knownIdentities } from './identity-list.js';
import { tabwrite } from './tabwriter.js';

export const IP_LIST: CommandSpec = {
  path: 'cilium-dbg ip list',
  use: 'list',
  aliases: ['ls'],
  short: 'List IP addresses in the userspace IPcache',
  flags: [
    { name: 'numeric', short: 'n', kind: 'bool', usage: 'Print numeric identities' },
    { name: 'output', short: 'o', kind: 'string', usage: "json| yaml| jsonpath='{}'" },
    { name: 'verbose', short: 'v', kind: 'bool', usage: 'Print all fields of ipcache' },
  ],
};

/** models.IPListEntry: the fields in json-tag order, omitempty ones left out when empty. */
interface IpListEntry {
  readonly cidr: string;
  readonly hostIP?: string;
  readonly identity: number;
  readonly metadata?: { readonly name: string; readonly namespace: string; readonly source: string };
}

/** The GET /ip payload, sorted as the command sorts it. */
export function ipListEntries(agent: CiliumAgent): IpListEntry[] {
  const localIp = agent.cluster.nodes.get(agent.nodeName)?.nodeIp;
  const sorted = ipcacheEntries(agent).sort((a, b) => a.prefix.prefixLen - b.prefix.prefixLen || (a.prefix.addr >>> 0) - (b.prefix.addr >>> 0));
  return sorted.map((e) => listEntry(agent, e, localIp));
}

function listEntry(agent: CiliumAgent, e: IpcacheEntry, localIp: Ipv4Addr | undefined): IpListEntry {
  const cidr = e.prefix.prefixLen === 32 ? `${formatIpv4(e.prefix.addr)}/32` : formatCidr(e.prefix);
  const pod = e.kind === 'endpoint' || e.kind === 'remote-endpoint' ? agent.cluster.endpoints.get(e.prefix.addr) : undefined;
  // The CiliumEndpoint's nodeIP is the ipcache host IP of a pod, the local node's for local pods.
  const hostIp = pod ? pod.nodeIp : e.kind === 'endpoint' ? localIp : e.tunnelEndpoint;
  return {
    cidr,
    ...(hostIp === undefined ? {} : { hostIP: formatIpv4(hostIp) }),
    identity: e.identity,
    ...(pod ? { metadata: { name: pod.podName, namespace: pod.namespace, source: 'custom-resource' } } : {}),
  };
}

export function ipList(p: Process, lab: Lab, agent: CiliumAgent, f: Extract<Parsed, { ok: true }>): number {
  const entries = ipListEntries(agent);
  const output = f.values.get('output');
  if (output !== undefined) {
    const r = printOutput(p, entries, output);
    if (r.ok) return r.exitCode;
    p.err(`Error: Unable to provide ${outputOptionString(output)} output: ${r.error}\n`);
    return 1;
  }
  const isVerbose = f.values.get('verbose') === 'true';
  const isNumeric = f.values.get('numeric') === 'true';
  const labelsOf = new Map(knownIdentities(lab, agent).map((i) => [i.id, i.labels]));
  let text = isVerbose ? 'IP\tIDENTITY\tSOURCE\tHOST\tENCRYPT_KEY\n' : 'IP\tIDENTITY\tSOURCE\n';
  for (const e of entries) {
    const labels = isNumeric ? [String(e.identity)] : (labelsOf.get(e.identity) ?? [String(e.identity)]);
    const src = e.metadata?.source ?? '';
    labels.forEach((l, i) => {
      if (i > 0) text += `\t${l}\t\n`;
      else text += isVerbose ? `${e.cidr}\t${l}\t${src}\t${e.hostIP ?? ''}\t0\n` : `${e.cidr}\t${l}\t${src}\n`;
    });
  }
  p.out(tabwrite(text, 5, 3));
  return 0;
}
