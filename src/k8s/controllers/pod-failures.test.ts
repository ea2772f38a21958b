// Pod creation failures are visible as in a real cluster: the ReplicaSet and DaemonSet controllers record
// `FailedCreate` warnings with the apiserver's message (admission names the generateName prefix), the
// ReplicaSet carries ReplicaFailure (copied to its Deployment), and a retry succeeds once the cause is gone.

import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../objects/apps.js';
import { newLab, settle, webpodDeployment } from '../test-fixtures.js';

const withServiceAccount = (sa: string) => {
  const d = webpodDeployment();
  d.spec.template.spec.serviceAccountName = sa;
  return d;
};

describe('pod creation failures', () => {
  it('ReplicaSet: FailedCreate events, ReplicaFailure on the ReplicaSet and its Deployment, cleared after the retry succeeds', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(withServiceAccount('webpod'));
    scheduler.runUntil(scheduler.nowUs + 2_000_000);
    const rs = api.list('ReplicaSet')[0];
    const rsName = rs?.metadata.name ?? '';
    expect(api.list('Pod')).toHaveLength(0);
    const msg = `pods "${rsName}-" is forbidden: error looking up service account default/webpod: serviceaccount "webpod" not found`;
    const ev = api.list('Event').find((e) => e.reason === 'FailedCreate');
    expect(ev).toMatchObject({ type: 'Warning', message: `Error creating: ${msg}`, source: { component: 'replicaset-controller' }, involvedObject: { kind: 'ReplicaSet', name: rsName } });
    expect(ev?.count).toBeGreaterThan(1);
    expect(api.get('ReplicaSet', 'default', rsName).status?.conditions).toEqual([
      { type: 'ReplicaFailure', status: 'True', lastTransitionTime: expect.any(String), reason: 'FailedCreate', message: msg },
    ]);
    const dc = api.get('Deployment', 'default', 'webpod').status?.conditions?.find((c) => c.type === 'ReplicaFailure');
    expect(dc).toMatchObject({ status: 'True', reason: 'FailedCreate', message: msg });

    api.create({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'webpod', namespace: 'default' } });
    settle(scheduler);
    expect(api.list('Pod').filter((p) => p.status?.phase === 'Running')).toHaveLength(3);
    expect(api.get('ReplicaSet', 'default', rsName).status?.conditions).toBeUndefined();
    expect(api.get('Deployment', 'default', 'webpod').status?.conditions?.map((c) => c.type)).not.toContain('ReplicaFailure');
  });

  it('DaemonSet: FailedCreate events name the pod prefix', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { serviceAccountName: 'agent', containers: [{ name: 'agent', image: 'busybox:1.36' }] } },
      },
    };
    api.create(ds);
    scheduler.runUntil(scheduler.nowUs + 1_000_000);
    expect(api.list('Pod', { namespace: 'kube-system' })).toHaveLength(0);
    const ev = api.list('Event', { namespace: 'kube-system' }).find((e) => e.reason === 'FailedCreate');
    expect(ev?.message).toBe('Error creating: pods "agent-" is forbidden: error looking up service account kube-system/agent: serviceaccount "agent" not found');
    expect(ev?.source).toEqual({ component: 'daemonset-controller' });
  });
});
