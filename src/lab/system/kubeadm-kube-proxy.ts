// Layer lab (system): the kube-proxy addon of `kubeadm init` v1.33 (cmd/kubeadm/app/phases/addons/proxy
// manifests.go and proxy.go): ServiceAccount kube-proxy, ConfigMap kube-proxy holding the
// KubeProxyConfiguration kubeadm marshals from its component-config defaults (keys sorted, as sigs.k8s.io/yaml
// writes them) plus kubeconfig.conf, signed with kubeadm's component-config hash, and the DaemonSet.

import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import YAML from 'yaml';
import type { GenericObject } from '../../k8s/index.js';
import { configMap, hostPathVolume, serviceAccount } from './manifest.js';

const NS = 'kube-system';

/** kubeproxy.config.k8s.io/v1alpha1 as kubeadm leaves it: every field present, unset ones zero or null. */
function kubeProxyConfiguration(clusterCidr: string): Record<string, unknown> {
  const syncZero = { minSyncPeriod: '0s', syncPeriod: '0s' };
  return {
    apiVersion: 'kubeproxy.config.k8s.io/v1alpha1',
    bindAddress: '0.0.0.0',
    bindAddressHardFail: false,
    clientConnection: { acceptContentTypes: '', burst: 0, contentType: '', kubeconfig: '/var/lib/kube-proxy/kubeconfig.conf', qps: 0 },
    clusterCIDR: clusterCidr,
    configSyncPeriod: '0s',
    conntrack: {
      maxPerCore: null, min: null, tcpBeLiberal: false, tcpCloseWaitTimeout: null, tcpEstablishedTimeout: null, udpStreamTimeout: '0s', udpTimeout: '0s',
    },
    detectLocal: { bridgeInterface: '', interfaceNamePrefix: '' },
    detectLocalMode: '',
    enableProfiling: false,
    healthzBindAddress: '',
    hostnameOverride: '',
    iptables: { localhostNodePorts: null, masqueradeAll: false, masqueradeBit: null, ...syncZero },
    ipvs: { excludeCIDRs: null, ...syncZero, scheduler: '', strictARP: false, tcpFinTimeout: '0s', tcpTimeout: '0s', udpTimeout: '0s' },
    kind: 'KubeProxyConfiguration',
    logging: { flushFrequency: 0, options: { json: { infoBufferSize: '0' }, text: { infoBufferSize: '0' } }, verbosity: 0 },
    metricsBindAddress: '',
    mode: '',
    nftables: { masqueradeAll: false, masqueradeBit: null, ...syncZero },
    nodePortAddresses: null,
    oomScoreAdj: null,
    portRange: '',
    showHiddenMetricsForVersion: '',
    winkernel: { enableDSR: false, forwardHealthCheckVip: false, networkName: '', rootHnsEndpointName: '', sourceVip: '' },
  };
}

/** The kubeconfig kube-proxy reads with its ServiceAccount token (manifests.go KubeProxyConfigMap19). */
function kubeconfig(server: string): string {
  return YAML.stringify(
    {
      apiVersion: 'v1',
      kind: 'Config',
      clusters: [{ cluster: { 'certificate-authority': '/var/run/secrets/kubernetes.io/serviceaccount/ca.crt', server }, name: 'default' }],
      contexts: [{ context: { cluster: 'default', namespace: 'default', user: 'default' }, name: 'default' }],
      'current-context': 'default',
      users: [{ name: 'default', user: { tokenFile: '/var/run/secrets/kubernetes.io/serviceaccount/token' } }],
    },
    { indentSeq: false, lineWidth: 0 },
  ).trimEnd();
}

/** componentconfigs.ChecksumForConfigMap: sha256 over the data values in key order. */
function componentConfigHash(data: Record<string, string>): string {
  const text = Object.keys(data).sort().map((k) => data[k] ?? '').join('');
  return `sha256:${bytesToHex(sha256(new TextEncoder().encode(text)))}`;
}

/** Rendered configs by cluster CIDR and server: marshalling is the costly part and depends on nothing else. */
const rendered = new Map<string, GenericObject>();

function proxyConfigMap(clusterCidr: string, server: string): GenericObject {
  const key = `${clusterCidr} ${server}`;
  const hit = rendered.get(key);
  if (hit !== undefined) return hit;
  const data = {
    'config.conf': YAML.stringify(kubeProxyConfiguration(clusterCidr), { sortMapEntries: true, indentSeq: false, lineWidth: 0 }).trimEnd(),
    'kubeconfig.conf': kubeconfig(server),
  };
  const cm = configMap('kube-proxy', NS, data, { app: 'kube-proxy' });
  const out = { ...cm, metadata: { ...cm.metadata, annotations: { 'kubeadm.kubernetes.io/component-config.hash': componentConfigHash(data) } } };
  rendered.set(key, out);
  return out;
}

function daemonSet(version: string): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { labels: { 'k8s-app': 'kube-proxy' }, name: 'kube-proxy', namespace: NS },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      updateStrategy: { type: 'RollingUpdate' },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          priorityClassName: 'system-node-critical',
          containers: [
            {
              name: 'kube-proxy',
              image: `registry.k8s.io/kube-proxy:${version}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'],
              securityContext: { privileged: true },
              volumeMounts: [
                { mountPath: '/var/lib/kube-proxy', name: 'kube-proxy' },
                { mountPath: '/run/xtables.lock', name: 'xtables-lock' },
                { mountPath: '/lib/modules', name: 'lib-modules', readOnly: true },
              ],
              env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
            },
          ],
          hostNetwork: true,
          serviceAccountName: 'kube-proxy',
          volumes: [
            { name: 'kube-proxy', configMap: { name: 'kube-proxy' } },
            hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
            hostPathVolume('lib-modules', '/lib/modules'),
          ],
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
        },
      },
    },
  };
}

/** The addon's objects; `server` is the control plane endpoint (https://<advertise address>:6443). */
export function kubeProxyObjects(version: string, clusterCidr: string, server: string): GenericObject[] {
  return [serviceAccount('kube-proxy', NS), proxyConfigMap(clusterCidr, server), daemonSet(version)];
}
