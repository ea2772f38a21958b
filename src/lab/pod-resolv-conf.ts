// Layer lab: the /etc/resolv.conf the kubelet writes into a pod (pkg/kubelet/network/dns): with the default
// dnsPolicy ClusterFirst, the cluster DNS Service address, the namespace's search path and ndots:5; with
// dnsPolicy Default, the node's upstream resolver.

import { formatIpv4, nth } from '../addr/index.js';
import type { Pod } from '../k8s/index.js';
import type { LabSpec } from './lab-file/index.js';

export function podResolvConf(spec: LabSpec, pod: Pod): string {
  const domain = spec.kubernetes.networking.dnsDomain;
  const ns = pod.metadata.namespace ?? 'default';
  const policy = pod.spec.dnsPolicy ?? 'ClusterFirst';
  if (policy === 'Default' || (policy === 'ClusterFirst' && pod.spec.hostNetwork)) return 'nameserver 10.0.2.3\n';
  const dns = formatIpv4(nth(spec.kubernetes.networking.serviceSubnet, 10));
  return `search ${ns}.svc.${domain} svc.${domain} ${domain}\nnameserver ${dns}\noptions ndots:5\n`;
}
