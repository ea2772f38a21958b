// The kubelet: container start timeline and events (pkg/kubelet/kuberuntime texts "Created container: x",
// "Started container x", "Container image "x" already present on machine"), sandbox failures with
// FailedCreatePodSandBox and retry, hostNetwork pods, container restarts and CrashLoopBackOff.

import { describe, expect, it } from 'vitest';
import { Rng } from '../../sim/rng.js';
import { Scheduler } from '../../sim/scheduler.js';
import { Cluster } from '../cluster.js';
import type { Pod } from '../objects/pod.js';
import type { Node } from '../objects/core.js';
import { StaticIpRuntime, type SandboxResult } from './pod-runtime.js';
import { goDuration, imageId, normalizeImage } from './image-ref.js';
import { EPOCH_MS, SEED_NODES, curlPod, newLab, settle } from '../test-fixtures.js';

describe('image references', () => {
  it.each([
    ['traefik/whoami', 'docker.io/traefik/whoami:latest'],
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nicolaka/netshoot:v0.13', 'docker.io/nicolaka/netshoot:v0.13'],
    ['quay.io/cilium/cilium:v1.18.0', 'quay.io/cilium/cilium:v1.18.0'],
    ['localhost:5000/app', 'localhost:5000/app:latest'],
  ])('%s → %s', (image, want) => {
    expect(normalizeImage(image)).toBe(want);
  });
  it('imageID is a sha256 digest of the repository', () => {
    expect(imageId('traefik/whoami')).toMatch(/^docker\.io\/traefik\/whoami@sha256:[0-9a-f]{64}$/);
  });
  it('imageID of a digest-pinned reference is the repository at that digest', () => {
    expect(imageId('quay.io/cilium/cilium:v1.18.0@sha256:dfea023972d06ec183cfa3c9e7809716f85daaff042e573ef366e9ec6a0c0ab2')).toBe(
      'quay.io/cilium/cilium@sha256:dfea023972d06ec183cfa3c9e7809716f85daaff042e573ef366e9ec6a0c0ab2',
    );
  });
  it.each([
    [560_000, '560ms'],
    [1_862_400, '1.862s'],
    [2_000_000, '2s'],
    [75_500_000, '1m15.5s'],
  ])('goDuration(%i) = %s', (us, s) => {
    expect(goDuration(us)).toBe(s);
  });
});

describe('pod lifecycle', () => {
  it('goes Pending → Running in 1-3 s with the real event sequence', () => {
    const { cluster, scheduler } = newLab();
    const t0 = scheduler.nowUs;
    cluster.api.create(curlPod());
    let runningAt = 0;
    cluster.api.on('Pod', (e) => {
      if (runningAt === 0 && e.object.status?.phase === 'Running') runningAt = scheduler.nowUs;
    });
    settle(scheduler);
    expect(runningAt - t0).toBeGreaterThan(1_000_000);
    expect(runningAt - t0).toBeLessThan(3_500_000);
    const events = cluster.api.list('Event').filter((e) => e.involvedObject.name === 'curl-pod');
    expect(events.map((e) => e.reason).sort()).toEqual(['Created', 'Pulled', 'Pulling', 'Started']);
    expect(events.find((e) => e.reason === 'Created')).toMatchObject({
      message: 'Created container: curl',
      source: { component: 'kubelet', host: 'k8s-ctr' },
      involvedObject: { fieldPath: 'spec.containers{curl}' },
      count: 1,
    });
    const pod = cluster.api.get('Pod', 'default', 'curl-pod');
    expect(pod.status?.containerStatuses?.[0]?.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    expect(pod.status?.conditions?.map((c) => `${c.type}=${c.status}`)).toEqual([
      'PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True',
    ]);
    expect(pod.status?.hostIP).toBe('192.168.10.100');
  });

  it('reports ContainerCreating before the container starts', () => {
    const { cluster, scheduler } = newLab();
    cluster.api.create(curlPod());
    scheduler.runUntil(scheduler.nowUs + 100_000);
    const st = cluster.api.get('Pod', 'default', 'curl-pod').status;
    expect(st?.phase).toBe('Pending');
    expect(st?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'ContainerCreating' } });
    expect(st?.conditions?.find((c) => c.type === 'Ready')).toMatchObject({ status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [curl]' });
  });

  it('retries a failing sandbox with FailedCreatePodSandBox events', () => {
    let failures = 2;
    class Flaky extends StaticIpRuntime {
      override createSandbox(pod: Pod, node: Node): SandboxResult {
        if (failures-- > 0) return { error: 'rpc error: code = Unknown desc = failed to setup network for sandbox: unable to connect to Cilium daemon' };
        return super.createSandbox(pod, node);
      }
    }
    const scheduler = new Scheduler();
    const cluster = new Cluster(
      { epochMs: EPOCH_MS, scheduler, rng: new Rng(1), serviceCidr: '10.96.0.0/16', clusterCidr: '10.244.0.0/16', version: 'v1.33.2', nodes: SEED_NODES },
      new Flaky({ 'k8s-ctr': '172.20.0.' }),
    );
    cluster.api.create(curlPod());
    settle(scheduler);
    expect(cluster.api.get('Pod', 'default', 'curl-pod').status?.phase).toBe('Running');
    const ev = cluster.api.list('Event').find((e) => e.reason === 'FailedCreatePodSandBox');
    expect(ev).toMatchObject({ type: 'Warning', count: 2, message: 'Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox: unable to connect to Cilium daemon' });
  });

  it('restarts containers with restartCount and lastState, backing off on repeated exits', () => {
    const { cluster, scheduler } = newLab();
    cluster.api.create(curlPod());
    settle(scheduler);
    const kubelet = cluster.kubelet('k8s-ctr');
    kubelet?.restartContainer('default', 'curl-pod', 'curl');
    settle(scheduler);
    let cs = cluster.api.get('Pod', 'default', 'curl-pod').status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(1);
    expect(cs?.lastState.terminated).toMatchObject({ exitCode: 137, reason: 'Error' });
    expect(cs?.ready).toBe(true);
    kubelet?.containerExited('default', 'curl-pod', 'curl', 1);
    scheduler.runUntil(scheduler.nowUs + 1_000_000);
    cs = cluster.api.get('Pod', 'default', 'curl-pod').status?.containerStatuses?.[0];
    expect(cs?.state.waiting?.reason).toBe('CrashLoopBackOff');
    expect(cs?.state.waiting?.message).toMatch(/^back-off 10s restarting failed container=curl pod=curl-pod_default\(/);
    settle(scheduler);
    cs = cluster.api.get('Pod', 'default', 'curl-pod').status?.containerStatuses?.[0];
    expect(cs?.restartCount).toBe(2);
    expect(cs?.state.running).toBeDefined();
  });

  it('runs hostNetwork pods on the node address without calling CNI', () => {
    const { cluster, scheduler, runtime } = newLab();
    const pod = curlPod();
    pod.spec.hostNetwork = true;
    pod.spec.nodeName = 'k8s-w0';
    cluster.api.create(pod);
    settle(scheduler);
    expect(cluster.api.get('Pod', 'default', 'curl-pod').status?.podIP).toBe('192.168.20.100');
    expect(runtime.live.size).toBe(0);
  });
});
