// Layer cilium (chart): the first half of templates/cilium-configmap.yaml's data, in template order:
// kvstore, identity allocation, debug, metrics, Envoy, Ingress/Gateway API, IP families, BPF maps and
// events, cluster name, routing mode and tunnel, MTU, cloud IPAM (ENI, Azure, AlibabaCloud), CNI chaining.

import type { ConfigMapData, ConfigMapDefaults } from './cilium-configmap.js';
import { CONFIGMAP_TEMPLATE, duration } from './cilium-configmap.js';
import { isTable } from './helm-values.js';
import { goString, join, quote, TemplateFail, toInt, truthy, type Values } from './template-context.js';

export function agentSection(v: Values, d: ConfigMapDefaults, data: ConfigMapData): void {
  const set = (k: string, val: string) => void (data[k] = val);
  if (v.is('etcd.enabled')) {
    set('kvstore', 'etcd');
    set('kvstore-opt', '{"etcd.config": "/var/lib/etcd-config/etcd.config"}');
    const endpoints = (v.get('etcd.endpoints') as readonly unknown[] | undefined) ?? [];
    const tls = v.is('etcd.ssl')
      ? "\ntrusted-ca-file: '/var/lib/etcd-secrets/etcd-client-ca.crt'\nkey-file: '/var/lib/etcd-secrets/etcd-client.key'\ncert-file: '/var/lib/etcd-secrets/etcd-client.crt'"
      : '';
    set('etcd-config', `---\nendpoints:${endpoints.map((e) => `\n  - ${String(e)}`).join('')}${tls}`);
  }
  if (v.is('conntrackGCInterval')) set('conntrack-gc-interval', duration(v, 'conntrackGCInterval'));
  if (v.is('conntrackGCMaxInterval')) set('conntrack-gc-max-interval', duration(v, 'conntrackGCMaxInterval'));
  if (v.has('', 'disableEnvoyVersionCheck')) set('disable-envoy-version-check', v.str('disableEnvoyVersionCheck'));
  set('identity-allocation-mode', v.str('identityAllocationMode'));
  set('identity-heartbeat-timeout', duration(v, 'operator.identityHeartbeatTimeout'));
  set('identity-gc-interval', duration(v, 'operator.identityGCInterval'));
  set('cilium-endpoint-gc-interval', duration(v, 'operator.endpointGCInterval'));
  set('nodes-gc-interval', duration(v, 'operator.nodeGCInterval'));
  if (v.get('disableEndpointCRD') === true) set('disable-endpoint-crd', 'true');
  if (v.is('identityChangeGracePeriod')) set('identity-change-grace-period', duration(v, 'identityChangeGracePeriod'));
  if (v.has('', 'labels')) set('labels', v.str('labels'));
  set('debug', v.str('debug.enabled'));
  if (v.has('debug', 'verbose')) set('debug-verbose', goString(v.get('debug.verbose')));
  if (v.has('debug', 'metricsSamplingInterval')) set('metrics-sampling-interval', goString(v.get('debug.metricsSamplingInterval')));
  if (toInt(v.get('healthPort')) !== 9879) set('agent-health-port', goString(v.get('healthPort')));
  if (v.has('', 'clusterHealthPort')) set('cluster-health-port', goString(v.get('clusterHealthPort')));
  if (v.has('', 'policyEnforcementMode')) set('enable-policy', v.str('policyEnforcementMode').toLowerCase());
  if (v.has('', 'policyCIDRMatchMode')) set('policy-cidr-match-mode', join(' ', v.get('policyCIDRMatchMode')));
  metrics(v, d, set);
  envoyAndIngress(v, d, set);
  set('enable-ipv4', v.str('ipv4.enabled'));
  set('enable-ipv6', v.str('ipv6.enabled'));
  if (v.is('cleanState')) set('clean-cilium-state', 'true');
  if (v.is('cleanBpfState')) set('clean-cilium-bpf-state', 'true');
  if (v.has('cni', 'customConf')) set('custom-cni-conf', goString(v.get('cni.customConf')));
  if (v.has('', 'bpfClockProbe')) set('enable-bpf-clock-probe', v.str('bpfClockProbe'));
  else if (d.bpfClockProbe === 'true') set('enable-bpf-clock-probe', 'true');
  if (!v.isNil('bpf.tproxy')) set('enable-bpf-tproxy', v.str('bpf.tproxy'));
  set('monitor-aggregation', goString(v.get('bpf.monitorAggregation')));
  set('monitor-aggregation-interval', duration(v, 'bpf.monitorInterval'));
  set('monitor-aggregation-flags', goString(v.get('bpf.monitorFlags')));
  bpfMaps(v, d, set);
  routing(v, d, set);
  cloudIpam(v, d, set);
}

type Set = (k: string, val: string) => void;

/** A plain multi-line scalar (`key: {{- range }}\n    {{ . }}`) folds its lines into one, space-separated. */
function folded(list: unknown): string {
  return Array.isArray(list) ? list.map((x) => String(x)).join(' ') : '';
}

function metrics(v: Values, d: ConfigMapDefaults, set: Set): void {
  if (v.is('prometheus.enabled')) {
    set('prometheus-serve-addr', `:${goString(v.get('prometheus.port'))}`);
    if (v.is('prometheus.metrics')) set('metrics', folded(v.get('prometheus.metrics')));
    if (v.is('prometheus.controllerGroupMetrics')) set('controller-group-metrics', folded(v.get('prometheus.controllerGroupMetrics')));
  }
  if (!d.envoyDaemonSet) {
    if (v.is('envoy.prometheus.enabled')) set('proxy-prometheus-port', goString(v.get('envoy.prometheus.port')));
    if (v.is('envoy.debug.admin.enabled') && v.is('envoy.debug.admin.port')) set('proxy-admin-port', goString(v.get('envoy.debug.admin.port')));
  }
  if (v.is('operator.prometheus.enabled')) {
    set('operator-prometheus-serve-addr', `:${goString(v.get('operator.prometheus.port'))}`);
    set('enable-metrics', 'true');
  }
  if (v.is('operator.skipCRDCreation')) set('skip-crd-creation', 'true');
}

/** `include "mapToString"`: key=value pairs in key order, joined by commas. */
function mapToString(m: unknown): string {
  if (!isTable(m)) return '';
  return Object.keys(m).sort().map((k) => `${k}=${goString(m[k])}`).join(',');
}

function envoyAndIngress(v: Values, d: ConfigMapDefaults, set: Set): void {
  const l7Envoy = v.has('', 'loadBalancer') && v.str('loadBalancer.l7.backend') === 'envoy';
  if (v.is('envoyConfig.enabled') || v.is('ingressController.enabled') || v.is('gatewayAPI.enabled') || l7Envoy) {
    set('enable-envoy-config', 'true');
    set('envoy-config-retry-interval', duration(v, 'envoyConfig.retryInterval'));
    if (v.is('envoyConfig.enabled')) set('envoy-secrets-namespace', v.str('envoyConfig.secretsNamespace.name'));
  }
  if (v.is('ingressController.enabled')) {
    const ic = (k: string) => v.str(`ingressController.${k}`);
    set('enable-ingress-controller', 'true');
    set('enforce-ingress-https', ic('enforceHttps'));
    set('enable-ingress-proxy-protocol', ic('enableProxyProtocol'));
    set('enable-ingress-secrets-sync', ic('secretsNamespace.sync'));
    set('ingress-secrets-namespace', ic('secretsNamespace.name'));
    set('ingress-lb-annotation-prefixes', join(' ', v.get('ingressController.ingressLBAnnotationPrefixes')));
    set('ingress-default-lb-mode', ic('loadbalancerMode'));
    set('ingress-shared-lb-service-name', ic('service.name'));
    if (v.is('ingressController.defaultSecretNamespace') && v.is('ingressController.defaultSecretName')) {
      set('ingress-default-secret-namespace', ic('defaultSecretNamespace'));
      set('ingress-default-secret-name', ic('defaultSecretName'));
    }
    set('ingress-hostnetwork-enabled', ic('hostNetwork.enabled'));
    set('ingress-hostnetwork-shared-listener-port', ic('hostNetwork.sharedListenerPort'));
    set('ingress-hostnetwork-nodelabelselector', mapToString(v.get('ingressController.hostNetwork.nodes.matchLabels')));
  }
  if (v.is('gatewayAPI.enabled')) {
    const gw = (k: string) => v.str(`gatewayAPI.${k}`);
    set('enable-gateway-api', 'true');
    set('enable-gateway-api-secrets-sync', gw('secretsNamespace.sync'));
    set('enable-gateway-api-proxy-protocol', gw('enableProxyProtocol'));
    set('enable-gateway-api-app-protocol', quote(truthy(v.get('gatewayAPI.enableAppProtocol')) ? v.get('gatewayAPI.enableAppProtocol') : v.get('gatewayAPI.enableAlpn')));
    set('enable-gateway-api-alpn', gw('enableAlpn'));
    set('gateway-api-xff-num-trusted-hops', gw('xffNumTrustedHops'));
    set('gateway-api-service-externaltrafficpolicy', gw('externalTrafficPolicy'));
    set('gateway-api-secrets-namespace', gw('secretsNamespace.name'));
    set('gateway-api-hostnetwork-enabled', gw('hostNetwork.enabled'));
    set('gateway-api-hostnetwork-nodelabelselector', mapToString(v.get('gatewayAPI.hostNetwork.nodes.matchLabels')));
  }
  if (d.readSecretsOnlyFromSecretsNamespace && d.secretSyncEnabled) set('enable-policy-secrets-sync', 'true');
  if (d.readSecretsOnlyFromSecretsNamespace) {
    set('policy-secrets-only-from-secrets-namespace', 'true');
    set('policy-secrets-namespace', v.str('tls.secretsNamespace.name'));
  }
  if (l7Envoy) {
    set('loadbalancer-l7', 'envoy');
    set('loadbalancer-l7-ports', join(' ', v.get('loadBalancer.l7.ports')));
    set('loadbalancer-l7-algorithm', v.str('loadBalancer.l7.algorithm'));
  }
}

function bpfMaps(v: Values, d: ConfigMapDefaults, set: Set): void {
  if (v.is('bpf.events.default.rateLimit')) set('bpf-events-default-rate-limit', v.str('bpf.events.default.rateLimit'));
  if (v.is('bpf.events.default.burstLimit')) set('bpf-events-default-burst-limit', v.str('bpf.events.default.burstLimit'));
  const ratio = Number(v.get('bpf.mapDynamicSizeRatio') ?? 0) || 0;
  if (ratio !== 0) set('bpf-map-dynamic-size-ratio', v.str('bpf.mapDynamicSizeRatio'));
  else if (d.bpfMapDynamicSizeRatio !== 0) set('bpf-map-dynamic-size-ratio', String(d.bpfMapDynamicSizeRatio));
  if (!v.isNil('bpf.hostLegacyRouting')) set('enable-host-legacy-routing', v.str('bpf.hostLegacyRouting'));
  else if (d.cniChainingMode !== 'none') set('enable-host-legacy-routing', 'true');
  if (v.is('bpf.nodeMapMax')) set('bpf-node-map-max', v.str('bpf.nodeMapMax'));
  if (v.is('bpf.authMapMax')) set('bpf-auth-map-max', String(toInt(v.get('bpf.authMapMax'))));
  if (d.bpfCtTcpMax) set('bpf-ct-global-tcp-max', String(Math.trunc(d.bpfCtTcpMax)));
  if (d.bpfCtAnyMax) set('bpf-ct-global-any-max', String(Math.trunc(d.bpfCtAnyMax)));
  if (v.is('bpf.ctAccounting')) set('bpf-conntrack-accounting', String(toInt(v.get('bpf.ctAccounting'))));
  if (v.is('bpf.natMax')) set('bpf-nat-global-max', String(toInt(v.get('bpf.natMax'))));
  if (v.is('bpf.neighMax')) set('bpf-neigh-global-max', String(toInt(v.get('bpf.neighMax'))));
  if (v.has('bpf', 'policyMapMax')) set('bpf-policy-map-max', String(toInt(v.get('bpf.policyMapMax'))));
  if (v.has('bpf', 'policyStatsMapMax')) set('bpf-policy-stats-map-max', String(toInt(v.get('bpf.policyStatsMapMax'))));
  if (v.has('bpf', 'lbMapMax')) set('bpf-lb-map-max', String(toInt(v.get('bpf.lbMapMax'))));
  const passthrough = [
    ['lbExternalClusterIP', 'bpf-lb-external-clusterip'],
    ['lbSourceRangeAllTypes', 'bpf-lb-source-range-all-types'],
    ['lbAlgorithmAnnotation', 'bpf-lb-algorithm-annotation'],
    ['lbModeAnnotation', 'bpf-lb-mode-annotation'],
  ] as const;
  for (const [key, name] of passthrough) if (v.has('bpf', key)) set(name, v.str(`bpf.${key}`));
  set('bpf-distributed-lru', v.str('bpf.distributedLRU.enabled'));
  set('bpf-events-drop-enabled', v.str('bpf.events.drop.enabled'));
  set('bpf-events-policy-verdict-enabled', v.str('bpf.events.policyVerdict.enabled'));
  set('bpf-events-trace-enabled', v.str('bpf.events.trace.enabled'));
  set('preallocate-bpf-maps', goString(v.get('bpf.preallocateMaps')));
  set('cluster-name', v.str('cluster.name'));
  if (v.has('cluster', 'id')) set('cluster-id', goString(v.get('cluster.id')));
}

function routing(v: Values, d: ConfigMapDefaults, set: Set): void {
  const mode = v.get('routingMode');
  if (v.is('gke.enabled')) {
    if ((truthy(mode) ? goString(mode) : 'native') !== 'native') throw new TemplateFail(CONFIGMAP_TEMPLATE, 520, 8, 'RoutingMode must be set to native when gke.enabled=true');
    set('enable-endpoint-routes', 'true');
  } else if (v.is('aksbyocni.enabled') && (truthy(mode) ? goString(mode) : 'tunnel') !== 'tunnel') {
    throw new TemplateFail(CONFIGMAP_TEMPLATE, 525, 8, 'RoutingMode must be set to tunnel when aksbyocni.enabled=true');
  }
  set('routing-mode', truthy(mode) ? goString(mode) : v.is('gke.enabled') ? 'native' : 'tunnel');
  set('tunnel-protocol', v.is('tunnelProtocol') ? v.str('tunnelProtocol') : 'vxlan');
  if (mode === 'native') {
    if (v.is('ipv4.enabled') && v.is('enableIPv4Masquerade') && !v.is('ipMasqAgent.enabled') && d.ipam !== 'eni' && d.ipam !== 'alibabacloud' && !v.is('ipv4NativeRoutingCIDR')) {
      throw new TemplateFail(CONFIGMAP_TEMPLATE, 536, 12, ' ipv4NativeRoutingCIDR must be set when routingMode is native');
    }
    if (v.is('ipv6.enabled') && v.is('enableIPv6Masquerade') && !v.is('ipMasqAgent.enabled') && !v.is('ipv6NativeRoutingCIDR')) {
      throw new TemplateFail(CONFIGMAP_TEMPLATE, 542, 10, 'ipv6NativeRoutingCIDR must be set when routingMode is native');
    }
  }
  if (v.is('tunnelPort')) set('tunnel-port', v.str('tunnelPort'));
  if (v.is('tunnelSourcePortRange')) set('tunnel-source-port-range', v.str('tunnelSourcePortRange'));
  if (v.is('underlayProtocol')) set('underlay-protocol', v.str('underlayProtocol'));
  if (v.is('serviceNoBackendResponse')) set('service-no-backend-response', goString(v.get('serviceNoBackendResponse')));
  if (v.is('MTU')) set('mtu', v.str('MTU'));
}

function cloudIpam(v: Values, d: ConfigMapDefaults, set: Set): void {
  if (v.is('eni.enabled')) {
    if (!v.is('endpointRoutes.enabled')) set('enable-endpoint-routes', 'true');
    set('auto-create-cilium-node-resource', 'true');
    if (v.is('eni.awsReleaseExcessIPs')) set('aws-release-excess-ips', 'true');
    if (v.is('eni.awsEnablePrefixDelegation')) set('aws-enable-prefix-delegation', 'true');
    set('ec2-api-endpoint', v.str('eni.ec2APIEndpoint'));
    set('eni-tags', JSON.stringify(v.get('eni.eniTags') ?? null));
    if (v.is('eni.subnetIDsFilter')) set('subnet-ids-filter', join(' ', v.get('eni.subnetIDsFilter')));
    if (v.is('eni.subnetTagsFilter')) set('subnet-tags-filter', join(',', v.get('eni.subnetTagsFilter')));
    if (v.is('eni.instanceTagsFilter')) set('instance-tags-filter', join(',', v.get('eni.instanceTagsFilter')));
  }
  if (v.is('eni.gcInterval')) set('eni-gc-interval', v.str('eni.gcInterval'));
  if (v.is('eni.gcTags')) set('eni-gc-tags', JSON.stringify(v.get('eni.gcTags')));
  if (v.is('azure.enabled')) {
    set('enable-endpoint-routes', 'true');
    set('auto-create-cilium-node-resource', 'true');
    if (v.is('azure.userAssignedIdentityID')) set('azure-user-assigned-identity-id', v.str('azure.userAssignedIdentityID'));
    set('azure-use-primary-address', d.azureUsePrimaryAddress);
  }
  if (v.is('alibabacloud.enabled')) {
    set('enable-endpoint-routes', 'true');
    set('auto-create-cilium-node-resource', 'true');
  }
  if (v.has('', 'l7Proxy')) set('enable-l7-proxy', v.str('l7Proxy'));
  if (d.cniChainingMode !== 'none') {
    set('cni-chaining-mode', d.cniChainingMode);
    if (v.has('', 'enableIdentityMark')) set('enable-identity-mark', v.str('enableIdentityMark'));
    if (d.cniChainingMode !== 'portmap') set('enable-local-node-route', 'false');
  }
}
