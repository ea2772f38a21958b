// Layer lab: the objects `helm install cilium` creates that the emulated cluster runs (the chart's
// templates): the cilium-config ConfigMap rendered from the values, the cilium agent DaemonSet (host
// network, maxUnavailable 2, terminationGracePeriodSeconds 1) and the operator Deployment.

import type { GenericObject } from '../../k8s/index.js';
import { releaseSecret, ciliumRelease, renderCiliumConfigMap, renderNotes } from '../../cilium/chart/index.js';
import type { LabSpec } from '../lab-file/index.js';
import { serviceAccount } from './kubeadm.js';

export const CILIUM_CONFIG = 'cilium-config';

export function ciliumObjects(spec: LabSpec): GenericObject[] {
  const version = spec.cilium.version;
  const replicas = Number((spec.cilium.values['operator'] as { replicas?: number } | undefined)?.replicas ?? 2);
  return [
    serviceAccount('cilium'),
    serviceAccount('cilium-operator'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: CILIUM_CONFIG, namespace: 'kube-system', labels: { 'app.kubernetes.io/managed-by': 'Helm' } }, data: renderCiliumConfigMap(spec.cilium.values, { kubeVersion: spec.kubernetes.version }) },
    installRecord(spec),
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

/** The release `helm install cilium` left: revision 1, deployed, as the Secret Helm's storage driver writes. */
function installRecord(spec: LabSpec): GenericObject {
  const at = spec.clock.startUnixMs + Math.floor(spec.cilium.installedUs / 1000);
  const rel = ciliumRelease({
    name: 'cilium',
    namespace: 'kube-system',
    version: 1,
    status: 'deployed',
    firstDeployedMs: at,
    lastDeployedMs: at,
    description: 'Install complete',
    notes: renderNotes(spec.cilium.values),
    config: spec.cilium.values,
  });
  return releaseSecret(rel) as unknown as GenericObject;
}
