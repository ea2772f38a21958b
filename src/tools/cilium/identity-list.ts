// Layer tools (cilium): `cilium-dbg identity list` (cilium-dbg/cmd/identity_get.go printIdentities:
// tabwriter(2,0,3), "ID\tLABELS", one row per printable label, sorted by id). The cache holds the reserved
// identities 1-10 (pkg/identity/numericidentity.go reservedIdentityLabels; kube-apiserver carries
// remote-node too) and every allocated identity; reserved:host gathers the labels of the host's prefixes.

import type { CiliumAgent } from '../../cilium/agent.js';
import { RESERVED_IDENTITIES } from '../../cilium/identity/numeric-identity.js';
import type { Lab } from '../../lab/index.js';
import { hostAddrs, isKubeApiServer } from '../../cilium/ipcache.js';
import { tabwrite } from './tabwriter.js';

/** The identities the agent knows, by id, each with its sorted labels. */
export function knownIdentities(lab: Lab, agent: CiliumAgent): Array<{ readonly id: number; readonly labels: readonly string[] }> {
  const isApiServerHost = hostAddrs(agent).some((ip) => isKubeApiServer(agent, ip));
  const out: Array<{ id: number; labels: string[] }> = [];
  for (const [name, id] of Object.entries(RESERVED_IDENTITIES)) {
    if (id < 1 || id > 10) continue;
    const labels = [`reserved:${name}`];
    if (name === 'kube-apiserver') labels.push('reserved:remote-node');
    if (name === 'host' && isApiServerHost) labels.push('reserved:kube-apiserver');
    out.push({ id, labels: labels.sort() });
  }
  for (const ident of lab.cilium.identities.list()) out.push({ id: ident.id, labels: [...ident.labels].sort() });
  return out.sort((a, b) => a.id - b.id);
}

export function identityList(lab: Lab, agent: CiliumAgent): string {
  let text = 'ID\tLABELS\n';
  for (const { id, labels } of knownIdentities(lab, agent)) {
    labels.forEach((l, i) => (text += i === 0 ? `${id}\t${l}\n` : `\t${l}\n`));
  }
  return tabwrite(text, 2, 3);
}
