// kubectl cordon, uncordon and drain on the week-4 lab (kubectl 1.33's progress lines and refusals, the
// node's SchedulingDisabled status, the scheduler skipping it, evicted pods re-created elsewhere so a curl
// from the netshoot pod to an exposed service answers with whoami's text), plus `run -it --rm`,
// `auth can-i` and `get --raw`.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { commands } from '../../../src/tools/registry.js';
import { openTestTerminal } from '../../shell/support.js';
import { week4 } from '../../support/week4.js';
import { collapse, kc } from './kubectl-harness.js';

let lab: Lab;
beforeAll(() => {
  lab = week4();
});

const node = (name: string) => lab.k8s.api.get('Node', undefined, name);
const podsOn = (name: string, ns = 'default') => lab.k8s.api.list('Pod', { namespace: ns, fieldSelector: `spec.nodeName=${name}` });
const dsPods = (name: string) => podsOn(name, 'kube-system').filter((p) => p.metadata.ownerReferences?.[0]?.kind === 'DaemonSet').map((p) => `kube-system/${p.metadata.name ?? ''}`);

describe('cordon and uncordon', () => {
  test('node/NAME cordoned, then already cordoned; get nodes shows SchedulingDisabled', async () => {
    expect(await kc(lab, 'kubectl cordon k8s-w1')).toEqual({ stdout: 'node/k8s-w1 cordoned\n', stderr: '', exitCode: 0 });
    expect(node('k8s-w1').spec.unschedulable).toBe(true);
    expect((await kc(lab, 'kubectl cordon k8s-w1')).stdout).toBe('node/k8s-w1 already cordoned\n');
    expect(collapse((await kc(lab, 'kubectl get node k8s-w1')).stdout)).toMatch(/^NAME STATUS ROLES AGE VERSION\nk8s-w1 Ready,SchedulingDisabled <none> \S+ v1\.33\.\d+\n$/);
  });

  test('the scheduler skips the cordoned node', async () => {
    await kc(lab, 'kubectl create deployment spread --image=traefik/whoami --replicas=6');
    lab.runUntil(() => lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=spread' }).filter((p) => p.spec.nodeName).length === 6, 60_000_000);
    const nodes = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=spread' }).map((p) => p.spec.nodeName);
    expect(nodes).not.toContain('k8s-w1');
    await kc(lab, 'kubectl delete deployment spread');
  });

  test('uncordon, already uncordoned, --dry-run=client, unknown node', async () => {
    expect((await kc(lab, 'kubectl uncordon k8s-w1 --dry-run=client')).stdout).toBe('node/k8s-w1 uncordoned (dry run)\n');
    expect(node('k8s-w1').spec.unschedulable).toBe(true);
    expect((await kc(lab, 'kubectl uncordon k8s-w1')).stdout).toBe('node/k8s-w1 uncordoned\n');
    expect(node('k8s-w1').spec.unschedulable).toBeUndefined();
    expect((await kc(lab, 'kubectl uncordon k8s-w1')).stdout).toBe('node/k8s-w1 already uncordoned\n');
    expect(await kc(lab, 'kubectl cordon k8s-w9')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "k8s-w9" not found\n', exitCode: 1 });
    expect(await kc(lab, 'kubectl cordon')).toEqual({ stdout: '', stderr: "error: USAGE: cordon NODE [flags]\nSee 'kubectl cordon -h' for help and examples\n", exitCode: 1 });
  });
});

describe('drain', () => {
  test('without --ignore-daemonsets: refused with the DaemonSet pods named, the node left cordoned', async () => {
    const before = podsOn('k8s-w0').length;
    const r = await kc(lab, 'kubectl drain k8s-w0');
    const ds = dsPods('k8s-w0').join(', ');
    expect(r).toEqual({
      stdout: 'node/k8s-w0 cordoned\n',
      stderr: `error: unable to drain node "k8s-w0" due to error: cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}, continuing command...\nThere are pending nodes to be drained:\n k8s-w0\ncannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): ${ds}\n`,
      exitCode: 1,
    });
    expect(podsOn('k8s-w0').length).toBe(before);
    expect(node('k8s-w0').spec.unschedulable).toBe(true);
  });

  test('an unmanaged pod needs --force', async () => {
    await kc(lab, 'kubectl run lone --image=traefik/whoami --overrides=\'{"spec":{"nodeName":"k8s-w0"}}\'');
    lab.runFor(3_000_000);
    const r = await kc(lab, 'kubectl drain k8s-w0 --ignore-daemonsets');
    expect(r.stderr).toContain('error: unable to drain node "k8s-w0" due to error: cannot delete cannot delete Pods that declare no controller (use --force to override): default/lone, continuing command...\n');
    expect(r.exitCode).toBe(1);
  });

  test('--ignore-daemonsets --force: the warning, evicting/evicted lines, drained; pods come back elsewhere', async () => {
    const webpod = podsOn('k8s-w0').find((p) => p.metadata.labels?.['app'] === 'webpod')?.metadata.name ?? '';
    const r = await kc(lab, 'kubectl drain k8s-w0 --ignore-daemonsets --delete-emptydir-data --force');
    const ds = dsPods('k8s-w0').join(', ');
    // Go joins the two warnings in map order (either way round).
    expect(r.stderr.split('; ').sort()).toEqual([`Warning: deleting Pods that declare no controller: default/lone`, `ignoring DaemonSet-managed Pods: ${ds}\n`].sort());
    expect(r.stdout).toBe(`node/k8s-w0 already cordoned\nevicting pod default/lone\nevicting pod default/${webpod}\npod/lone evicted\npod/${webpod} evicted\nnode/k8s-w0 drained\n`);
    expect(r.exitCode).toBe(0);
    lab.runUntil(() => lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).filter((p) => p.status?.phase === 'Running').length === 3, 60_000_000);
    expect(podsOn('k8s-w0')).toEqual([]);
  });

  test('a curl from the netshoot pod to the exposed deployment now always answers with whoami', async () => {
    expect((await kc(lab, 'kubectl expose deployment webpod --name=web3 --port=8080 --target-port=80')).stdout).toBe('service/web3 exposed\n');
    lab.runFor(3_000_000);
    const t = await openTestTerminal({ lab, tools: commands });
    for (let i = 0; i < 3; i++) expect(await t.run('kubectl exec curl-pod -- curl -s -m 2 web3:8080 | grep Hostname')).toMatch(/^Hostname: webpod-[a-z0-9]+-[a-z0-9]{5}\n$/);
  });
});

describe('run -it --rm', () => {
  test('runs the command in the new pod on the terminal, then deletes the pod', async () => {
    const t = await openTestTerminal({ lab, tools: commands });
    const out = await t.run('kubectl run tmp -it --rm --image=nicolaka/netshoot --restart=Never -- curl -s -m 2 web3:8080');
    expect(out).toMatch(/^If you don't see a command prompt, try pressing enter\.\nHostname: webpod-[a-z0-9]+-[a-z0-9]{5}\n[^]*\npod "tmp" deleted\n$/);
    lab.runFor(40_000_000);
    expect(lab.k8s.api.tryGet('Pod', 'default', 'tmp')).toBeUndefined();
  });

  test('an image whose default command is not modelled', async () => {
    const r = await kc(lab, 'kubectl run tmp2 -i --rm --image=busybox');
    expect(r.stderr).toBe('error: attaching to image "busybox" is not modelled: give the command after --\n');
    expect(r.stdout).toBe('pod "tmp2" deleted\n');
  });

  test('--dry-run cannot attach', async () => {
    expect((await kc(lab, 'kubectl run x -it --image=nginx --dry-run=client')).stderr).toBe("error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n");
  });
});

describe('auth can-i and get --raw', () => {
  test('the lab is cluster-admin: yes', async () => {
    expect(await kc(lab, 'kubectl auth can-i create pods')).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 });
    expect(await kc(lab, "kubectl auth can-i '*' '*'")).toEqual({ stdout: 'yes\n', stderr: '', exitCode: 0 });
    expect(await kc(lab, 'kubectl auth can-i list nodes')).toEqual({ stdout: 'yes\n', stderr: "Warning: resource 'nodes' is not namespace scoped\n\n", exitCode: 0 });
    expect(await kc(lab, 'kubectl auth can-i get foos')).toEqual({ stdout: 'yes\n', stderr: "Warning: the server doesn't have a resource type 'foos'\n\n", exitCode: 0 });
    expect(await kc(lab, 'kubectl auth can-i create')).toEqual({ stdout: '', stderr: "error: you must specify two arguments: verb resource or verb resource/resourceName.\nSee 'kubectl auth can-i -h' for help and examples.\n", exitCode: 1 });
  });

  test('get --raw: health endpoints without a newline, /version as indented JSON', async () => {
    for (const path of ['/healthz', '/livez', '/readyz']) expect(await kc(lab, `kubectl get --raw ${path}`)).toEqual({ stdout: 'ok', stderr: '', exitCode: 0 });
    const v = await kc(lab, 'kubectl get --raw /version');
    expect(v.stdout).toMatch(/^\{\n {2}"major": "1",\n {2}"minor": "33",\n[^]*\n\}$/);
    expect((await kc(lab, 'kubectl get pods --raw /healthz')).stderr).toBe('error: arguments may not be passed when --raw is specified\n');
    expect((await kc(lab, 'kubectl get --raw /nope')).stderr).toBe('Error from server (NotFound): the server could not find the requested resource\n');
  });
});

describe('after the drain', () => {
  test('an unknown node, then uncordon', async () => {
    expect(await kc(lab, 'kubectl drain k8s-w9 --ignore-daemonsets')).toEqual({ stdout: '', stderr: 'Error from server (NotFound): nodes "k8s-w9" not found\n', exitCode: 1 });
    expect((await kc(lab, 'kubectl uncordon k8s-w0')).stdout).toBe('node/k8s-w0 uncordoned\n');
  });
});
