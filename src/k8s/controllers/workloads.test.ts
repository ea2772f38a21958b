// Workload controllers end to end on the seed lab: the DaemonSet rolling update honours
// maxUnavailable 2 (Cilium's chart value) on three nodes, `kubectl rollout restart` creates a new
// ReplicaSet and replaces the pods without dropping below the availability floor, scaling, and
// Endpoints/EndpointSlices tracking pod readiness and termination.

import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/rng.js';
import { Scheduler } from '../../sim/scheduler.js';
import { Cluster } from '../cluster.js';
import { StaticIpRuntime, type ContainerStartResult } from '../kubelet/pod-runtime.js';
import type { DaemonSet } from '../objects/apps.js';
import type { Pod } from '../objects/pod.js';
import { patchObject } from '../api/patch-object.js';
import { EPOCH_MS, SEED_NODES, curlPod, newLab, settle, webpodDeployment, webpodService } from '../test-fixtures.js';
import { isPodReady } from './pod-util.js';

/** A runtime whose containers take `readyUs` to become ready (an agent starting up). */
class SlowRuntime extends StaticIpRuntime {
  constructor(private readonly readyUs: number) {
    super({ 'k8s-ctr': '172.20.0.', 'k8s-w1': '172.20.1.', 'k8s-w0': '172.20.2.' });
  }
  startContainer(): ContainerStartResult {
    return { ok: true, readyAfterUs: this.readyUs };
  }
}

function slowLab(readyUs: number): { cluster: Cluster; scheduler: Scheduler } {
  const scheduler = new Scheduler();
  const cluster = new Cluster(
    { epochMs: EPOCH_MS, scheduler, rng: new Rng(3), serviceCidr: '10.96.0.0/16', clusterCidr: '10.244.0.0/16', version: 'v1.33.2', nodes: SEED_NODES },
    new SlowRuntime(readyUs),
  );
  settle(scheduler);
  return { cluster, scheduler };
}

const agentDs = (): DaemonSet => ({
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  metadata: { name: 'cilium', namespace: 'kube-system' },
  spec: {
    selector: { matchLabels: { 'k8s-app': 'cilium' } },
    updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } },
    template: {
      metadata: { labels: { 'k8s-app': 'cilium' } },
      spec: { hostNetwork: true, tolerations: [{ operator: 'Exists' }], containers: [{ name: 'cilium-agent', image: 'quay.io/cilium/cilium:v1.18.0' }] },
    },
  },
});

describe('DaemonSet', () => {
  it('runs one pod per node and rolls out with at most maxUnavailable=2 nodes down', () => {
    const { cluster, scheduler } = slowLab(3_000_000);
    const api = cluster.api;
    api.create(agentDs());
    settle(scheduler);
    const before = api.list('Pod', { namespace: 'kube-system' });
    expect(before.map((p) => p.spec.nodeName).sort()).toEqual(['k8s-ctr', 'k8s-w0', 'k8s-w1']);
    expect(before.every((p) => p.status?.podIP === api.get('Node', undefined, p.spec.nodeName ?? '').status?.addresses?.[0]?.address)).toBe(true);
    expect(api.get('DaemonSet', 'kube-system', 'cilium').status).toMatchObject({ desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 3, numberAvailable: 3, updatedNumberScheduled: 3, numberMisscheduled: 0 });

    let maxDown = 0;
    api.on('Pod', () => {
      const ready = new Set(api.list('Pod', { namespace: 'kube-system' }).filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp).map((p) => p.spec.nodeName));
      maxDown = Math.max(maxDown, 3 - ready.size);
    });
    patchObject(api, 'DaemonSet', 'kube-system', 'cilium', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-08-03T11:30:00Z' } } } } }, 'strategic');
    settle(scheduler);
    expect(maxDown).toBe(2);
    const after = api.list('Pod', { namespace: 'kube-system' });
    expect(after).toHaveLength(3);
    expect(after.some((p) => before.some((b) => b.metadata.name === p.metadata.name))).toBe(false);
    expect(new Set(after.map((p) => p.metadata.labels?.['controller-revision-hash'])).size).toBe(1);
    expect(after[0]?.metadata.labels?.['pod-template-generation']).toBe('2');
    expect(api.list('ControllerRevision', { namespace: 'kube-system' }).map((r) => r.revision).sort()).toEqual([1, 2]);
    expect(api.get('DaemonSet', 'kube-system', 'cilium').status).toMatchObject({ numberReady: 3, updatedNumberScheduled: 3, observedGeneration: 2 });
  });

  it('skips tainted nodes it does not tolerate and gives pods the daemon tolerations and node affinity', () => {
    const nodes = SEED_NODES.map((n) => (n.name === 'k8s-ctr' ? { ...n, taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const }] } : n));
    const { cluster, scheduler } = newLab(1, nodes);
    const ds = agentDs();
    ds.spec.template.spec.tolerations = [];
    cluster.api.create(ds);
    settle(scheduler);
    const pods = cluster.api.list('Pod', { namespace: 'kube-system' });
    expect(pods.map((p) => p.spec.nodeName).sort()).toEqual(['k8s-w0', 'k8s-w1']);
    const p = pods[0] as Pod;
    expect(p.spec.tolerations?.map((t) => `${t.key}:${t.effect}`)).toContain('node.kubernetes.io/network-unavailable:NoSchedule');
    expect(p.spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms[0]?.matchFields?.[0]).toEqual({ key: 'metadata.name', operator: 'In', values: [p.spec.nodeName] });
    expect(cluster.api.get('DaemonSet', 'kube-system', 'cilium').status?.desiredNumberScheduled).toBe(2);
  });
});

describe('Deployment', () => {
  it('rollout restart creates a new ReplicaSet and replaces every pod, keeping 3 available', () => {
    const { cluster, scheduler } = slowLab(1_000_000);
    const api = cluster.api;
    api.create(webpodDeployment());
    settle(scheduler);
    const oldPods = api.list('Pod').map((p) => p.metadata.name);
    const oldRs = api.list('ReplicaSet')[0]?.metadata.name ?? '';
    let minReady = 3;
    let maxPods = 3;
    api.on('Pod', () => {
      const pods = api.list('Pod', { labelSelector: 'app=webpod' });
      minReady = Math.min(minReady, pods.filter((p) => isPodReady(p) && !p.metadata.deletionTimestamp).length);
      maxPods = Math.max(maxPods, pods.filter((p) => !p.metadata.deletionTimestamp).length);
    });
    patchObject(api, 'Deployment', 'default', 'webpod', { spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-08-03T11:05:00Z' } } } } }, 'strategic');
    settle(scheduler);
    const rss = api.list('ReplicaSet');
    expect(rss).toHaveLength(2);
    const newRs = rss.find((r) => r.metadata.name !== oldRs);
    expect(newRs?.spec.replicas).toBe(3);
    expect(newRs?.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(rss.find((r) => r.metadata.name === oldRs)?.spec.replicas).toBe(0);
    const pods = api.list('Pod');
    expect(pods).toHaveLength(3);
    expect(pods.some((p) => oldPods.includes(p.metadata.name))).toBe(false);
    expect(minReady).toBe(3);
    expect(maxPods).toBe(4);
    const d = api.get('Deployment', 'default', 'webpod');
    expect(d.metadata.annotations?.['deployment.kubernetes.io/revision']).toBe('2');
    expect(d.status).toMatchObject({ replicas: 3, updatedReplicas: 3, availableReplicas: 3, observedGeneration: 2 });
    const scaling = api.list('Event').filter((e) => e.reason === 'ScalingReplicaSet').map((e) => e.message);
    expect(scaling).toContain(`Scaled up replica set ${newRs?.metadata.name ?? ''} from 0 to 1`);
    expect(scaling).toContain(`Scaled down replica set ${oldRs} from 3 to 2`);
  });

  it('scales up and down through spec.replicas', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodDeployment());
    settle(scheduler);
    patchObject(api, 'Deployment', 'default', 'webpod', { spec: { replicas: 5 } }, 'merge');
    settle(scheduler);
    expect(api.list('Pod')).toHaveLength(5);
    patchObject(api, 'Deployment', 'default', 'webpod', { spec: { replicas: 1 } }, 'merge');
    settle(scheduler);
    expect(api.list('Pod')).toHaveLength(1);
    expect(api.get('Deployment', 'default', 'webpod').status).toMatchObject({ replicas: 1, readyReplicas: 1, availableReplicas: 1 });
  });
});

describe('Endpoints and EndpointSlices', () => {
  it('track ready, not-ready and terminating pods', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodDeployment());
    api.create(webpodService());
    api.create(curlPod());
    settle(scheduler);
    const ips = (): string[] => (api.get('Endpoints', 'default', 'webpod').subsets?.[0]?.addresses ?? []).map((a) => a.ip);
    expect(ips()).toHaveLength(3);
    expect([...ips()].sort()).toEqual(ips());
    const slice = (): { ip: string; ready: boolean | undefined; terminating: boolean | undefined }[] =>
      (api.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=webpod' })[0]?.endpoints ?? []).map((e) => ({ ip: e.addresses[0] ?? '', ready: e.conditions.ready, terminating: e.conditions.terminating }));
    const victim = api.list('Pod', { labelSelector: 'app=webpod' })[0] as Pod;
    cluster.kubelet(victim.spec.nodeName ?? '')?.setContainerReady('default', victim.metadata.name ?? '', 'webpod', false);
    settle(scheduler);
    expect(ips()).not.toContain(victim.status?.podIP);
    expect(api.get('Endpoints', 'default', 'webpod').subsets?.[0]?.notReadyAddresses?.map((a) => a.ip)).toEqual([victim.status?.podIP]);
    expect(slice().find((e) => e.ip === victim.status?.podIP)).toEqual({ ip: victim.status?.podIP, ready: false, terminating: false });

    const other = api.list('Pod', { labelSelector: 'app=webpod' })[1] as Pod;
    api.delete('Pod', 'default', other.metadata.name ?? '');
    scheduler.runUntil(scheduler.nowUs + 10_000);
    expect(slice().find((e) => e.ip === other.status?.podIP)?.terminating).toBe(true);
    expect(ips()).not.toContain(other.status?.podIP);
    settle(scheduler);
    expect(slice().some((e) => e.ip === other.status?.podIP)).toBe(false);
    expect(slice().filter((e) => e.ready)).toHaveLength(2);
  });
});
