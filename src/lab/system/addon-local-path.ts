// Layer lab (system): `kubectl apply -f .../local-path-provisioner/<version>/deploy/local-path-storage.yaml`
// (rancher/local-path-provisioner v0.0.31) and, when the lab file asks, the patch that makes StorageClass
// local-path the default: namespace local-path-storage, its ServiceAccount, the provisioner Deployment,
// the StorageClass and the local-path-config ConfigMap (config.json, setup, teardown, helper pod).
// RBAC is not modelled.

import type { GenericObject } from '../../k8s/index.js';
import { kubectlApplied, namespace } from './manifest.js';

const NS = 'local-path-storage';
const SA = 'local-path-provisioner-service-account';

function deployment(version: string): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'local-path-provisioner', namespace: NS },
    spec: {
      replicas: 1,
      selector: { matchLabels: { app: 'local-path-provisioner' } },
      template: {
        metadata: { labels: { app: 'local-path-provisioner' } },
        spec: {
          serviceAccountName: SA,
          containers: [
            {
              name: 'local-path-provisioner',
              image: `rancher/local-path-provisioner:${version}`,
              imagePullPolicy: 'IfNotPresent',
              command: ['local-path-provisioner', '--debug', 'start', '--config', '/etc/config/config.json'],
              volumeMounts: [{ name: 'config-volume', mountPath: '/etc/config/' }],
              env: [
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'CONFIG_MOUNT_PATH', value: '/etc/config/' },
              ],
            },
          ],
          volumes: [{ name: 'config-volume', configMap: { name: 'local-path-config' } }],
        },
      },
    },
  };
}

/** The provisioner's config: one path for every node, the volume setup/teardown scripts, the helper pod. */
function config(): Record<string, string> {
  return {
    'config.json': [
      '{',
      '        "nodePathMap":[',
      '        {',
      '                "node":"DEFAULT_PATH_FOR_NON_LISTED_NODES",',
      '                "paths":["/opt/local-path-provisioner"]',
      '        }',
      '        ]',
      '}',
    ].join('\n'),
    setup: '#!/bin/sh\nset -eu\nmkdir -m 0777 -p "$VOL_DIR"',
    teardown: '#!/bin/sh\nset -eu\nrm -rf "$VOL_DIR"',
    'helperPod.yaml': [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: helper-pod',
      'spec:',
      '  priorityClassName: system-node-critical',
      '  tolerations:',
      '    - key: node.kubernetes.io/disk-pressure',
      '      operator: Exists',
      '      effect: NoSchedule',
      '  containers:',
      '  - name: helper-pod',
      '    image: busybox',
      '    imagePullPolicy: IfNotPresent',
    ].join('\n'),
  };
}

/** The applied objects in manifest order (RBAC left out); `makeDefault` adds the default-class annotation. */
export function localPathObjects(version: string, makeDefault: boolean): GenericObject[] {
  const sc = kubectlApplied({
    apiVersion: 'storage.k8s.io/v1',
    kind: 'StorageClass',
    metadata: { name: 'local-path' },
    provisioner: 'rancher.io/local-path',
    volumeBindingMode: 'WaitForFirstConsumer',
    reclaimPolicy: 'Delete',
  });
  const annotations = { ...sc.metadata.annotations, ...(makeDefault ? { 'storageclass.kubernetes.io/is-default-class': 'true' } : {}) };
  return [
    kubectlApplied(namespace(NS)),
    kubectlApplied({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: SA, namespace: NS } }),
    kubectlApplied(deployment(version)),
    { ...sc, metadata: { ...sc.metadata, annotations } },
    kubectlApplied({ kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'local-path-config', namespace: NS }, data: config() }),
  ];
}
