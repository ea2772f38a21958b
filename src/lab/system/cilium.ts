// Layer lab: the objects `helm install cilium` creates that the emulated cluster runs (the chart's
// templates): the cilium-config ConfigMap rendered from the values, the cilium agent DaemonSet (host
// network, maxUnavailable 2, terminationGracePeriodSeconds 1) and the operator Deployment.

import type { GenericObject } from '../../k8s/index.js';
import { configMapData } from '../../cilium/helm-values.js';
import type { LabSpec } from '../lab-file/index.js';
import { serviceAccount } from './kubeadm.js';

export const CILIUM_CONFIG = 'cilium-config';

export function ciliumObjects(spec: LabSpec): GenericObject[] {
  const version = spec.cilium.version;
  const replicas = Number((spec.cilium.values['operator'] as { replicas?: number } | undefined)?.replicas ?? 2);
  return [
    serviceAccount('cilium'),
    serviceAccount('cilium-operator'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: CILIUM_CONFIG, namespace: 'kube-system', labels: { 'app.kubernetes.io/managed-by': 'Helm' } }, data: configMapData(spec.cilium.values) },
    agentDaemonSet(version),
    operatorDeployment(version, replicas),
  ];
}

function agentDaemonSet(version: string): GenericObject {
  const labels = { 'k8s-app': 'cilium', 'app.kubernetes.io/name': 'cilium-agent', 'app.kubernetes.io/part-of': 'cilium' };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'cilium', namespace: 'kube-system', labels },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'cilium' } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } },
      template: {
        metadata: { labels },
        spec: {
          hostNetwork: true,
          serviceAccountName: 'cilium',
          priorityClassName: 'system-node-critical',
          terminationGracePeriodSeconds: 1,
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{ name: 'cilium-agent', image: `quay.io/cilium/cilium:v${version}`, command: ['cilium-agent'], args: ['--config-dir=/tmp/cilium/config-map'] }],
        },
      },
    },
  };
}

function operatorDeployment(version: string, replicas: number): GenericObject {
  const labels = { 'io.cilium/app': 'operator', name: 'cilium-operator', 'app.kubernetes.io/name': 'cilium-operator', 'app.kubernetes.io/part-of': 'cilium' };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'cilium-operator', namespace: 'kube-system', labels },
    spec: {
      replicas,
      selector: { matchLabels: { 'io.cilium/app': 'operator', name: 'cilium-operator' } },
      template: {
        metadata: { labels },
        spec: {
          hostNetwork: true,
          serviceAccountName: 'cilium-operator',
          priorityClassName: 'system-cluster-critical',
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{ name: 'cilium-operator', image: `quay.io/cilium/operator-generic:v${version}`, command: ['cilium-operator-generic'], args: ['--config-dir=/tmp/cilium/config-map'] }],
        },
      },
    },
  };
}
