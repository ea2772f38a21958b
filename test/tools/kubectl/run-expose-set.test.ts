// kubectl run, expose and set image on the week-4 lab: the objects kubectl's generators build (quoted from
// --dry-run=client -o yaml), the cluster state they lead to (a scheduled pod, a service with the
// deployment's pods as endpoints, a second replica set and rollout undo), and the
// refusals with kubectl 1.33's texts, exit codes and no change to the cluster.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { week4 } from '../../support/week4.js';
import { kc } from './kubectl-harness.js';

let lab: Lab;
beforeAll(() => {
  lab = week4();
});

const pod = (name: string) => lab.k8s.api.tryGet('Pod', 'default', name);

describe('kubectl run', () => {
  test('--dry-run=client -o yaml: the BasicPod generator output', async () => {
    const r = await kc(lab, 'kubectl run nginx --image=nginx --dry-run=client -o yaml');
    expect(r).toEqual({
      stdout: 'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: nginx\n  name: nginx\nspec:\n  containers:\n  - image: nginx\n    name: nginx\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
      stderr: '', exitCode: 0,
    });
    expect(pod('nginx')).toBeUndefined();
  });

  test('labels, port, env, --restart, args after -- and --command', async () => {
    const r = await kc(lab, 'kubectl run t --image=busybox --restart=Never --labels=app=t,tier=x --port=8080 --env=A=1 --dry-run=client -o yaml --command -- sleep 3600');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: t\n    tier: x\n  name: t\nspec:\n  containers:\n  - command:\n    - sleep\n    - "3600"\n    env:\n    - name: A\n      value: "1"\n    image: busybox\n    name: t\n    ports:\n    - containerPort: 8080\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    );
  });

  test('--overrides merges JSON into the generated pod', async () => {
    const r = await kc(lab, `kubectl run o --image=nginx --dry-run=client -o jsonpath={.spec.nodeName} --overrides='{"spec":{"nodeName":"k8s-w1"}}'`);
    expect(r.stdout).toBe('k8s-w1');
  });

  test('pod/NAME created; the scheduler places it and the kubelet runs it', async () => {
    expect(await kc(lab, 'kubectl run web1 --image=traefik/whoami --port=80')).toEqual({ stdout: 'pod/web1 created\n', stderr: '', exitCode: 0 });
    lab.runUntil(() => pod('web1')?.status?.phase === 'Running', 60_000_000);
    expect(pod('web1')?.spec.nodeName).toMatch(/^k8s-/);
    expect(pod('web1')?.metadata.labels).toEqual({ run: 'web1' });
  });

  test('refusals: missing --image, bad image, bad --port, bad restart policy, --rm without attach', async () => {
    const before = lab.k8s.api.list('Pod').length;
    expect(await kc(lab, 'kubectl run x')).toEqual({ stdout: '', stderr: 'error: required flag(s) "image" not set\n', exitCode: 1 });
    expect(await kc(lab, 'kubectl run --image=nginx')).toEqual({ stdout: '', stderr: "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n", exitCode: 1 });
    expect((await kc(lab, 'kubectl run x --image=Nginx')).stderr).toBe('error: Invalid image name "Nginx": invalid reference format\n');
    expect((await kc(lab, 'kubectl run x --image=nginx --port=http')).stderr).toBe('error: strconv.Atoi: parsing "http": invalid syntax\n');
    expect((await kc(lab, 'kubectl run x --image=nginx --restart=Sometimes')).stderr).toBe("error: invalid restart policy: Sometimes\nSee 'kubectl run -h' for help and examples\n");
    expect((await kc(lab, 'kubectl run x --image=nginx --rm')).stderr).toBe("error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n");
    expect((await kc(lab, 'kubectl run x --image=nginx -t')).stderr).toBe("error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n");
    expect((await kc(lab, 'kubectl run web1 --image=nginx')).stderr).toBe('Error from server (AlreadyExists): pods "web1" already exists\n');
    expect(lab.k8s.api.list('Pod').length).toBe(before);
  });
});

describe('kubectl expose', () => {
  test('--dry-run=client -o yaml: the selector from the deployment (which has no labels of its own to copy)', async () => {
    const r = await kc(lab, 'kubectl expose deployment webpod --name=web2 --port=8080 --target-port=80 --dry-run=client -o yaml');
    expect(r.stdout).toBe(
      'apiVersion: v1\nkind: Service\nmetadata:\n  creationTimestamp: null\n  name: web2\nspec:\n  ports:\n  - port: 8080\n    protocol: TCP\n    targetPort: 80\n  selector:\n    app: webpod\nstatus:\n  loadBalancer: {}\n',
    );
  });

  test('service/NAME exposed, with the deployment\'s pods as endpoints (curled in drain.test.ts)', async () => {
    expect(await kc(lab, 'kubectl expose deploy webpod --name=web2 --port=8080 --target-port=80 --type=NodePort')).toEqual({ stdout: 'service/web2 exposed\n', stderr: '', exitCode: 0 });
    expect(lab.k8s.api.get('Service', 'default', 'web2').spec.type).toBe('NodePort');
    lab.runFor(2_000_000);
    const slices = lab.k8s.api.list('EndpointSlice', { namespace: 'default', labelSelector: 'kubernetes.io/service-name=web2' });
    expect(slices.flatMap((s) => s.endpoints ?? []).length).toBe(3);
  });

  test('a pod: its labels and its container port', async () => {
    expect((await kc(lab, 'kubectl expose pod web1')).stdout).toBe('service/web1 exposed\n');
    const svc = lab.k8s.api.get('Service', 'default', 'web1');
    expect([svc.spec.selector, svc.spec.ports?.[0]?.port, svc.spec.ports?.[0]?.targetPort]).toEqual([{ run: 'web1' }, 80, 80]);
  });

  test('refusals: no port to introspect, a bad --port, a kind that cannot be exposed, a missing object', async () => {
    const before = lab.k8s.api.list('Service').length;
    expect(await kc(lab, 'kubectl expose pod curl-pod --name=x')).toEqual({ stdout: '', stderr: "error: couldn't find port via --port flag or introspection\n", exitCode: 1 });
    expect((await kc(lab, 'kubectl expose deploy webpod --name=x --port=eighty')).stderr).toBe('error: strconv.Atoi: parsing "eighty": invalid syntax\n');
    expect((await kc(lab, 'kubectl expose node k8s-w1 --port=80')).stderr).toBe('error: cannot expose a Node\n');
    expect((await kc(lab, 'kubectl expose ds/cilium -n kube-system --port=80')).stderr).toBe('error: cannot expose a DaemonSet.apps\n');
    expect(await kc(lab, 'kubectl expose deploy nope --port=80')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): deployments.apps "nope" not found\n', exitCode: 1 });
    expect(lab.k8s.api.list('Service').length).toBe(before);
  });
});

describe('kubectl set image, then rollout history and undo', () => {
  const revisions = () => lab.k8s.api.list('ReplicaSet', { namespace: 'default', labelSelector: 'app=webpod' }).map((rs) => rs.metadata.annotations?.['deployment.kubernetes.io/revision']).sort();

  test('deployment.apps/NAME image updated; a second replica set rolls out', async () => {
    expect(await kc(lab, 'kubectl set image deploy/webpod webpod=traefik/whoami:v1.10')).toEqual({ stdout: 'deployment.apps/webpod image updated\n', stderr: '', exitCode: 0 });
    lab.runUntil(() => lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).every((p) => p.spec.containers[0]?.image === 'traefik/whoami:v1.10' && p.status?.phase === 'Running'), 120_000_000);
    expect(revisions()).toEqual(['1', '2']);
    expect((await kc(lab, 'kubectl rollout history deploy/webpod')).stdout).toBe('deployment.apps/webpod \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });

  test('rollout undo brings the first image back', async () => {
    expect((await kc(lab, 'kubectl rollout undo deploy/webpod')).stdout).toBe('deployment.apps/webpod rolled back\n');
    expect(lab.k8s.api.get('Deployment', 'default', 'webpod').spec.template.spec.containers[0]?.image).toBe('traefik/whoami');
  });

  test('the same image again changes nothing and prints nothing', async () => {
    expect(await kc(lab, 'kubectl set image deploy/webpod webpod=traefik/whoami')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });

  test('refusals: unknown container, no image pair, no resource, a kind without a pod template', async () => {
    const image = () => lab.k8s.api.get('Deployment', 'default', 'webpod').spec.template.spec.containers[0]?.image;
    expect(await kc(lab, 'kubectl set image deploy/webpod web=nginx')).toEqual({ stdout: '', stderr: 'error: unable to find container named "web"\n', exitCode: 1 });
    expect((await kc(lab, 'kubectl set image deploy/webpod')).stderr).toBe('error: at least one image update is required\n');
    expect((await kc(lab, 'kubectl set image webpod=nginx')).stderr).toMatch(/^error: You must provide one or more resources by argument or filename\./);
    expect((await kc(lab, 'kubectl set image deploy/webpod webpod=nginx deploy/x')).stderr).toBe('error: all resources must be specified before image changes: deploy/x\n');
    expect((await kc(lab, 'kubectl set image node/k8s-w1 a=b')).stderr).toBe('error: nodes/k8s-w1 the object is not a pod or does not have a pod template: *v1.Node\n');
    expect(image()).toBe('traefik/whoami');
  });
});
