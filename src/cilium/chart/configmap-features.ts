// Layer cilium (chart): the second half of templates/cilium-configmap.yaml's data, in template order:
// masquerading, encryption, iptables, direct routes, kube-proxy replacement and socket LB, NodePort and
// load balancing, CNI, health checking, then Hubble (configmap-hubble.ts) and IPAM, L2/BGP, Envoy,
// clustermesh and the trailing settings (configmap-tail.ts).

import type { ConfigMapData, ConfigMapDefaults } from './cilium-configmap.js';
import { hubbleSection } from './configmap-hubble.js';
import { tailSection } from './configmap-tail.js';
import { isTable } from './helm-values.js';
import { goString, join, quote, truthy, type Values } from './template-context.js';

type Set = (k: string, val: string) => void;

export function featureSection(v: Values, d: ConfigMapDefaults, data: ConfigMapData): void {
  const set: Set = (k, val) => void (data[k] = val);
  masquerade(v, d, set);
  encryption(v, set);
  set('enable-xt-socket-fallback', v.str('enableXTSocketFallback'));
  const noTrackOff = v.is('azure.enabled') || v.is('eni.enabled') || v.is('gke.enabled') || d.cniChainingMode !== 'none';
  set('install-no-conntrack-iptables-rules', noTrackOff ? 'false' : v.str('installNoConntrackIptablesRules'));
  if (v.has('', 'iptablesRandomFully')) set('iptables-random-fully', v.str('iptablesRandomFully'));
  if (v.has('', 'iptablesLockTimeout')) set('iptables-lock-timeout', v.str('iptablesLockTimeout'));
  set('auto-direct-node-routes', v.str('autoDirectNodeRoutes'));
  set('direct-routing-skip-unreachable', v.str('directRoutingSkipUnreachable'));
  if (v.has('', 'bandwidthManager') && v.is('bandwidthManager.enabled')) {
    set('enable-bandwidth-manager', v.str('bandwidthManager.enabled'));
    set('enable-bbr', v.str('bandwidthManager.bbr'));
    set('enable-bbr-hostns-only', v.str('bandwidthManager.bbrHostNamespaceOnly'));
  }
  if (v.is('localRedirectPolicies.enabled') || v.is('localRedirectPolicy')) set('enable-local-redirect-policy', 'true');
  if (v.is('localRedirectPolicies.addressMatcherCIDRs')) set('lrp-address-matcher-cidrs', join(',', v.get('localRedirectPolicies.addressMatcherCIDRs')));
  if (v.is('ipv4NativeRoutingCIDR')) set('ipv4-native-routing-cidr', goString(v.get('ipv4NativeRoutingCIDR')));
  if (v.is('ipv6NativeRoutingCIDR')) set('ipv6-native-routing-cidr', goString(v.get('ipv6NativeRoutingCIDR')));
  if (v.has('', 'fragmentTracking')) set('enable-ipv4-fragment-tracking', v.str('fragmentTracking'));
  if (v.is('nat46x64Gateway.enabled')) set('enable-nat46x64-gateway', v.str('nat46x64Gateway.enabled'));
  if (v.is('hostFirewall') && v.is('hostFirewall.enabled')) set('enable-host-firewall', v.str('hostFirewall.enabled'));
  if (v.has('', 'devices')) set('devices', join(' ', v.get('devices')));
  if (v.is('forceDeviceDetection')) set('force-device-detection', 'true');
  set('kube-proxy-replacement', d.kubeProxyReplacement);
  if (d.kubeProxyReplacement === 'true') set('kube-proxy-replacement-healthz-bind-address', quote(truthy(v.get('kubeProxyReplacementHealthzBindAddr')) ? v.get('kubeProxyReplacementHealthzBindAddr') : ''));
  socketLb(v, set);
  nodePort(v, d, set);
  loadBalancer(v, set);
  misc(v, set);
  cni(v, d, set);
  hubbleSection(v, d, set);
  tailSection(v, d, set);
}

function masquerade(v: Values, d: ConfigMapDefaults, set: Set): void {
  set('enable-ipv4-masquerade', v.isNil('enableIPv4Masquerade') ? d.enableIpv4Masquerade : v.str('enableIPv4Masquerade'));
  set('enable-ipv4-big-tcp', v.str('enableIPv4BIGTCP'));
  set('enable-ipv6-big-tcp', v.str('enableIPv6BIGTCP'));
  set('enable-ipv6-masquerade', v.str('enableIPv6Masquerade'));
  if (v.has('bpf', 'enableTCX')) set('enable-tcx', v.str('bpf.enableTCX'));
  if (v.has('bpf', 'datapathMode')) set('datapath-mode', v.str('bpf.datapathMode'));
  if (!v.isNil('bpf.masquerade')) set('enable-bpf-masquerade', v.str('bpf.masquerade'));
  else if (d.bpfMasquerade === 'true') set('enable-bpf-masquerade', 'true');
  set('enable-masquerade-to-route-source', v.str('enableMasqueradeRouteSource'));
  if (v.has('', 'egressMasqueradeInterfaces')) set('egress-masquerade-interfaces', goString(v.get('egressMasqueradeInterfaces')));
  if (v.is('ipMasqAgent') && v.is('ipMasqAgent.enabled')) set('enable-ip-masq-agent', 'true');
}

function encryption(v: Values, set: Set): void {
  if (v.is('encryption.enabled')) {
    const type = v.str('encryption.type');
    if (type === 'ipsec') {
      set('enable-ipsec', v.str('encryption.enabled'));
      if (v.is('encryption.ipsec.mountPath') && v.is('encryption.ipsec.keyFile')) set('ipsec-key-file', `${v.str('encryption.ipsec.mountPath')}/${v.str('encryption.ipsec.keyFile')}`);
      if (v.is('encryption.ipsec.interface')) set('encrypt-interface', v.str('encryption.ipsec.interface'));
      if (v.has('encryption.ipsec', 'keyWatcher')) set('enable-ipsec-key-watcher', v.str('encryption.ipsec.keyWatcher'));
      if (v.is('encryption.ipsec.keyRotationDuration')) set('ipsec-key-rotation-duration', v.str('encryption.ipsec.keyRotationDuration'));
      set('enable-ipsec-encrypted-overlay', v.str('encryption.ipsec.encryptedOverlay'));
    } else if (type === 'wireguard') {
      set('enable-wireguard', v.str('encryption.enabled'));
      if (v.is('encryption.wireguard.persistentKeepalive')) set('wireguard-persistent-keepalive', v.str('encryption.wireguard.persistentKeepalive'));
    }
    if (v.is('encryption.nodeEncryption')) set('encrypt-node', v.str('encryption.nodeEncryption'));
  }
  if (v.is('encryption.strictMode.enabled')) {
    set('enable-encryption-strict-mode', v.str('encryption.strictMode.enabled'));
    set('encryption-strict-mode-cidr', v.str('encryption.strictMode.cidr'));
    set('encryption-strict-mode-allow-remote-node-identities', v.str('encryption.strictMode.allowRemoteNodeIdentities'));
  }
}

/** `$socketLB := coalesce .Values.socketLB .Values.hostServices`. */
function socketLb(v: Values, set: Set): void {
  const lb = truthy(v.get('socketLB')) ? v.get('socketLB') : v.get('hostServices');
  if (!truthy(lb) || !isTable(lb)) return;
  const pairs = [
    ['enabled', 'bpf-lb-sock'],
    ['hostNamespaceOnly', 'bpf-lb-sock-hostns-only'],
    ['terminatePodConnections', 'bpf-lb-sock-terminate-pod-connections'],
    ['tracing', 'trace-sock'],
  ] as const;
  for (const [key, name] of pairs) if (Object.hasOwn(lb, key)) set(name, quote(lb[key]));
}

function nodePort(v: Values, d: ConfigMapDefaults, set: Set): void {
  if (!v.has('', 'nodePort')) return;
  if (d.kubeProxyReplacement === 'false') set('enable-node-port', v.str('nodePort.enabled'));
  if (v.has('nodePort', 'range')) set('node-port-range', v.str('nodePort.range'));
  if (v.has('nodePort', 'addresses')) set('nodeport-addresses', join(',', v.get('nodePort.addresses')));
  if (v.has('nodePort', 'directRoutingDevice')) set('direct-routing-device', v.str('nodePort.directRoutingDevice'));
  if (v.has('nodePort', 'enableHealthCheck')) set('enable-health-check-nodeport', v.str('nodePort.enableHealthCheck'));
  if (v.is('gke.enabled')) set('enable-health-check-loadbalancer-ip', 'true');
  else if (v.has('nodePort', 'enableHealthCheckLoadBalancerIP')) set('enable-health-check-loadbalancer-ip', v.str('nodePort.enableHealthCheckLoadBalancerIP'));
  set('node-port-bind-protection', v.str('nodePort.bindProtection'));
  set('enable-auto-protect-node-port-range', v.str('nodePort.autoProtectPortRange'));
}

function loadBalancer(v: Values, set: Set): void {
  if (v.has('', 'loadBalancer')) {
    if (v.is('loadBalancer.standalone')) set('bpf-lb-only', v.str('loadBalancer.standalone'));
    const pairs = [
      ['mode', 'bpf-lb-mode'],
      ['algorithm', 'bpf-lb-algorithm'],
      ['acceleration', 'bpf-lb-acceleration'],
      ['dsrDispatch', 'bpf-lb-dsr-dispatch'],
    ] as const;
    for (const [key, name] of pairs) if (v.has('loadBalancer', key)) set(name, v.str(`loadBalancer.${key}`));
    if (v.has('loadBalancer', 'serviceTopology')) {
      set('enable-service-topology', v.str('loadBalancer.serviceTopology'));
      if (v.has('loadBalancer', 'protocolDifferentiation')) set('bpf-lb-proto-diff', v.str('loadBalancer.protocolDifferentiation.enabled'));
    }
  }
  if (v.has('maglev', 'tableSize')) set('bpf-lb-maglev-table-size', v.str('maglev.tableSize'));
  if (v.has('maglev', 'hashSeed')) set('bpf-lb-maglev-hash-seed', v.str('maglev.hashSeed'));
  if (v.is('sessionAffinity')) set('enable-session-affinity', v.str('sessionAffinity'));
  if (v.is('svcSourceRangeCheck')) set('enable-svc-source-range-check', v.str('svcSourceRangeCheck'));
  if (v.has('', 'l2NeighDiscovery') && v.has('l2NeighDiscovery', 'enabled')) set('enable-l2-neigh-discovery', v.str('l2NeighDiscovery.enabled'));
}

function misc(v: Values, set: Set): void {
  if (v.is('pprof.enabled')) {
    set('pprof', v.str('pprof.enabled'));
    set('pprof-address', v.str('pprof.address'));
    set('pprof-port', v.str('pprof.port'));
  }
  if (v.is('operator.pprof.enabled')) {
    set('operator-pprof', v.str('operator.pprof.enabled'));
    set('operator-pprof-address', v.str('operator.pprof.address'));
    set('operator-pprof-port', v.str('operator.pprof.port'));
  }
  if (v.is('logSystemLoad')) set('log-system-load', v.str('logSystemLoad'));
  if (v.is('logOptions')) set('log-opt', JSON.stringify(v.get('logOptions')));
  if (v.has('k8s', 'requireIPv4PodCIDR')) set('k8s-require-ipv4-pod-cidr', v.str('k8s.requireIPv4PodCIDR'));
  if (v.has('k8s', 'requireIPv6PodCIDR')) set('k8s-require-ipv6-pod-cidr', v.str('k8s.requireIPv6PodCIDR'));
  if (v.has('k8s', 'apiServerURLs')) set('k8s-api-server-urls', v.str('k8s.apiServerURLs'));
  if (v.is('endpointRoutes') && v.is('endpointRoutes.enabled')) set('enable-endpoint-routes', v.str('endpointRoutes.enabled'));
  if (v.is('ipam') && v.is('ipam.installUplinkRoutesForDelegatedIPAM')) set('install-uplink-routes-for-delegated-ipam', v.str('ipam.installUplinkRoutesForDelegatedIPAM'));
  if (v.has('k8sNetworkPolicy', 'enabled')) set('enable-k8s-networkpolicy', v.str('k8sNetworkPolicy.enabled'));
  set('enable-endpoint-lockdown-on-policy-overflow', v.str('endpointLockdownOnMapOverflow'));
}

function cni(v: Values, d: ConfigMapDefaults, set: Set): void {
  const conflist = `${goString(v.get('cni.hostConfDirMountPath'))}/05-cilium.conflist`;
  if (v.is('cni.configMap')) {
    set('read-cni-conf', `${goString(v.get('cni.confFileMountPath'))}/${goString(v.get('cni.configMapKey'))}`);
    if (v.is('cni.customConf')) set('write-cni-conf-when-ready', conflist);
  } else if (v.is('cni.readCniConf')) {
    set('read-cni-conf', goString(v.get('cni.readCniConf')));
  }
  if (!v.is('cni.customConf') && v.is('cni.install')) {
    set('write-cni-conf-when-ready', conflist);
    set('cni-exclusive', v.str('cni.exclusive'));
    set('cni-log-file', v.str('cni.logFile'));
  }
  if (v.is('cni.uninstall')) set('cni-uninstall', v.str('cni.uninstall'));
  if (!v.isNil('cni.chainingTarget')) set('cni-chaining-target', v.str('cni.chainingTarget'));
  if (!v.isNil('cni.externalRouting')) set('cni-external-routing', v.str('cni.externalRouting'));
  if (v.is('cni.enableRouteMTUForCNIChaining')) set('enable-route-mtu-for-cni-chaining', v.str('cni.enableRouteMTUForCNIChaining'));
  if (v.is('kubeConfigPath')) set('k8s-kubeconfig-path', v.str('kubeConfigPath'));
  const healthOk = d.cniChainingMode === 'portmap' || d.cniChainingMode === 'none';
  set('enable-endpoint-health-checking', v.is('endpointHealthChecking.enabled') && healthOk ? 'true' : 'false');
  if (v.has('', 'healthChecking')) set('enable-health-checking', v.str('healthChecking'));
  if (v.is('healthCheckICMPFailureThreshold')) set('health-check-icmp-failure-threshold', v.str('healthCheckICMPFailureThreshold'));
  set('enable-well-known-identities', v.is('wellKnownIdentities.enabled') ? 'true' : 'false');
  set('enable-node-selector-labels', v.str('nodeSelectorLabels'));
  if (v.has('', 'nodeLabels')) set('node-labels', v.str('nodeLabels'));
  if (v.has('', 'synchronizeK8sNodes')) set('synchronize-k8s-nodes', v.str('synchronizeK8sNodes'));
  if (v.has('', 'policyAuditMode')) set('policy-audit-mode', v.str('policyAuditMode'));
  if (d.operatorApiServeAddr !== 'localhost:9234') set('operator-api-serve-addr', d.operatorApiServeAddr);
}
