// Layer lab (system): the standalone Envoy of the cilium 1.18.0 chart (templates/cilium-envoy/
// daemonset.yaml and service.yaml): DaemonSet cilium-envoy beside every agent (pod affinity to
// k8s-app=cilium), probes on its health port, the envoy-metrics host port, and the headless
// cilium-envoy Service Prometheus scrapes.

import type { GenericObject } from '../../k8s/index.js';
import type { ChartValues } from './cilium-values.js';
import { fieldEnv, hostPathVolume } from './manifest.js';

type Obj = Record<string, unknown>;

function probe(v: ChartValues, kind: 'startupProbe' | 'livenessProbe' | 'readinessProbe'): Obj {
  const httpGet = { host: '127.0.0.1', path: '/healthz', port: v.num('envoy.healthPort'), scheme: 'HTTP' };
  const base = { httpGet, periodSeconds: v.num(`envoy.${kind}.periodSeconds`), successThreshold: 1, failureThreshold: v.num(`envoy.${kind}.failureThreshold`) };
  return kind === 'startupProbe' ? { ...base, initialDelaySeconds: 5 } : { ...base, timeoutSeconds: 5 };
}

/** The starter's arguments: envoy's bootstrap file, base id and log level (debug.verbose "envoy"/"flow" raise it). */
function envoyArgs(v: ChartValues): string[] {
  const verbose = v.str('debug.verbose').split(' ');
  const debug = v.is('debug.enabled');
  const level = debug && verbose.includes('envoy') ? 'trace' : debug && verbose.includes('flow') ? 'debug' : v.str('envoy.log.defaultLevel') || 'info';
  return [
    ...(v.is('envoy.securityContext.capabilities.keepCapNetBindService') ? ['--keep-cap-net-bind-service'] : []),
    '--',
    '-c /var/run/cilium/envoy/bootstrap-config.json',
    `--base-id ${v.num('envoy.baseID')}`,
    `--log-level ${level}`,
    ...(v.is('envoy.log.path') ? [`--log-path ${v.str('envoy.log.path')}`] : []),
  ];
}

function envoyContainer(v: ChartValues): Obj {
  const metricsPort = Number(v.str('envoy.prometheus.port'));
  return {
    name: 'cilium-envoy',
    image: v.image('envoy.image'),
    imagePullPolicy: v.str('envoy.image.pullPolicy'),
    command: ['/usr/bin/cilium-envoy-starter'],
    args: envoyArgs(v),
    startupProbe: probe(v, 'startupProbe'),
    livenessProbe: probe(v, 'livenessProbe'),
    readinessProbe: probe(v, 'readinessProbe'),
    env: [fieldEnv('K8S_NODE_NAME', 'spec.nodeName'), fieldEnv('CILIUM_K8S_NAMESPACE', 'metadata.namespace'), ...v.apiServerEnv()],
    ...(v.is('envoy.prometheus.enabled') ? { ports: [{ name: 'envoy-metrics', containerPort: metricsPort, hostPort: metricsPort, protocol: 'TCP' }] } : {}),
    securityContext: { seLinuxOptions: v.json('envoy.securityContext.seLinuxOptions'), capabilities: { add: v.json('envoy.securityContext.capabilities.envoy'), drop: ['ALL'] } },
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: [
      { name: 'envoy-sockets', mountPath: '/var/run/cilium/envoy/sockets', readOnly: false },
      { name: 'envoy-artifacts', mountPath: '/var/run/cilium/envoy/artifacts', readOnly: true },
      { name: 'envoy-config', mountPath: '/var/run/cilium/envoy/', readOnly: true },
      { name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'HostToContainer' },
    ],
  };
}

export function envoyDaemonSet(v: ChartValues): GenericObject {
  const runPath = v.str('daemon.runPath');
  const labels = { 'k8s-app': 'cilium-envoy', name: 'cilium-envoy', 'app.kubernetes.io/name': 'cilium-envoy', 'app.kubernetes.io/part-of': 'cilium' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'cilium-envoy', namespace: 'kube-system', labels: { 'k8s-app': 'cilium-envoy', 'app.kubernetes.io/part-of': 'cilium', 'app.kubernetes.io/name': 'cilium-envoy', name: 'cilium-envoy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'cilium-envoy' } },
      updateStrategy: v.json('envoy.updateStrategy'),
      template: {
        metadata: { labels },
        spec: {
          securityContext: v.json('envoy.podSecurityContext'),
          containers: [envoyContainer(v)],
          restartPolicy: 'Always',
          priorityClassName: v.priorityClass('envoy.priorityClassName', 'system-node-critical'),
          serviceAccountName: v.str('serviceAccounts.envoy.name'),
          automountServiceAccountToken: v.is('serviceAccounts.envoy.automount'),
          terminationGracePeriodSeconds: v.num('envoy.terminationGracePeriodSeconds'),
          hostNetwork: true,
          affinity: v.json('envoy.affinity'),
          nodeSelector: v.json('envoy.nodeSelector'),
          tolerations: v.json('envoy.tolerations'),
          volumes: [
            hostPathVolume('envoy-sockets', `${runPath}/envoy/sockets`, 'DirectoryOrCreate'),
            hostPathVolume('envoy-artifacts', `${runPath}/envoy/artifacts`, 'DirectoryOrCreate'),
            { name: 'envoy-config', configMap: { name: 'cilium-envoy-config', defaultMode: 0o400, items: [{ key: 'bootstrap-config.json', path: 'bootstrap-config.json' }] } },
            hostPathVolume('bpf-maps', '/sys/fs/bpf', 'DirectoryOrCreate'),
          ],
        },
      },
    },
  };
}

/** The headless metrics Service (prometheus.io annotations, as no ServiceMonitor is used). */
export function envoyService(v: ChartValues): GenericObject {
  const port = Number(v.str('envoy.prometheus.port'));
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'cilium-envoy',
      namespace: 'kube-system',
      annotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': v.str('envoy.prometheus.port') },
      labels: { 'k8s-app': 'cilium-envoy', 'app.kubernetes.io/name': 'cilium-envoy', 'app.kubernetes.io/part-of': 'cilium', 'io.cilium/app': 'proxy' },
    },
    spec: { clusterIP: 'None', type: 'ClusterIP', selector: { 'k8s-app': 'cilium-envoy' }, ports: [{ name: 'envoy-metrics', port, protocol: 'TCP', targetPort: 'envoy-metrics' }] },
  };
}
