// Layer cilium: Helm values of the cilium chart, and the keys of the `cilium-config` ConfigMap the chart
// renders from them (install/kubernetes/cilium/templates/cilium-configmap.yaml) for the settings this
// emulator's agent reads. Values are the nested map `helm --set a.b=c` builds.

export type HelmValues = { readonly [key: string]: unknown };

/** Reads a dotted path ("ipam.operator.clusterPoolIPv4PodCIDRList") from nested values. */
export function valueAt(values: HelmValues, path: string): unknown {
  let cur: unknown = values;
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object' || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

function text(v: unknown, dflt: string): string {
  if (v === undefined || v === null) return dflt;
  if (Array.isArray(v)) return v.map(String).join(' ');
  return String(v);
}

/** The ConfigMap data the agent starts from. */
export function configMapData(values: HelmValues): Record<string, string> {
  const v = (p: string) => valueAt(values, p);
  const routingMode = text(v('routingMode'), 'tunnel');
  const data: Record<string, string> = {
    'auto-direct-node-routes': text(v('autoDirectNodeRoutes'), 'false'),
    'cluster-id': text(v('cluster.id'), '0'),
    'cluster-name': text(v('cluster.name'), 'default'),
    'cluster-pool-ipv4-cidr': text(v('ipam.operator.clusterPoolIPv4PodCIDRList'), '10.0.0.0/8'),
    'cluster-pool-ipv4-mask-size': text(v('ipam.operator.clusterPoolIPv4MaskSize'), '24'),
    debug: text(v('debug.enabled'), 'false'),
    'direct-routing-skip-unreachable': text(v('directRoutingSkipUnreachable'), 'false'),
    'enable-bgp-control-plane': text(v('bgpControlPlane.enabled'), 'false'),
    'enable-bpf-masquerade': text(v('bpf.masquerade'), 'false'),
    'enable-endpoint-health-checking': text(v('endpointHealthChecking.enabled'), 'true'),
    'enable-health-checking': text(v('healthChecking'), 'true'),
    'enable-hubble': text(v('hubble.enabled'), 'true'),
    'enable-ipv4': 'true',
    'enable-ipv4-masquerade': text(v('enableIPv4Masquerade'), 'true'),
    'enable-ipv6': text(v('ipv6.enabled'), 'false'),
    'enable-l2-announcements': text(v('l2announcements.enabled'), 'false'),
    'enable-l2-neigh-discovery': text(v('l2NeighDiscovery.enabled'), 'false'),
    'install-no-conntrack-iptables-rules': text(v('installNoConntrackIptablesRules'), 'false'),
    ipam: text(v('ipam.mode'), 'cluster-pool'),
    'ipam-cilium-node-update-rate': '15s',
    'kube-proxy-replacement': text(v('kubeProxyReplacement'), 'false'),
    'routing-mode': routingMode,
    'tunnel-protocol': text(v('tunnelProtocol'), 'vxlan'),
    'tunnel-source-port-range': text(v('tunnelSourcePortRange'), '0-0'),
  };
  const nativeCidr = v('ipv4NativeRoutingCIDR');
  if (nativeCidr !== undefined) data['ipv4-native-routing-cidr'] = text(nativeCidr, '');
  const endpointRoutes = v('endpointRoutes.enabled');
  if (endpointRoutes !== undefined) data['enable-endpoint-routes'] = text(endpointRoutes, 'false');
  const mtu = v('MTU');
  if (mtu !== undefined) data.mtu = text(mtu, '0');
  const port = v('tunnelPort');
  if (port !== undefined) data['tunnel-port'] = text(port, '0');
  return data;
}
