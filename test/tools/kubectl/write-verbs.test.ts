// Verbs that change the cluster, on the week-4 lab: apply (created/unchanged/configured, the
// last-applied-configuration annotation, three-way merge keeping fields others set), create, delete
// (--force warning), scale, patch (strategic/merge/json, "(no change)"), label/annotate, dry runs;
// each message as kubectl 1.33 prints it (NamePrinter "kind.group/name operation").

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { week4 } from '../../support/week4.js';
import { kc } from './kubectl-harness.js';

const NGINX = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: nginx
spec:
  replicas: 2
  selector:
    matchLabels: {app: nginx}
  template:
    metadata:
      labels: {app: nginx}
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
---
apiVersion: v1
kind: Service
metadata:
  name: nginx
spec:
  selector: {app: nginx}
  ports:
  - port: 80
`;

let lab: Lab;
beforeAll(() => {
  lab = week4();
});

const deploy = (name: string) => lab.k8s.api.get('Deployment', 'default', name);

describe('apply', () => {
  test('created, then unchanged', async () => {
    expect(await kc(lab, 'kubectl apply -f -', { stdin: NGINX })).toEqual({ stdout: 'deployment.apps/nginx created\nservice/nginx created\n', stderr: '', exitCode: 0 });
    expect(await kc(lab, 'kubectl apply -f -', { stdin: NGINX })).toEqual({ stdout: 'deployment.apps/nginx unchanged\nservice/nginx unchanged\n', stderr: '', exitCode: 0 });
  });

  test('the last-applied-configuration annotation is the manifest as compact JSON with a namespace', () => {
    const a = deploy('nginx').metadata.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
    expect(a).toBe(
      '{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"annotations":{},"name":"nginx","namespace":"default"},"spec":{"replicas":2,"selector":{"matchLabels":{"app":"nginx"}},"template":{"metadata":{"labels":{"app":"nginx"}},"spec":{"containers":[{"image":"nginx:1.27","name":"nginx"}]}}}}\n',
    );
  });

  test('configured: a three-way merge that keeps what others changed', async () => {
    await kc(lab, 'kubectl label deploy nginx owner=ops');
    const r = await kc(lab, 'kubectl apply -f -', { stdin: NGINX.replace('replicas: 2', 'replicas: 3') });
    expect(r).toEqual({ stdout: 'deployment.apps/nginx configured\nservice/nginx unchanged\n', stderr: '', exitCode: 0 });
    expect(deploy('nginx').spec.replicas).toBe(3);
    expect(deploy('nginx').metadata.labels?.['owner']).toBe('ops');
  });

  test('apply --dry-run=client: no patch is computed, so every existing object is "configured (dry run)"', async () => {
    const r = await kc(lab, 'kubectl apply --dry-run=client -f -', { stdin: NGINX.replace('replicas: 2', 'replicas: 5') });
    expect(r.stdout).toBe('deployment.apps/nginx configured (dry run)\nservice/nginx configured (dry run)\n');
    expect(deploy('nginx').spec.replicas).toBe(3);
  });

  test('apply -o name prints kind/name only', async () => {
    const r = await kc(lab, 'kubectl apply -f - -o name', { stdin: NGINX.replace('replicas: 2', 'replicas: 3') });
    expect(r.stdout).toBe('deployment.apps/nginx\nservice/nginx\n');
  });
});

describe('create, scale, patch, label, annotate', () => {
  test('create deployment / namespace / configmap', async () => {
    expect((await kc(lab, 'kubectl create deployment hello --image=traefik/whoami --replicas=1')).stdout).toBe('deployment.apps/hello created\n');
    expect((await kc(lab, 'kubectl create namespace lab')).stdout).toBe('namespace/lab created\n');
    expect((await kc(lab, 'kubectl create configmap cfg --from-literal=a=1 -n lab')).stdout).toBe('configmap/cfg created\n');
    expect(lab.k8s.api.get('ConfigMap', 'lab', 'cfg').data).toEqual({ a: '1' });
    expect(deploy('hello').spec.template.spec.containers[0]?.image).toBe('traefik/whoami');
  });

  test('create -f of an existing object: AlreadyExists with the source', async () => {
    const r = await kc(lab, 'kubectl create -f -', { stdin: NGINX });
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'Error from server (AlreadyExists): error when creating "STDIN": deployments.apps "nginx" already exists\nError from server (AlreadyExists): error when creating "STDIN": services "nginx" already exists\n',
    );
  });

  test('scale', async () => {
    expect(await kc(lab, 'kubectl scale deploy nginx --replicas=1')).toEqual({ stdout: 'deployment.apps/nginx scaled\n', stderr: '', exitCode: 0 });
    expect(deploy('nginx').spec.replicas).toBe(1);
  });

  test('patch: strategic, merge, json, and "(no change)"', async () => {
    expect((await kc(lab, `kubectl patch deploy nginx -p '{"spec":{"replicas":2}}'`)).stdout).toBe('deployment.apps/nginx patched\n');
    expect((await kc(lab, `kubectl patch deploy nginx -p '{"spec":{"replicas":2}}'`)).stdout).toBe('deployment.apps/nginx patched (no change)\n');
    expect((await kc(lab, `kubectl patch svc nginx --type=merge -p '{"metadata":{"labels":{"tier":"web"}}}'`)).stdout).toBe('service/nginx patched\n');
    expect((await kc(lab, `kubectl patch svc nginx --type=json -p '[{"op":"replace","path":"/spec/ports/0/port","value":8080}]'`)).stdout).toBe('service/nginx patched\n');
    const svc = lab.k8s.api.get('Service', 'default', 'nginx');
    expect(svc.spec.ports?.[0]?.port).toBe(8080);
    expect(svc.metadata.labels?.['tier']).toBe('web');
  });

  test('patch in YAML', async () => {
    expect((await kc(lab, `kubectl patch deploy nginx -p 'spec: {replicas: 1}'`)).stdout).toBe('deployment.apps/nginx patched\n');
    expect(deploy('nginx').spec.replicas).toBe(1);
  });

  test('label and annotate: add, overwrite, remove, "not labeled"', async () => {
    expect((await kc(lab, 'kubectl label deploy nginx tier=web')).stdout).toBe('deployment.apps/nginx labeled\n');
    expect((await kc(lab, 'kubectl label deploy nginx tier=api --overwrite')).stdout).toBe('deployment.apps/nginx labeled\n');
    expect((await kc(lab, 'kubectl label deploy nginx tier-')).stdout).toBe('deployment.apps/nginx unlabeled\n');
    expect((await kc(lab, 'kubectl annotate deploy nginx note=x')).stdout).toBe('deployment.apps/nginx annotated\n');
    expect(deploy('nginx').metadata.annotations?.['note']).toBe('x');
    expect(deploy('nginx').metadata.labels?.['tier']).toBeUndefined();
  });

  test('label -l over several pods', async () => {
    const r = await kc(lab, 'kubectl label pods -l app=webpod checked=yes');
    expect(r.stdout.split('\n').filter((l) => l)).toHaveLength(3);
    expect(r.stdout).toMatch(/^pod\/webpod-[a-z0-9]+-[a-z0-9]{5} labeled\n/);
  });
});

describe('delete', () => {
  test('delete -f prints one line per object, quoted', async () => {
    const r = await kc(lab, 'kubectl delete -f -', { stdin: NGINX });
    expect(r).toEqual({ stdout: 'deployment.apps "nginx" deleted\nservice "nginx" deleted\n', stderr: '', exitCode: 0 });
    expect(lab.k8s.api.tryGet('Deployment', 'default', 'nginx')).toBeUndefined();
  });

  test('delete --force --grace-period=0 warns and says "force deleted"', async () => {
    await kc(lab, 'kubectl apply -f -', { stdin: 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: tmp\nspec:\n  containers:\n  - name: c\n    image: busybox\n' });
    const r = await kc(lab, 'kubectl delete pod tmp --force --grace-period=0');
    expect(r).toEqual({
      stdout: 'pod "tmp" force deleted\n',
      stderr: 'Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n',
      exitCode: 0,
    });
  });

  test('delete --ignore-not-found: "No resources found" on stdout (delete.go found == 0)', async () => {
    expect(await kc(lab, 'kubectl delete pod nope --ignore-not-found')).toEqual({ stdout: 'No resources found\n', stderr: '', exitCode: 0 });
  });
});

describe('generators with --dry-run=client -o yaml', () => {
  test('create deployment: the typed object, creationTimestamp: null in both ObjectMetas', async () => {
    const r = await kc(lab, 'kubectl create deployment x --image=nginx --dry-run=client -o yaml');
    expect(r.stdout).toBe(`apiVersion: apps/v1
kind: Deployment
metadata:
  creationTimestamp: null
  labels:
    app: x
  name: x
spec:
  replicas: 1
  selector:
    matchLabels:
      app: x
  strategy: {}
  template:
    metadata:
      creationTimestamp: null
      labels:
        app: x
    spec:
      containers:
      - image: nginx
        name: nginx
        resources: {}
status: {}
`);
    expect(lab.k8s.api.tryGet('Deployment', 'default', 'x')).toBeUndefined();
  });

  test('create namespace', async () => {
    expect((await kc(lab, 'kubectl create ns foo --dry-run=client -o yaml')).stdout).toBe('apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: foo\nspec: {}\nstatus: {}\n');
  });
});
