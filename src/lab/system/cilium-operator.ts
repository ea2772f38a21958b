// Layer lab (system): the cilium-operator Deployment of the cilium 1.18.0 chart
// (templates/cilium-operator/deployment.yaml): operator-generic on the host network, its health probes
// on 127.0.0.1:9234, the prometheus host port, cilium-config mounted as its config dir, and with one
// replica the rolling update that may take the only pod down (maxUnavailable 100%).

import type { GenericObject } from '../../k8s/index.js';
import type { ChartValues } from './cilium-values.js';
import { fieldEnv } from './manifest.js';

type Obj = Record<string, unknown>;

function strategy(v: ChartValues): unknown {
  if (v.str('operator.replicas') === '1' && v.str('operator.updateStrategy.type') === 'RollingUpdate')
    return { rollingUpdate: { maxSurge: v.json('operator.updateStrategy.rollingUpdate.maxSurge'), maxUnavailable: '100%' }, type: 'RollingUpdate' };
  return v.json('operator.updateStrategy');
}

function operatorContainer(v: ChartValues): Obj {
  const hostNetwork = v.is('operator.hostNetwork');
  const health = { ...(hostNetwork ? { host: '127.0.0.1' } : {}), path: '/healthz', port: 9234, scheme: 'HTTP' };
  const port = v.num('operator.prometheus.port');
  return {
    name: 'cilium-operator',
    image: v.operatorImage(),
    imagePullPolicy: v.str('operator.image.pullPolicy'),
    command: ['cilium-operator-generic'],
    args: ['--config-dir=/tmp/cilium/config-map', '--debug=$(CILIUM_DEBUG)'],
    env: [
      fieldEnv('K8S_NODE_NAME', 'spec.nodeName'),
      fieldEnv('CILIUM_K8S_NAMESPACE', 'metadata.namespace'),
      { name: 'CILIUM_DEBUG', valueFrom: { configMapKeyRef: { key: 'debug', name: 'cilium-config', optional: true } } },
      ...v.apiServerEnv(),
    ],
    ...(v.is('operator.prometheus.enabled') ? { ports: [{ name: 'prometheus', containerPort: port, ...(hostNetwork ? { hostPort: port } : {}), protocol: 'TCP' }] } : {}),
    livenessProbe: { httpGet: health, initialDelaySeconds: 60, periodSeconds: 10, timeoutSeconds: 3 },
    readinessProbe: { httpGet: health, initialDelaySeconds: 0, periodSeconds: 5, timeoutSeconds: 3, failureThreshold: 5 },
    volumeMounts: [{ name: 'cilium-config-path', mountPath: '/tmp/cilium/config-map', readOnly: true }],
    securityContext: v.json('operator.securityContext'),
    terminationMessagePolicy: 'FallbackToLogsOnError',
  };
}

export function operatorDeployment(v: ChartValues): GenericObject {
  const labels = { 'io.cilium/app': 'operator', name: 'cilium-operator', 'app.kubernetes.io/part-of': 'cilium', 'app.kubernetes.io/name': 'cilium-operator' };
  const prometheus = v.is('operator.prometheus.enabled');
  const notReady = v.is('agentNotReadyTaintKey') ? [{ key: v.str('agentNotReadyTaintKey'), operator: 'Exists' }] : [];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cilium-operator', namespace: 'kube-system', labels },
    spec: {
      replicas: v.num('operator.replicas'),
      selector: { matchLabels: { 'io.cilium/app': 'operator', name: 'cilium-operator' } },
      strategy: strategy(v),
      template: {
        metadata: { ...(prometheus ? { annotations: { 'prometheus.io/port': v.str('operator.prometheus.port'), 'prometheus.io/scrape': 'true' } } : {}), labels },
        spec: {
          securityContext: v.json('operator.podSecurityContext'),
          containers: [operatorContainer(v)],
          hostNetwork: v.is('operator.hostNetwork'),
          restartPolicy: 'Always',
          priorityClassName: v.priorityClass('operator.priorityClassName', 'system-cluster-critical'),
          serviceAccountName: v.str('serviceAccounts.operator.name'),
          automountServiceAccountToken: v.is('serviceAccounts.operator.automount'),
          affinity: v.json('operator.affinity'),
          nodeSelector: v.json('operator.nodeSelector'),
          tolerations: [...(v.json('operator.tolerations') as Obj[]), ...notReady],
          volumes: [{ name: 'cilium-config-path', configMap: { name: 'cilium-config' } }],
        },
      },
    },
  };
}
