// Tests the whole control plane on the seed lab: the webpod Deployment lands one pod per node,
// curl-pod goes to k8s-ctr, Services get endpoints, and a seed reproduces names and uids.

import { describe, expect, it } from 'vitest';
import { curlPod, newLab, settle, webpodDeployment, webpodService } from './test-fixtures.js';

describe('seed lab', () => {
  it('has Ready nodes with podCIDRs in join order and the system namespaces', () => {
    const { cluster } = newLab();
    const nodes = cluster.api.list('Node');
    expect(nodes.map((n) => [n.metadata.name, n.spec.podCIDR])).toEqual([
      ['k8s-ctr', '10.244.0.0/24'],
      ['k8s-w0', '10.244.1.0/24'],
      ['k8s-w1', '10.244.2.0/24'],
    ]);
    const ctr = nodes[0];
    expect(ctr?.metadata.labels?.['node-role.kubernetes.io/control-plane']).toBe('');
    expect(ctr?.status?.nodeInfo?.kubeletVersion).toBe('v1.33.2');
    expect(ctr?.metadata.creationTimestamp).toBe('2025-08-03T10:01:00Z');
    expect(cluster.api.list('Namespace').map((n) => n.metadata.name)).toEqual(['default', 'kube-node-lease', 'kube-public', 'kube-system']);
    expect(cluster.api.get('ServiceAccount', 'default', 'default').metadata.name).toBe('default');
    expect(cluster.api.get('Service', 'default', 'kubernetes').spec.clusterIP).toBe('10.96.0.1');
  });

  it('places the three webpods one per node and curl-pod on k8s-ctr', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodDeployment());
    api.create(webpodService());
    api.create(curlPod());
    settle(scheduler);
    const pods = api.list('Pod', { labelSelector: 'app=webpod' });
    expect(pods).toHaveLength(3);
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['k8s-ctr', 'k8s-w0', 'k8s-w1']);
    for (const p of pods) {
      expect(p.status?.phase).toBe('Running');
      expect(p.metadata.name).toMatch(/^webpod-[4-9bcdf]{6,10}-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    }
    const curl = api.get('Pod', 'default', 'curl-pod');
    expect(curl.spec.nodeName).toBe('k8s-ctr');
    expect(curl.status?.podIP).toMatch(/^172\.20\.0\./);
    const d = api.get('Deployment', 'default', 'webpod');
    expect(d.status).toMatchObject({ replicas: 3, readyReplicas: 3, availableReplicas: 3, updatedReplicas: 3, observedGeneration: 1 });
    expect(d.status?.conditions?.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['Available', 'True', 'MinimumReplicasAvailable'],
      ['Progressing', 'True', 'NewReplicaSetAvailable'],
    ]);
  });

  it('is deterministic for a seed', () => {
    const run = (seed: number): string[] => {
      const { cluster, scheduler } = newLab(seed);
      cluster.api.create(webpodDeployment());
      settle(scheduler);
      return cluster.api.list('Pod').map((p) => `${p.metadata.name} ${p.metadata.uid} ${p.spec.nodeName} ${p.status?.podIP}`);
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)).not.toEqual(run(8));
  });
});
