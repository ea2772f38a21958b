// Defaulting as the apiserver applies it (pkg/apis/core/v1/defaults.go, pkg/apis/apps/v1/defaults.go)
// plus the pod admission plugins (ServiceAccount, DefaultTolerationSeconds, Priority), checked
// through ApiServer.create so the stored object is what `kubectl get -o yaml` would show.

import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../objects/apps.js';
import type { Service } from '../objects/core.js';
import { defaultPullPolicy } from './pod-defaults.js';
import { curlPod, newLab, webpodDeployment, webpodService } from '../test-fixtures.js';

describe('imagePullPolicy', () => {
  it.each([
    ['traefik/whoami', 'Always'],
    ['nginx:latest', 'Always'],
    ['nginx:1.27', 'IfNotPresent'],
    ['registry.k8s.io/coredns/coredns:v1.12.0', 'IfNotPresent'],
    ['localhost:5000/app', 'Always'],
    ['quay.io/cilium/cilium:v1.18.0@sha256:abc', 'IfNotPresent'],
  ])('%s → %s', (image, want) => {
    expect(defaultPullPolicy(image)).toBe(want);
  });
});

describe('object defaults', () => {
  it('pods get the spec, container and admission defaults', () => {
    const { cluster } = newLab();
    const p = cluster.api.create(curlPod());
    expect(p.spec).toMatchObject({
      restartPolicy: 'Always',
      dnsPolicy: 'ClusterFirst',
      terminationGracePeriodSeconds: 0,
      schedulerName: 'default-scheduler',
      securityContext: {},
      serviceAccountName: 'default',
      serviceAccount: 'default',
      enableServiceLinks: true,
      priority: 0,
      preemptionPolicy: 'PreemptLowerPriority',
      tolerations: [
        { effect: 'NoExecute', key: 'node.kubernetes.io/not-ready', operator: 'Exists', tolerationSeconds: 300 },
        { effect: 'NoExecute', key: 'node.kubernetes.io/unreachable', operator: 'Exists', tolerationSeconds: 300 },
      ],
    });
    expect(p.spec.containers[0]).toMatchObject({
      imagePullPolicy: 'Always',
      terminationMessagePath: '/dev/termination-log',
      terminationMessagePolicy: 'File',
      resources: {},
      volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', readOnly: true }],
    });
    expect(p.spec.volumes?.[0]?.name).toMatch(/^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(p.status).toEqual({ phase: 'Pending', qosClass: 'BestEffort' });
  });

  it('deployments get strategy, history and deadline defaults, and a template creationTimestamp null', () => {
    const { cluster } = newLab();
    const d = cluster.api.create(webpodDeployment());
    expect(d.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: '25%' } });
    expect(d.spec.revisionHistoryLimit).toBe(10);
    expect(d.spec.progressDeadlineSeconds).toBe(600);
    expect(d.spec.template.metadata?.['creationTimestamp']).toBeNull();
    expect(d.metadata.generation).toBe(1);
    expect(d.spec.template.spec.containers[0]?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
    expect(d.spec.template.spec.serviceAccountName).toBeUndefined();
  });

  it('services get ClusterIP defaults', () => {
    const { cluster } = newLab();
    const s = cluster.api.create(webpodService());
    expect(s.spec).toMatchObject({
      type: 'ClusterIP',
      sessionAffinity: 'None',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      internalTrafficPolicy: 'Cluster',
      ports: [{ port: 80, protocol: 'TCP', targetPort: 80 }],
    });
    expect(s.spec.clusterIPs).toEqual([s.spec.clusterIP]);
    expect(s.status).toEqual({ loadBalancer: {} });
    const np = cluster.api.create<Service>({ ...webpodService(), metadata: { name: 'np' }, spec: { type: 'NodePort', selector: { a: 'b' }, ports: [{ port: 80, targetPort: 'http' }] } });
    expect(np.spec.externalTrafficPolicy).toBe('Cluster');
    expect(np.spec.ports?.[0]?.nodePort).toBeGreaterThanOrEqual(30000);
    expect(np.spec.ports?.[0]?.targetPort).toBe('http');
  });

  it('daemonsets get RollingUpdate maxUnavailable 1 / maxSurge 0 unless set', () => {
    const { cluster } = newLab();
    const ds: DaemonSet = {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'agent', namespace: 'kube-system' },
      spec: {
        selector: { matchLabels: { app: 'agent' } },
        template: { metadata: { labels: { app: 'agent' } }, spec: { containers: [{ name: 'a', image: 'busybox:1.36' }] } },
      },
    };
    const created = cluster.api.create(ds);
    expect(created.spec.updateStrategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: 0 } });
    expect(created.metadata.annotations?.['deprecated.daemonset.template.generation']).toBe('1');
    const two = cluster.api.create({ ...ds, metadata: { name: 'two', namespace: 'kube-system' }, spec: { ...ds.spec, updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2 } } } });
    expect(two.spec.updateStrategy?.rollingUpdate).toEqual({ maxUnavailable: 2, maxSurge: 0 });
  });

  it('namespaces get the metadata.name label, the kubernetes finalizer and phase Active', () => {
    const { cluster } = newLab();
    const ns = cluster.api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    expect(ns).toMatchObject({ metadata: { labels: { 'kubernetes.io/metadata.name': 'lab' } }, spec: { finalizers: ['kubernetes'] }, status: { phase: 'Active' } });
  });
});
