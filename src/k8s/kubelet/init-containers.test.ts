// Init containers: they run one after another to completion before the app container starts; while they
// run the pod is Pending with Initialized=False and the app container waits in PodInitializing; afterwards
// every init container is terminated/Completed (exit 0, ready) and events name spec.initContainers{x}.

import { describe, expect, it } from 'vitest';
import type { Pod } from '../objects/pod.js';
import { newLab, settle } from '../test-fixtures.js';

function agentPod(): Pod {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: 'agent', namespace: 'default' },
    spec: {
      nodeName: 'k8s-w0',
      hostNetwork: true,
      initContainers: [
        { name: 'config', image: 'busybox:1.36' },
        { name: 'mount-bpf-fs', image: 'busybox:1.36' },
      ],
      containers: [{ name: 'agent', image: 'busybox:1.36' }],
    },
  };
}

describe('init containers', () => {
  it('run in order to completion before the app container', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(agentPod());
    const seen: string[] = [];
    api.on('Pod', (e) => {
      const st = e.object.status;
      const init = (st?.initContainerStatuses ?? []).map((c) => Object.keys(c.state)[0] ?? '').join(',');
      const app = Object.keys(st?.containerStatuses?.[0]?.state ?? {})[0] ?? '';
      const row = `${st?.phase ?? ''} ${init} ${app}`;
      if (seen.at(-1) !== row) seen.push(row);
    });
    settle(scheduler);
    expect(seen).toContain('Pending running,waiting waiting');
    expect(seen).toContain('Pending terminated,running waiting');
    expect(seen.at(-1)).toBe('Running terminated,terminated running');

    const pod = api.get('Pod', 'default', 'agent');
    expect(pod.status?.conditions?.find((c) => c.type === 'Initialized')?.status).toBe('True');
    for (const s of pod.status?.initContainerStatuses ?? []) {
      expect(s).toMatchObject({ ready: true, started: false, restartCount: 0, state: { terminated: { exitCode: 0, reason: 'Completed' } } });
      expect(s.containerID).toMatch(/^containerd:\/\/[0-9a-f]{64}$/);
    }
    const started = api.list('Event').filter((e) => e.reason === 'Started').sort((a, b) => Number(a.metadata.resourceVersion) - Number(b.metadata.resourceVersion));
    expect(started.map((e) => e.involvedObject.fieldPath)).toEqual(['spec.initContainers{config}', 'spec.initContainers{mount-bpf-fs}', 'spec.containers{agent}']);
  });

  it('reports Initialized=False and PodInitializing while an init container runs', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(agentPod());
    let mid: Pod | undefined;
    api.on('Pod', (e) => {
      if (!mid && e.object.status?.initContainerStatuses?.[0]?.state.running) mid = e.object;
    });
    settle(scheduler);
    expect(mid?.status?.phase).toBe('Pending');
    expect(mid?.status?.conditions?.find((c) => c.type === 'Initialized')).toMatchObject({
      status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [config mount-bpf-fs]',
    });
    expect(mid?.status?.containerStatuses?.[0]?.state).toEqual({ waiting: { reason: 'PodInitializing' } });
  });
});
