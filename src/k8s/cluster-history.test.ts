// Objects that predate the lab's t=0: a cluster built with the clock in the past and run up to 0
// shows ages ("AGE 59m", "20h") from creationTimestamps, and CRD objects without a schema round-trip.

import { describe, expect, it } from 'vitest';
import { Rng } from '../sim/rng.js';
import { Scheduler } from '../sim/scheduler.js';
import { Cluster } from './cluster.js';
import { StaticIpRuntime } from './kubelet/pod-runtime.js';
import type { CiliumNode } from './objects/cilium.js';
import { patchObject } from './api/patch-object.js';
import { EPOCH_MS, SEED_NODES, newLab, settle, webpodDeployment } from './test-fixtures.js';

describe('history before t=0', () => {
  it('backdates nodes, and workloads created while the clock runs in the past', () => {
    const scheduler = new Scheduler();
    scheduler.nowUs = -72_000_000_000;
    const cluster = new Cluster(
      { epochMs: EPOCH_MS, scheduler, rng: new Rng(1), serviceCidr: '10.96.0.0/16', clusterCidr: '10.244.0.0/16', version: 'v1.33.2', nodes: SEED_NODES },
      new StaticIpRuntime({ 'k8s-ctr': '172.20.0.', 'k8s-w1': '172.20.1.', 'k8s-w0': '172.20.2.' }),
    );
    scheduler.at(-71_000_000_000, () => cluster.api.create(webpodDeployment()));
    scheduler.runUntil(0);
    const pods = cluster.api.list('Pod');
    expect(pods).toHaveLength(3);
    for (const p of pods) {
      expect(p.metadata.creationTimestamp).toBe('2025-08-02T15:16:40Z');
      expect(p.status?.phase).toBe('Running');
    }
    expect(cluster.api.get('Namespace', undefined, 'default').metadata.creationTimestamp).toBe('2025-08-02T15:00:00Z');
    expect(scheduler.nowUs).toBe(0);
  });
});

describe('custom resources', () => {
  it('stores CiliumNode objects as given, with generation and field selectors', () => {
    const { cluster } = newLab();
    const api = cluster.api;
    const cn: CiliumNode = {
      apiVersion: 'cilium.io/v2',
      kind: 'CiliumNode',
      metadata: { name: 'k8s-ctr' },
      spec: { addresses: [{ type: 'InternalIP', ip: '192.168.10.100' }, { type: 'CiliumInternalIP', ip: '172.20.0.172' }], ipam: { podCIDRs: ['172.20.0.0/24'] } },
    };
    const created = api.create(cn);
    expect(created.metadata.generation).toBe(1);
    expect(api.list('CiliumNode', { fieldSelector: 'metadata.name=k8s-ctr' })).toHaveLength(1);
    const patched = patchObject(api, 'CiliumNode', undefined, 'k8s-ctr', { spec: { ipam: { podCIDRs: ['172.20.9.0/24'] } } }, 'merge');
    expect(patched.metadata.generation).toBe(2);
    expect((patched.spec as { addresses: unknown[] }).addresses).toHaveLength(2);
  });
});

describe('pod updates', () => {
  it('forbids spec changes other than image and friends', () => {
    const { cluster, scheduler } = newLab();
    cluster.api.create(webpodDeployment());
    settle(scheduler);
    const pod = cluster.api.list('Pod')[0];
    const name = pod?.metadata.name ?? '';
    expect(() => patchObject(cluster.api, 'Pod', 'default', name, { spec: { restartPolicy: 'Never' } }, 'strategic')).toThrow(
      `Pod "${name}" is invalid: spec: Forbidden: pod updates may not change fields other than \`spec.containers[*].image\`,\`spec.initContainers[*].image\`,\`spec.activeDeadlineSeconds\`,\`spec.tolerations\` (only additions to existing tolerations),\`spec.terminationGracePeriodSeconds\` (allow it to be set to 1 if it was previously negative)`,
    );
    const ok = patchObject(cluster.api, 'Pod', 'default', name, { metadata: { labels: { extra: 'yes' } } }, 'strategic');
    expect(ok.metadata.labels?.['extra']).toBe('yes');
  });

  it('rolls back to an older template by bumping its ReplicaSet revision', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodDeployment());
    settle(scheduler);
    const first = api.list('ReplicaSet')[0]?.metadata.name ?? '';
    patchObject(api, 'Deployment', 'default', 'webpod', { spec: { template: { spec: { containers: [{ name: 'webpod', image: 'traefik/whoami:v1.10' }] } } } }, 'strategic');
    settle(scheduler);
    patchObject(api, 'Deployment', 'default', 'webpod', { spec: { template: { spec: { containers: [{ name: 'webpod', image: 'traefik/whoami' }] } } } }, 'strategic');
    settle(scheduler);
    const rs = api.get('ReplicaSet', 'default', first);
    expect(rs.spec.replicas).toBe(3);
    expect(rs.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('3');
    expect(api.list('ReplicaSet')).toHaveLength(2);
  });
});
