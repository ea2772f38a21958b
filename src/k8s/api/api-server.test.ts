// ApiServer behaviour: resourceVersions and conflicts, generation bumps, generateName, watch order,
// ClusterIP allocation (kubernetes .1, kube-dns .10 as kubeadm asks, random others, the allocator's
// error texts), graceful pod deletion and cascading deletion through the garbage collector.

import { describe, expect, it } from 'vitest';
import type { WatchEvent } from './watch-hub.js';
import { patchObject } from './patch-object.js';
import { curlPod, newLab, settle, webpodDeployment, webpodService } from '../test-fixtures.js';
import type { ConfigMap, Service } from '../objects/core.js';

const svc = (name: string, clusterIP?: string): Service => ({
  apiVersion: 'v1',
  kind: 'Service',
  metadata: { name, namespace: 'kube-system' },
  spec: { ...(clusterIP ? { clusterIP } : {}), selector: { 'k8s-app': name }, ports: [{ name: 'dns', port: 53, protocol: 'UDP' }] },
});

describe('writes', () => {
  it('bumps resourceVersion on every change, rejects stale updates, skips no-ops', () => {
    const { cluster } = newLab();
    const api = cluster.api;
    const d = api.create(webpodDeployment());
    const rv = Number(d.metadata.resourceVersion);
    const d2 = api.update({ ...d, spec: { ...d.spec, replicas: 5 } });
    expect(Number(d2.metadata.resourceVersion)).toBeGreaterThan(rv);
    expect(d2.metadata.generation).toBe(2);
    expect(() => api.update(d)).toThrow('Operation cannot be fulfilled on deployments.apps "webpod": the object has been modified; please apply your changes to the latest version and try again');
    const same = api.update(d2);
    expect(same.metadata.resourceVersion).toBe(d2.metadata.resourceVersion);
    const labelled = patchObject(api, 'Deployment', 'default', 'webpod', { metadata: { labels: { x: 'y' } } }, 'merge');
    expect(labelled.metadata.generation).toBe(2);
  });

  it('generates names from the Kubernetes alphabet', () => {
    const { cluster } = newLab();
    const cm = cluster.api.create<ConfigMap>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { generateName: 'cfg-' } });
    expect(cm.metadata.name).toMatch(/^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(cm.metadata.uid).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('delivers watch events in commit order, even when a handler writes', () => {
    const { cluster } = newLab();
    const api = cluster.api;
    const seen: string[] = [];
    api.on('ConfigMap', (e: WatchEvent) => {
      seen.push(`${e.type} ${e.object.metadata.name ?? ''}`);
      if (e.object.metadata.name === 'a' && e.type === 'ADDED') api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'b' } });
    });
    api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'a' } });
    api.delete('ConfigMap', 'default', 'a');
    expect(seen).toEqual(['ADDED a', 'ADDED b', 'DELETED a']);
  });
});

describe('ClusterIP allocation', () => {
  it('gives kubernetes .1, honours kube-dns .10 and picks random free addresses above the static band', () => {
    const { cluster } = newLab();
    const api = cluster.api;
    expect(api.get('Service', 'default', 'kubernetes').spec.clusterIP).toBe('10.96.0.1');
    expect(api.create(svc('kube-dns', '10.96.0.10')).spec.clusterIP).toBe('10.96.0.10');
    const ips = ['a', 'b', 'c', 'd'].map((n) => api.create(svc(n)).spec.clusterIP ?? '');
    expect(new Set(ips).size).toBe(4);
    for (const ip of ips) {
      const [, , third = 0, fourth = 0] = ip.split('.').map(Number);
      expect(third * 256 + fourth).toBeGreaterThan(256);
    }
  });

  it.each([
    ['10.96.0.10', 'Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.96.0.10"}: failed to allocate IP 10.96.0.10: provided IP is already allocated'],
    [
      '10.97.0.5',
      'Service "dup" is invalid: spec.clusterIPs: Invalid value: []string{"10.97.0.5"}: failed to allocate IP 10.97.0.5: the provided IP (10.97.0.5) is not in the valid range. The range of valid IPs is 10.96.0.0/16',
    ],
  ])('rejects %s with the allocator message', (ip, message) => {
    const { cluster } = newLab();
    cluster.api.create(svc('kube-dns', '10.96.0.10'));
    expect(() => cluster.api.create(svc('dup', ip))).toThrow(message);
    expect(cluster.api.allocators.ips.isAllocated('10.96.0.10')).toBe(true);
  });

  it('releases the IP on delete and keeps it on update', () => {
    const { cluster } = newLab();
    const api = cluster.api;
    const s = api.create(svc('x', '10.96.100.100'));
    const updated = api.update({ ...s, spec: { ...s.spec, clusterIP: '', clusterIPs: [] } as Service['spec'] });
    expect(updated.spec.clusterIP).toBe('10.96.100.100');
    expect(() => api.update({ ...updated, spec: { ...updated.spec, clusterIP: '10.96.100.101', clusterIPs: ['10.96.100.101'] } })).toThrow(
      'Service "x" is invalid: spec.clusterIPs[0]: Invalid value: []string{"10.96.100.101"}: may not change once set',
    );
    api.delete('Service', 'kube-system', 'x');
    expect(api.create(svc('y', '10.96.100.100')).spec.clusterIP).toBe('10.96.100.100');
  });
});

describe('deletion', () => {
  it('keeps a bound pod until its kubelet finishes the grace period', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create({ ...curlPod(), spec: { ...curlPod().spec, terminationGracePeriodSeconds: 30 } });
    settle(scheduler);
    const t0 = scheduler.nowUs;
    const p = api.delete('Pod', 'default', 'curl-pod');
    expect(p.metadata.deletionGracePeriodSeconds).toBe(30);
    expect(api.tryGet('Pod', 'default', 'curl-pod')?.metadata.deletionTimestamp).toBeDefined();
    settle(scheduler);
    expect(api.tryGet('Pod', 'default', 'curl-pod')).toBeUndefined();
    expect(scheduler.nowUs - t0).toBeLessThan(1_000_000);
    const killing = api.list('Event').filter((e) => e.reason === 'Killing');
    expect(killing.map((e) => e.message)).toEqual(['Stopping container curl']);
  });

  it.each([
    ['Background', false],
    ['Foreground', true],
  ] as const)('cascades a %s delete of a Deployment to its ReplicaSet and pods', (policy, ownerWaits) => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodDeployment());
    settle(scheduler);
    api.delete('Deployment', 'default', 'webpod', { propagationPolicy: policy });
    expect(api.tryGet('Deployment', 'default', 'webpod') !== undefined).toBe(ownerWaits);
    settle(scheduler);
    expect(api.list('Deployment')).toHaveLength(0);
    expect(api.list('ReplicaSet')).toHaveLength(0);
    expect(api.list('Pod')).toHaveLength(0);
  });

  it('orphans dependents with propagationPolicy Orphan', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodDeployment());
    settle(scheduler);
    api.delete('Deployment', 'default', 'webpod', { propagationPolicy: 'Orphan' });
    settle(scheduler);
    const rs = api.list('ReplicaSet');
    expect(rs).toHaveLength(1);
    expect(rs[0]?.metadata.ownerReferences).toBeUndefined();
    expect(api.list('Pod')).toHaveLength(3);
  });

  it('removes a Service’s EndpointSlice with it and the Endpoints via the controller', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create(webpodService());
    settle(scheduler);
    expect(api.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=webpod' })).toHaveLength(1);
    api.delete('Service', 'default', 'webpod');
    settle(scheduler);
    expect(api.list('EndpointSlice', { labelSelector: 'kubernetes.io/service-name=webpod' })).toHaveLength(0);
    expect(api.tryGet('Endpoints', 'default', 'webpod')).toBeUndefined();
  });

  it('empties and removes a deleted namespace', () => {
    const { cluster, scheduler } = newLab();
    const api = cluster.api;
    api.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    settle(scheduler);
    api.create({ ...webpodDeployment(), metadata: { name: 'webpod', namespace: 'lab' } });
    settle(scheduler);
    api.delete('Namespace', undefined, 'lab');
    expect(api.get('Namespace', undefined, 'lab').status?.phase).toBe('Terminating');
    expect(() => api.create({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'x', namespace: 'lab' } })).toThrow(
      'configmaps "x" is forbidden: unable to create new content in namespace lab because it is being terminated',
    );
    settle(scheduler);
    expect(api.tryGet('Namespace', undefined, 'lab')).toBeUndefined();
    expect(api.list('Pod', { namespace: 'lab' })).toHaveLength(0);
  });
});
