// Layer k8s: fixtures for the k8s tests: the seed lab's three nodes (k8s-ctr, k8s-w1, k8s-w0), a
// static-IP PodRuntime, the seed's manifests (webpod Deployment and Service, curl-pod) and a
// helper that runs the virtual clock until the control plane is idle.

import { Rng } from '../sim/rng.js';
import { Scheduler } from '../sim/scheduler.js';
import { Cluster, type NodeConfig } from './cluster.js';
import { StaticIpRuntime } from './kubelet/pod-runtime.js';
import type { Deployment } from './objects/apps.js';
import type { Service } from './objects/core.js';
import type { Pod } from './objects/pod.js';

export const SEED_NODES: readonly NodeConfig[] = [
  { name: 'k8s-ctr', internalIP: '192.168.10.100', roles: ['control-plane'], joinedAtUs: -3540_000_000, memoryMb: 2560 },
  { name: 'k8s-w0', internalIP: '192.168.20.100', joinedAtUs: -2460_000_000, memoryMb: 1536 },
  { name: 'k8s-w1', internalIP: '192.168.10.101', joinedAtUs: -97_000_000, memoryMb: 1536 },
];

export const EPOCH_MS = Date.UTC(2025, 7, 3, 11, 0, 0);

export interface TestLab {
  readonly scheduler: Scheduler;
  readonly cluster: Cluster;
  readonly runtime: StaticIpRuntime;
}

export function newLab(seed = 1, nodes: readonly NodeConfig[] = SEED_NODES): TestLab {
  const scheduler = new Scheduler();
  const runtime = new StaticIpRuntime({ 'k8s-ctr': '172.20.0.', 'k8s-w1': '172.20.1.', 'k8s-w0': '172.20.2.' });
  const cluster = new Cluster(
    { epochMs: EPOCH_MS, scheduler, rng: new Rng(seed), serviceCidr: '10.96.0.0/16', clusterCidr: '10.244.0.0/16', version: 'v1.33.2', nodes },
    runtime,
  );
  settle(scheduler);
  return { scheduler, cluster, runtime };
}

/** Runs events until none is left within `limitUs` of now. */
export function settle(s: Scheduler, limitUs = 120_000_000): void {
  s.runWhile(() => true, s.nowUs + limitUs);
}

export function webpodDeployment(): Deployment {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'webpod' },
    spec: {
      replicas: 3,
      selector: { matchLabels: { app: 'webpod' } },
      template: {
        metadata: { labels: { app: 'webpod' } },
        spec: {
          affinity: {
            podAntiAffinity: {
              requiredDuringSchedulingIgnoredDuringExecution: [
                { labelSelector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['sample-app'] }] }, topologyKey: 'kubernetes.io/hostname' },
              ],
            },
          },
          containers: [{ name: 'webpod', image: 'traefik/whoami', ports: [{ containerPort: 80 }] }],
        },
      },
    },
  };
}

export function webpodService(): Service {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'webpod', labels: { app: 'webpod' } },
    spec: { selector: { app: 'webpod' }, ports: [{ protocol: 'TCP', port: 80, targetPort: 80 }], type: 'ClusterIP' },
  };
}

export function curlPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'curl-pod', labels: { app: 'curl' } },
    spec: {
      nodeName: 'k8s-ctr',
      containers: [{ name: 'curl', image: 'nicolaka/netshoot', command: ['tail'], args: ['-f', '/dev/null'] }],
      terminationGracePeriodSeconds: 0,
    },
  };
}
