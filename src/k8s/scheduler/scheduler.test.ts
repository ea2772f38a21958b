// kube-scheduler behaviour: filters and the FailedScheduling text (FitError.Error in
// pkg/scheduler/framework/types.go, plugin reasons from pkg/scheduler/framework/plugins/*), the
// spec.nodeName bypass, and retry once the cluster changes. The expected texts follow kube-scheduler
// 1.33 output, e.g. "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: },
// 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful
// for scheduling, 2 No preemption victims found for incoming pod."

import { describe, expect, it } from 'vitest';
import type { Deployment } from '../objects/apps.js';
import type { Pod } from '../objects/pod.js';
import { SEED_NODES, newLab, settle, webpodDeployment } from '../test-fixtures.js';

const CP_TAINT = { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' as const };

function pending(pod: Pod): string | undefined {
  return pod.status?.conditions?.find((c) => c.type === 'PodScheduled' && c.status === 'False')?.message;
}

describe('scheduling failures', () => {
  const spread = (replicas: number): Deployment => {
    const d = webpodDeployment();
    d.spec.replicas = replicas;
    const term = d.spec.template.spec.affinity?.podAntiAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.[0];
    if (term) term.labelSelector = { matchLabels: { app: 'webpod' } };
    return d;
  };
  const cases: [string, boolean, (api: ReturnType<typeof newLab>['cluster']['api']) => void, string][] = [
    [
      'nodeSelector matching nothing',
      false,
      (api) => api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'c', image: 'busybox' }] } }),
      "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
    ],
    [
      'anti-affinity on its own label with a tainted control plane',
      true,
      (api) => api.create(spread(3)),
      "0/3 nodes are available: 1 node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }, 2 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.",
    ],
  ];
  it.each(cases)('%s', (_name, taintCp, create, message) => {
    const nodes = SEED_NODES.map((n) => (taintCp && n.name === 'k8s-ctr' ? { ...n, taints: [CP_TAINT] } : n));
    const { cluster, scheduler } = newLab(1, nodes);
    create(cluster.api);
    settle(scheduler);
    const stuck = cluster.api.list('Pod').filter((p) => !p.spec.nodeName);
    expect(stuck).toHaveLength(1);
    expect(pending(stuck[0] as Pod)).toBe(message);
    const ev = cluster.api.list('Event').find((e) => e.reason === 'FailedScheduling');
    expect(ev).toMatchObject({ type: 'Warning', message, reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-k8s-ctr', action: 'Scheduling' });
  });

  it('schedules a pending pod once a node joins', () => {
    const { cluster, scheduler } = newLab(1, SEED_NODES.slice(0, 2));
    const d = spread(3);
    cluster.api.create(d);
    settle(scheduler);
    expect(cluster.api.list('Pod').filter((p) => !p.spec.nodeName)).toHaveLength(1);
    const w1 = SEED_NODES[2];
    if (w1) cluster.addNode(w1);
    settle(scheduler);
    expect(cluster.api.list('Pod').map((p) => p.spec.nodeName).sort()).toEqual(['k8s-ctr', 'k8s-w0', 'k8s-w1']);
  });

  it('leaves cordoned nodes alone and reports them', () => {
    const { cluster, scheduler } = newLab();
    for (const n of ['k8s-ctr', 'k8s-w0', 'k8s-w1'])
      cluster.api.mutate('Node', undefined, n, (node) => {
        node.spec.unschedulable = true;
      });
    cluster.api.create<Pod>({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
    settle(scheduler);
    expect(pending(cluster.api.get('Pod', 'default', 'p'))).toBe(
      '0/3 nodes are available: 3 node(s) were unschedulable. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.',
    );
  });
});

describe('placement', () => {
  it('binds with a Scheduled event and the PodScheduled condition', () => {
    const { cluster, scheduler } = newLab();
    cluster.api.create(webpodDeployment());
    settle(scheduler);
    for (const p of cluster.api.list('Pod')) {
      const ev = cluster.api.list('Event').find((e) => e.reason === 'Scheduled' && e.involvedObject.name === p.metadata.name);
      expect(ev?.message).toBe(`Successfully assigned default/${p.metadata.name ?? ''} to ${p.spec.nodeName ?? ''}`);
      expect(ev?.eventTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
      expect(p.status?.conditions?.find((c) => c.type === 'PodScheduled')?.status).toBe('True');
    }
  });

  it('spreads a second deployment too and honours required node affinity', () => {
    const { cluster, scheduler } = newLab();
    const d = webpodDeployment();
    d.metadata.name = 'pinned';
    d.spec.replicas = 2;
    d.spec.selector = { matchLabels: { app: 'pinned' } };
    d.spec.template.metadata = { labels: { app: 'pinned' } };
    d.spec.template.spec.affinity = {
      nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'NotIn', values: ['k8s-w0'] }] }] } },
    };
    cluster.api.create(d);
    settle(scheduler);
    expect(cluster.api.list('Pod').map((p) => p.spec.nodeName).sort()).toEqual(['k8s-ctr', 'k8s-w1']);
  });
});
