// Table tests for the three patch types kubectl patch sends: JSON merge (RFC 7386), strategic
// merge (merge keys from k8s.io/api, $patch directives) and JSON patch (RFC 6902).

import { describe, expect, it } from 'vitest';
import { mergePatch } from './json-merge-patch.js';
import { applyJsonPatch, JsonPatchError } from './json-patch.js';
import { strategicMergePatch } from './strategic-merge-patch.js';

const deploy = {
  metadata: { name: 'webpod', labels: { app: 'webpod' }, finalizers: ['a'] },
  spec: {
    replicas: 3,
    template: {
      metadata: { labels: { app: 'webpod' } },
      spec: {
        containers: [
          { name: 'webpod', image: 'traefik/whoami', ports: [{ containerPort: 80, protocol: 'TCP' }], env: [{ name: 'A', value: '1' }] },
          { name: 'side', image: 'busybox' },
        ],
        tolerations: [{ key: 'a', operator: 'Exists' }],
      },
    },
  },
};

describe('JSON merge patch', () => {
  it.each([
    [{ spec: { replicas: 5 } }, (r: typeof deploy) => r.spec.replicas === 5 && r.spec.template.spec.containers.length === 2],
    [{ metadata: { labels: { app: null, x: 'y' } } }, (r: typeof deploy) => JSON.stringify(r.metadata.labels) === '{"x":"y"}'],
    [{ spec: { template: { spec: { containers: [{ name: 'only' }] } } } }, (r: typeof deploy) => r.spec.template.spec.containers.length === 1],
  ])('%j', (patch, check) => {
    expect(check(mergePatch(deploy, patch) as typeof deploy)).toBe(true);
  });
  it('does not modify its inputs', () => {
    const before = JSON.stringify(deploy);
    mergePatch(deploy, { spec: { replicas: 1 } });
    expect(JSON.stringify(deploy)).toBe(before);
  });
});

describe('strategic merge patch', () => {
  const smp = (p: unknown): typeof deploy => strategicMergePatch(deploy, p) as typeof deploy;
  it('merges containers by name (kubectl set image style)', () => {
    const r = smp({ spec: { template: { spec: { containers: [{ name: 'webpod', image: 'traefik/whoami:v1.10' }] } } } });
    expect(r.spec.template.spec.containers.map((c) => `${c.name}=${c.image}`)).toEqual(['webpod=traefik/whoami:v1.10', 'side=busybox']);
    expect(r.spec.template.spec.containers[0]?.ports).toEqual([{ containerPort: 80, protocol: 'TCP' }]);
  });
  it('adds the restartedAt annotation without touching the rest (kubectl rollout restart)', () => {
    const r = smp({ spec: { template: { metadata: { annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-08-03T12:00:00Z' } } } } }) as unknown as {
      spec: { template: { metadata: { labels: unknown; annotations: unknown } } };
    };
    expect(r.spec.template.metadata).toEqual({ labels: { app: 'webpod' }, annotations: { 'kubectl.kubernetes.io/restartedAt': '2025-08-03T12:00:00Z' } });
  });
  it.each([
    ['$patch: delete removes a keyed element', { spec: { template: { spec: { containers: [{ name: 'side', $patch: 'delete' }] } } } }, ['webpod']],
    ['a new key is appended', { spec: { template: { spec: { containers: [{ name: 'new', image: 'x' }] } } } }, ['webpod', 'side', 'new']],
    ['$patch: replace replaces the list', { spec: { template: { spec: { containers: [{ name: 'n', image: 'x' }, { $patch: 'replace' }] } } } }, ['n']],
    [
      '$setElementOrder reorders',
      { spec: { template: { spec: { '$setElementOrder/containers': [{ name: 'side' }, { name: 'webpod' }] } } } },
      ['side', 'webpod'],
    ],
  ])('%s', (_name, patch, names) => {
    expect(smp(patch).spec.template.spec.containers.map((c) => c.name)).toEqual(names);
  });
  it('replaces lists without a merge key (tolerations)', () => {
    expect(smp({ spec: { template: { spec: { tolerations: [{ key: 'b', operator: 'Exists' }] } } } }).spec.template.spec.tolerations).toEqual([{ key: 'b', operator: 'Exists' }]);
  });
  it('merges env by name and container ports by containerPort', () => {
    const r = smp({ spec: { template: { spec: { containers: [{ name: 'webpod', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }] } } } });
    const c = r.spec.template.spec.containers[0] as { env: unknown; ports: unknown };
    expect(c.env).toEqual([{ name: 'A', value: '1' }, { name: 'B', value: '2' }]);
    expect(c.ports).toEqual([{ containerPort: 80, protocol: 'TCP', name: 'http' }]);
  });
  it('merges finalizers as a set and deletes with null', () => {
    const r = smp({ metadata: { finalizers: ['b'], labels: null } }) as unknown as { metadata: { finalizers: string[]; labels?: unknown } };
    expect(r.metadata.finalizers).toEqual(['a', 'b']);
    expect(r.metadata.labels).toBeUndefined();
  });
});

describe('JSON patch', () => {
  it.each([
    [[{ op: 'replace', path: '/spec/replicas', value: 1 }], (r: typeof deploy) => r.spec.replicas === 1],
    [[{ op: 'add', path: '/metadata/labels/x', value: 'y' }], (r: typeof deploy) => (r.metadata.labels as Record<string, string>)['x'] === 'y'],
    [[{ op: 'remove', path: '/spec/template/spec/containers/1' }], (r: typeof deploy) => r.spec.template.spec.containers.length === 1],
    [[{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'z' } }], (r: typeof deploy) => r.spec.template.spec.containers.length === 3],
    [[{ op: 'test', path: '/spec/replicas', value: 3 }, { op: 'copy', from: '/metadata/name', path: '/metadata/generateName' }], (r: typeof deploy) => (r.metadata as Record<string, unknown>)['generateName'] === 'webpod'],
    [[{ op: 'move', from: '/metadata/labels', path: '/metadata/annotations' }], (r: typeof deploy) => !('labels' in r.metadata) && 'annotations' in r.metadata],
  ])('%j', (patch, check) => {
    expect(check(applyJsonPatch(deploy, patch) as typeof deploy)).toBe(true);
  });
  it.each([
    [[{ op: 'replace', path: '/spec/nope/x', value: 1 }]],
    [[{ op: 'test', path: '/spec/replicas', value: 4 }]],
    [[{ op: 'remove', path: '/spec/missing' }]],
  ])('fails on %j', (patch) => {
    expect(() => applyJsonPatch(deploy, patch)).toThrow(JsonPatchError);
  });
});
