// Layer cilium (chart): the last keys of templates/cilium-configmap.yaml: IPAM (cluster-pool, multi-pool),
// LB-IPAM, egress gateway, VTEP, L2 announcements, BGP, procfs and BPF/cgroup roots, identities,
// client rate limits, node taints, the DNS proxy, mutual auth, Envoy, clustermesh, NAT stats, extraConfig.

import type { ConfigMapDefaults } from './cilium-configmap.js';
import { CONFIGMAP_TEMPLATE, duration } from './cilium-configmap.js';
import { isTable } from './helm-values.js';
import { goString, join, quote, TemplateFail, truthy, type Values } from './template-context.js';

type Set = (k: string, val: string) => void;

export function tailSection(v: Values, d: ConfigMapDefaults, set: Set): void {
  if (v.has('', 'disableIptablesFeederRules')) set('disable-iptables-feeder-rules', join(' ', v.get('disableIptablesFeederRules')));
  ipam(v, d, set);
  set('default-lb-service-ipam', goString(v.get('defaultLBServiceIPAM')));
  if (v.is('apiRateLimit')) set('api-rate-limit', v.str('apiRateLimit'));
  if (v.is('egressGateway.enabled')) set('enable-egress-gateway', 'true');
  if (v.has('egressGateway', 'reconciliationTriggerInterval')) set('egress-gateway-reconciliation-trigger-interval', v.str('egressGateway.reconciliationTriggerInterval'));
  if (v.is('egressGateway.maxPolicyEntries')) set('egress-gateway-policy-map-max', v.str('egressGateway.maxPolicyEntries'));
  if (v.has('', 'vtep')) {
    set('enable-vtep', v.str('vtep.enabled'));
    for (const k of ['endpoint', 'cidr', 'mask', 'mac']) if (v.has('vtep', k)) set(`vtep-${k}`, v.str(`vtep.${k}`));
  }
  if (v.is('crdWaitTimeout')) set('crd-wait-timeout', duration(v, 'crdWaitTimeout'));
  if (v.is('enableK8sEndpointSlice')) set('enable-k8s-endpoint-slice', v.str('enableK8sEndpointSlice'));
  if (v.has('k8s', 'serviceProxyName')) set('k8s-service-proxy-name', v.str('k8s.serviceProxyName'));
  if (v.is('customCalls') && v.is('customCalls.enabled')) set('enable-custom-calls', v.str('customCalls.enabled'));
  l2(v, set);
  if (v.is('pmtuDiscovery.enabled')) set('enable-pmtu-discovery', 'true');
  if (!v.is('securityContext.privileged')) set('procfs', '/host/proc');
  if (v.has('bpf', 'root')) set('bpf-root', v.str('bpf.root'));
  if (v.has('cgroup', 'hostRoot')) set('cgroup-root', v.str('cgroup.hostRoot'));
  if (v.is('bpf.vlanBypass')) set('vlan-bpf-bypass', join(' ', v.get('bpf.vlanBypass')));
  if (v.is('bpf.disableExternalIPMitigation')) set('disable-external-ip-mitigation', v.str('bpf.disableExternalIPMitigation'));
  if (v.is('ciliumEndpointSlice.enabled')) {
    set('enable-cilium-endpoint-slice', 'true');
    if (v.is('ciliumEndpointSlice.rateLimits')) set('ces-rate-limits', JSON.stringify(v.get('ciliumEndpointSlice.rateLimits')));
  }
  set('identity-management-mode', v.str('identityManagementMode'));
  if (v.has('sctp', 'enabled')) set('enable-sctp', v.str('sctp.enabled'));
  if (v.has('', 'dnsPolicyUnloadOnShutdown')) set('dns-policy-unload-on-shutdown', v.str('dnsPolicyUnloadOnShutdown'));
  if (v.is('annotateK8sNode')) set('annotate-k8s-node', 'true');
  const rate = [
    ['k8sClientRateLimit.qps', 'k8s-client-qps'],
    ['k8sClientRateLimit.burst', 'k8s-client-burst'],
    ['k8sClientRateLimit.operator.qps', 'operator-k8s-client-qps'],
    ['k8sClientRateLimit.operator.burst', 'operator-k8s-client-burst'],
  ] as const;
  for (const [path, name] of rate) if (v.is(path)) set(name, v.str(path));
  taints(v, set);
  dnsProxy(v, d, set);
  if (v.has('', 'agentNotReadyTaintKey')) set('agent-not-ready-taint-key', v.str('agentNotReadyTaintKey'));
  auth(v, set);
  envoy(v, d, set);
  if (v.has('clustermesh', 'maxConnectedClusters')) set('max-connected-clusters', v.str('clustermesh.maxConnectedClusters'));
  set('clustermesh-enable-endpoint-sync', v.str('clustermesh.enableEndpointSliceSynchronization'));
  set('clustermesh-enable-mcs-api', v.str('clustermesh.enableMCSAPISupport'));
  set('policy-default-local-cluster', v.str('clustermesh.policyDefaultLocalCluster'));
  set('nat-map-stats-entries', v.str('nat.mapStatsEntries'));
  set('nat-map-stats-interval', v.str('nat.mapStatsInterval'));
  set('enable-internal-traffic-policy', v.str('enableInternalTrafficPolicy'));
  set('enable-lb-ipam', v.str('enableLBIPAM'));
  set('enable-non-default-deny-policies', v.str('enableNonDefaultDenyPolicies'));
  if (v.has('daemon', 'enableSourceIPVerification')) set('enable-source-ip-verification', v.str('daemon.enableSourceIPVerification'));
  if (typeof v.get('connectivityProbeFrequencyRatio') === 'number') set('connectivity-probe-frequency-ratio', v.str('connectivityProbeFrequencyRatio'));
  const extra = v.get('extraConfig');
  if (truthy(extra) && isTable(extra)) for (const [k, x] of Object.entries(extra)) set(k, quote(x));
}

function ipam(v: Values, d: ConfigMapDefaults, set: Set): void {
  set('ipam', v.is('aksbyocni.enabled') ? 'cluster-pool' : d.ipam);
  if (v.is('ipam.multiPoolPreAllocation')) set('ipam-multi-pool-pre-allocation', v.str('ipam.multiPoolPreAllocation'));
  if (v.is('ipam.ciliumNodeUpdateRate')) set('ipam-cilium-node-update-rate', duration(v, 'ipam.ciliumNodeUpdateRate'));
  if (d.ipam === 'cluster-pool') {
    if (v.is('ipv4.enabled')) {
      if (v.has('ipam.operator', 'clusterPoolIPv4PodCIDR')) {
        throw new TemplateFail(CONFIGMAP_TEMPLATE, 1097, 8, 'Value ipam.operator.clusterPoolIPv4PodCIDR removed, use ipam.operator.clusterPoolIPv4PodCIDRList instead');
      }
      set('cluster-pool-ipv4-cidr', join(' ', v.get('ipam.operator.clusterPoolIPv4PodCIDRList')));
      set('cluster-pool-ipv4-mask-size', v.str('ipam.operator.clusterPoolIPv4MaskSize'));
    }
    if (v.is('ipv6.enabled')) {
      if (v.has('ipam.operator', 'clusterPoolIPv6PodCIDR')) {
        throw new TemplateFail(CONFIGMAP_TEMPLATE, 1105, 8, 'Value ipam.operator.clusterPoolIPv6PodCIDR removed, use ipam.operator.clusterPoolIPv6PodCIDRList instead');
      }
      set('cluster-pool-ipv6-cidr', join(' ', v.get('ipam.operator.clusterPoolIPv6PodCIDRList')));
      set('cluster-pool-ipv6-mask-size', v.str('ipam.operator.clusterPoolIPv6MaskSize'));
    }
  }
  if (d.ipam === 'multi-pool') set('auto-create-cilium-pod-ip-pools', multiPools(v.get('ipam.operator.autoCreateCiliumPodIPPools')));
  if (v.is('ipam.operator.externalAPILimitBurstSize')) set('limit-ipam-api-burst', v.str('ipam.operator.externalAPILimitBurstSize'));
  if (v.is('ipam.operator.externalAPILimitQPS')) set('limit-ipam-api-qps', v.str('ipam.operator.externalAPILimitQPS'));
  if (v.is('nodeIPAM.enabled')) set('enable-node-ipam', 'true');
}

/** `pool=ipv4-cidrs:a,b;ipv4-mask-size:N` per pool (range over a map: key order), joined by commas. */
function multiPools(pools: unknown): string {
  if (!isTable(pools)) return '';
  return Object.keys(pools)
    .sort()
    .map((name) => {
      const spec = pools[name];
      const attrs: string[] = [];
      for (const fam of ['ipv4', 'ipv6'] as const) {
        const f = isTable(spec) ? spec[fam] : undefined;
        if (f === undefined) continue;
        const t = isTable(f) ? f : {};
        attrs.push(`${fam}-cidrs:${join(',', t['cidrs'])}`, `${fam}-mask-size:${goString(t['maskSize'])}`);
      }
      return `${name}=${attrs.join(';')}`;
    })
    .join(',');
}

function l2(v: Values, set: Set): void {
  if (v.is('l2announcements.enabled')) {
    set('enable-l2-announcements', v.str('l2announcements.enabled'));
    if (v.is('l2announcements.leaseDuration')) set('l2-announcements-lease-duration', v.str('l2announcements.leaseDuration'));
    if (v.is('l2announcements.leaseRenewDeadline')) set('l2-announcements-renew-deadline', v.str('l2announcements.leaseRenewDeadline'));
    if (v.is('l2announcements.leaseRetryPeriod')) set('l2-announcements-retry-period', v.str('l2announcements.leaseRetryPeriod'));
  }
  if (v.is('l2podAnnouncements.enabled')) {
    set('enable-l2-pod-announcements', v.str('l2podAnnouncements.enabled'));
    if (v.is('l2podAnnouncements.interfacePattern')) set('l2-pod-announcements-interface-pattern', v.str('l2podAnnouncements.interfacePattern'));
    else set('l2-pod-announcements-interface', v.str('l2podAnnouncements.interface'));
  }
  if (v.is('bgpControlPlane.enabled')) {
    set('enable-bgp-control-plane', 'true');
    set('bgp-secrets-namespace', v.str('bgpControlPlane.secretsNamespace.name'));
    set('enable-bgp-control-plane-status-report', v.str('bgpControlPlane.statusReport.enabled'));
    set('bgp-router-id-allocation-mode', v.str('bgpControlPlane.routerIDAllocation.mode'));
    set('bgp-router-id-allocation-ip-pool', v.str('bgpControlPlane.routerIDAllocation.ipPool'));
  }
}

function taints(v: Values, set: Set): void {
  if (v.is('operator.setNodeTaints') && !v.is('operator.removeNodeTaints')) {
    throw new TemplateFail(CONFIGMAP_TEMPLATE, 1282, 5, 'Cannot have operator.setNodeTaintsMaxNodes and not operator.removeNodeTaints = false');
  }
  if (v.is('operator.removeNodeTaints')) set('remove-cilium-node-taints', 'true');
  if (v.is('operator.setNodeTaints') || (v.isNil('operator.setNodeTaints') && v.is('operator.removeNodeTaints'))) set('set-cilium-node-taints', 'true');
  if (v.is('operator.setNodeNetworkStatus')) set('set-cilium-is-up-condition', 'true');
  set('unmanaged-pod-watcher-interval', v.is('operator.unmanagedPodWatcher.restart') ? v.str('operator.unmanagedPodWatcher.intervalSeconds') : '0');
}

function dnsProxy(v: Values, d: ConfigMapDefaults, set: Set): void {
  if (!v.is('dnsProxy')) return;
  if (v.has('dnsProxy', 'enableTransparentMode')) set('dnsproxy-enable-transparent-mode', v.str('dnsProxy.enableTransparentMode'));
  else if (d.cniChainingMode === 'none') set('dnsproxy-enable-transparent-mode', d.dnsProxyEnableTransparentMode);
  if (!v.isNil('dnsProxy.socketLingerTimeout')) set('dnsproxy-socket-linger-timeout', v.str('dnsProxy.socketLingerTimeout'));
  if (v.is('dnsProxy.dnsRejectResponseCode')) set('tofqdns-dns-reject-response-code', v.str('dnsProxy.dnsRejectResponseCode'));
  if (v.has('dnsProxy', 'enableDnsCompression')) set('tofqdns-enable-dns-compression', v.str('dnsProxy.enableDnsCompression'));
  const ifSet = [
    ['endpointMaxIpPerHostname', 'tofqdns-endpoint-max-ip-per-hostname'],
    ['idleConnectionGracePeriod', 'tofqdns-idle-connection-grace-period'],
    ['maxDeferredConnectionDeletes', 'tofqdns-max-deferred-connection-deletes'],
    ['minTtl', 'tofqdns-min-ttl'],
    ['preCache', 'tofqdns-pre-cache'],
    ['proxyPort', 'tofqdns-proxy-port'],
    ['proxyResponseMaxDelay', 'tofqdns-proxy-response-max-delay'],
  ] as const;
  for (const [key, name] of ifSet) if (v.is(`dnsProxy.${key}`)) set(name, v.str(`dnsProxy.${key}`));
  set('tofqdns-preallocate-identities', v.str('dnsProxy.preAllocateIdentities'));
}

function auth(v: Values, set: Set): void {
  set('mesh-auth-enabled', v.str('authentication.enabled'));
  set('mesh-auth-queue-size', v.str('authentication.queueSize'));
  set('mesh-auth-rotated-identities-queue-size', v.str('authentication.rotatedIdentitiesQueueSize'));
  set('mesh-auth-gc-interval', duration(v, 'authentication.gcInterval'));
  if (!v.is('authentication.mutual.spire.enabled')) return;
  const spire = (k: string) => v.str(`authentication.mutual.spire.${k}`);
  set('mesh-auth-mutual-enabled', 'true');
  set('mesh-auth-mutual-listener-port', v.str('authentication.mutual.port'));
  set('mesh-auth-spire-agent-socket', spire('agentSocketPath'));
  set('mesh-auth-mutual-connect-timeout', duration(v, 'authentication.mutual.connectTimeout'));
  set('mesh-auth-spire-server-address', v.is('authentication.mutual.spire.serverAddress') ? spire('serverAddress') : `spire-server.${spire('install.namespace')}.svc:8081`);
  set('mesh-auth-spire-server-connection-timeout', goString(v.get('authentication.mutual.spire.connectionTimeout')));
  set('mesh-auth-spire-admin-socket', spire('adminSocketPath'));
  set('mesh-auth-spiffe-trust-domain', spire('trustDomain'));
}

function envoy(v: Values, d: ConfigMapDefaults, set: Set): void {
  const e = (k: string) => v.str(`envoy.${k}`);
  set('proxy-xff-num-trusted-hops-ingress', e('xffNumTrustedHopsL7PolicyIngress'));
  set('proxy-xff-num-trusted-hops-egress', e('xffNumTrustedHopsL7PolicyEgress'));
  set('proxy-connect-timeout', e('connectTimeoutSeconds'));
  set('proxy-initial-fetch-timeout', e('initialFetchTimeoutSeconds'));
  set('proxy-max-requests-per-connection', e('maxRequestsPerConnection'));
  set('proxy-max-connection-duration-seconds', e('maxConnectionDurationSeconds'));
  set('proxy-idle-timeout-seconds', e('idleTimeoutDurationSeconds'));
  set('proxy-max-concurrent-retries', e('maxConcurrentRetries'));
  set('http-retry-count', e('httpRetryCount'));
  set('external-envoy-proxy', String(d.envoyDaemonSet));
  set('envoy-base-id', e('baseID'));
  if (v.is('envoy.httpUpstreamLingerTimeout')) set('envoy-http-upstream-linger-timeout', e('httpUpstreamLingerTimeout'));
  if (v.is('envoy.policyRestoreTimeoutDuration')) set('envoy-policy-restore-timeout', e('policyRestoreTimeoutDuration'));
  if (v.is('envoy.log.path')) set('envoy-log', e('log.path'));
  if (v.is('envoy.log.defaultLevel')) set('envoy-default-log-level', e('log.defaultLevel'));
  if (v.is('envoy.log.accessLogBufferSize')) set('envoy-access-log-buffer-size', e('log.accessLogBufferSize'));
  set('envoy-keep-cap-netbindservice', e('securityContext.capabilities.keepCapNetBindService'));
}
