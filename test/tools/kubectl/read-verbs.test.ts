// Verbs that read or follow the cluster, on the week-4 lab: get forms (all, several types, -A, -L, --sort-by,
// custom-columns, name, json, jsonpath-as-json, -w), describe, logs (Cilium 1.18 slog text, whoami's start
// line, Found N pods), exec (target pod and container, TTY message, exit codes), wait, rollout status
// streaming, version, config and top; each compared with the text kubectl 1.33's code prints.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { week4 } from '../../support/week4.js';
import { kc, kcExec } from './kubectl-harness.js';

let lab: Lab;
beforeAll(() => {
  lab = week4();
  lab.runFor(5_000_000);
});

const webpods = () => lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' });
const ciliumPodOn = (node: string) => lab.k8s.api.list('Pod', { namespace: 'kube-system', labelSelector: 'k8s-app=cilium' }).find((p) => p.spec.nodeName === node);

describe('get', () => {
  test('all: pods, services, daemonsets, deployments, replicasets with kind prefixes, a blank line between', async () => {
    const r = await kc(lab, 'kubectl get all -n kube-system');
    const headers = r.stdout.split('\n\n').map((block) => block.split('\n')[1]?.split(/ +/)[0]?.split('/')[0]);
    expect(headers).toEqual(['pod', 'service', 'daemonset.apps', 'deployment.apps', 'replicaset.apps']);
    expect(r.stdout).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE\npod\/cilium-/);
  });

  test('-A adds NAMESPACE; -o wide adds IP NODE NOMINATED NODE READINESS GATES', async () => {
    const r = await kc(lab, 'kubectl get pods -A -owide');
    expect(r.stdout.split('\n')[0]).toMatch(/^NAMESPACE +NAME +READY +STATUS +RESTARTS +AGE +IP +NODE +NOMINATED NODE +READINESS GATES$/);
    const curl = r.stdout.split('\n').find((l) => l.includes('curl-pod')) ?? '';
    expect(curl.split(/ {2,}/)).toEqual(['default', 'curl-pod', '1/1', 'Running', '0', expect.stringMatching(/^\d+s$/), lab.k8s.api.get('Pod', 'default', 'curl-pod').status?.podIP, 'k8s-ctr', '<none>', '<none>']);
  });

  test('-L app and --sort-by', async () => {
    const r = await kc(lab, 'kubectl get pods -L app --sort-by=.spec.nodeName');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE +APP$/);
    expect(lines.slice(1).map((l) => l.split(/ +/).pop())).toEqual(['curl', 'webpod', 'webpod', 'webpod']);
    const byNode = [...webpods()].sort((a, b) => (a.spec.nodeName ?? '').localeCompare(b.spec.nodeName ?? ''));
    expect(lines.slice(2).map((l) => l.split(' ')[0])).toEqual(byNode.map((p) => p.metadata.name));
  });

  test('custom-columns with --no-headers', async () => {
    const r = await kc(lab, 'kubectl get pods -l app=webpod --no-headers -o custom-columns=NAME:.metadata.name,NODE:.spec.nodeName --sort-by=.spec.nodeName');
    expect(r.stdout.split('\n').filter((l) => l).map((l) => l.split(/ +/)[1])).toEqual(['k8s-ctr', 'k8s-w0', 'k8s-w1']);
  });

  test('-o name over several types', async () => {
    const r = await kc(lab, 'kubectl get deploy,svc webpod -o name');
    expect(r.stdout).toBe('deployment.apps/webpod\nservice/webpod\n');
  });

  test('-o json: 4-space indented, keys sorted, a List for a list', async () => {
    const one = await kc(lab, 'kubectl get svc webpod -o json');
    expect(one.stdout).toMatch(/^\{\n {4}"apiVersion": "v1",\n {4}"kind": "Service",\n {4}"metadata": \{\n/);
    const list = await kc(lab, 'kubectl get svc -o json');
    expect(JSON.parse(list.stdout)).toMatchObject({ apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } });
  });

  test('jsonpath-as-json and a range with a filter', async () => {
    expect((await kc(lab, 'kubectl get nodes -o jsonpath-as-json={.items[*].metadata.name}')).stdout).toBe('[\n    "k8s-ctr",\n    "k8s-w0",\n    "k8s-w1"\n]\n');
    const r = await kc(lab, `kubectl get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\\t"}{.status.addresses[?(@.type=="InternalIP")].address}{"\\n"}{end}'`);
    expect(r.stdout).toBe('k8s-ctr\t192.168.10.100\nk8s-w0\t192.168.20.100\nk8s-w1\t192.168.10.101\n');
  });

  test('cluster-scoped types under -A have no NAMESPACE column', async () => {
    const r = await kc(lab, 'kubectl get cn,cep -A');
    const [cn, cep] = r.stdout.split('\n\n');
    expect(cn?.split('\n')[0]).toMatch(/^NAME +CILIUMINTERNALIP +INTERNALIP +AGE$/);
    expect(cep?.split('\n')[0]).toMatch(/^NAMESPACE +NAME +SECURITY IDENTITY +ENDPOINT STATE +IPV4 +IPV6$/);
    expect(cn).toContain('ciliumnode.cilium.io/k8s-ctr');
  });

  test('-w: the current table, then one row per change, aligned with remembered widths; Ctrl-C is status 130', async () => {
    const pending = kc(lab, 'kubectl get pods -l app=webpod -w', { interruptAfterUs: 20_000_000 });
    const r0 = await kc(lab, `kubectl delete pod ${webpods()[0]?.metadata.name ?? ''} --wait=false`);
    expect(r0.exitCode).toBe(0);
    const r = await pending;
    expect(r.exitCode).toBe(130);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^NAME +READY +STATUS +RESTARTS +AGE$/);
    const col = (lines[0] ?? '').indexOf('READY');
    for (const l of lines.slice(1, 4)) expect(l.indexOf('1/1')).toBe(col);
    expect(lines.some((l) => /Terminating/.test(l))).toBe(true);
    expect(lines.some((l) => /Pending|ContainerCreating/.test(l))).toBe(true);
  });
});

describe('describe', () => {
  test('pod: header fields, containers, conditions, events', async () => {
    const r = await kc(lab, 'kubectl describe pod curl-pod');
    const pod = lab.k8s.api.get('Pod', 'default', 'curl-pod');
    expect(r.stdout).toContain('Name:             curl-pod\nNamespace:        default\nPriority:         0\nService Account:  default\nNode:             k8s-ctr/192.168.10.100\n');
    expect(r.stdout).toContain(`IP:               ${pod.status?.podIP}\nIPs:\n  IP:  ${pod.status?.podIP}\nContainers:\n  curl:\n`);
    expect(r.stdout).toContain('    Command:\n      tail\n    Args:\n      -f\n      /dev/null\n');
    expect(r.stdout).toMatch(/Conditions:\n {2}Type {24}Status\n {2}PodReadyToStartContainers {3}True \n/);
    expect(r.stdout).toMatch(/Events:\n {2}Type {4}Reason {3}Age +From {5}Message\n {2}---- {4}------ {3}---- +---- {5}-------\n {2}Normal {2}Pulling/);
  });

  test('service: endpoints from the EndpointSlices', async () => {
    const r = await kc(lab, 'kubectl describe svc webpod');
    const ips = webpods().map((p) => `${p.status?.podIP}:80`).sort();
    const line = r.stdout.split('\n').find((l) => l.startsWith('Endpoints:')) ?? '';
    expect(line.replace(/^Endpoints: +/, '').split(',').sort()).toEqual(ips);
    expect(r.stdout).toContain('Port:                     <unset>  80/TCP\nTargetPort:               80/TCP\n');
  });

  test('deployment: replicas line and NewReplicaSet', async () => {
    const r = await kc(lab, 'kubectl describe deploy webpod');
    expect(r.stdout).toContain('Replicas:               3 desired | 3 updated | 3 total | 3 available | 0 unavailable\n');
    expect(r.stdout).toMatch(/NewReplicaSet: {3}webpod-[a-z0-9]+ \(3\/3 replicas created\)\n/);
  });

  test('a name prefix describes every match', async () => {
    const r = await kc(lab, 'kubectl describe pod webpod');
    expect(r.stdout.split('\n').filter((l) => l.startsWith('Name:'))).toHaveLength(3);
  });
});

describe('logs', () => {
  test('whoami: its start line; a deployment picks one pod and says so', async () => {
    const r = await kc(lab, 'kubectl logs deploy/webpod');
    expect(r.stdout).toMatch(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} Starting up on port 80\n$/);
    expect(r.stderr).toMatch(/^Found 3 pods, using pod\/webpod-[a-z0-9]+-[a-z0-9]{5}\n$/);
  });

  test('cilium-agent: the agent log in Cilium 1.18 slog text (time=RFC3339Nano level=... msg=...)', async () => {
    const pod = ciliumPodOn('k8s-ctr');
    const r = await kc(lab, `kubectl logs -n kube-system ${pod?.metadata.name} -c cilium-agent --tail=2`);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(l).toMatch(/^time=\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z level=(debug|info|warn|error) msg=("[^"]*"|\S+)( [a-zA-Z][\w.-]*=("([^"\\]|\\.)*"|\S*))*$/);
    const records = lab.agents.get('k8s-ctr')?.log.records ?? [];
    expect(lines[1]).toContain(JSON.stringify(records[records.length - 1]?.msg).includes(' ') ? `msg=${JSON.stringify(records[records.length - 1]?.msg)}` : 'msg=');
  });

  test('-l with --prefix: one stream per pod, "[pod/NAME/CONTAINER] " before each line', async () => {
    const r = await kc(lab, 'kubectl logs -n kube-system -l k8s-app=cilium --tail=1 --prefix');
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l).toMatch(/^\[pod\/cilium-[a-z0-9]{5}\/cilium-agent\] time=/);
  });

  test('-f follows until Ctrl-C (status 130)', async () => {
    const r = await kc(lab, 'kubectl logs -f curl-pod', { interruptAfterUs: 1_000_000 });
    expect(r).toEqual({ stdout: '', stderr: '', exitCode: 130 });
  });
});

describe('exec', () => {
  const reply = () => ({ stdout: 'ok\n', exitCode: 0 });

  test('ds/cilium: the first pod as kubectl sorts them, the default container', async () => {
    const r = await kcExec(lab, 'kubectl exec -it -n kube-system ds/cilium -- cilium status', reply, { stdinIsTty: true });
    expect(r.exitCode).toBe(0);
    const call = r.calls[0];
    expect(call?.argv).toEqual(['cilium', 'status']);
    expect(call?.isTty).toBe(true);
    expect(call?.host.pod?.container).toBe('cilium-agent');
    expect(call?.host.pod?.namespace).toBe('kube-system');
    expect(lab.k8s.api.get('Pod', 'kube-system', call?.host.pod?.name ?? '').metadata.labels?.['k8s-app']).toBe('cilium');
  });

  test('-c selects the container; a failing command: "command terminated with exit code N"', async () => {
    const r = await kcExec(lab, 'kubectl exec -n kube-system ds/cilium -c cilium-agent -- false', () => ({ exitCode: 1 }));
    expect(r.calls[0]?.host.pod?.container).toBe('cilium-agent');
    expect(r).toMatchObject({ stdout: '', stderr: 'command terminated with exit code 1\n', exitCode: 1 });
  });

  test('-t without a terminal on stdin: the TTY warning, then no TTY', async () => {
    const r = await kcExec(lab, 'kubectl exec -it curl-pod -- ls', reply);
    expect(r.stderr).toBe('Unable to use a TTY - input is not a terminal or the right kind of file\n');
    expect(r.calls[0]?.isTty).toBe(false);
    expect(r.stdout).toBe('ok\n');
  });

  test('several containers, no default-container annotation: "Defaulted container ... out of: ..."', async () => {
    const pod = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: multi\nspec:\n  initContainers:\n  - name: setup\n    image: busybox\n  containers:\n  - name: main\n    image: busybox\n  - name: side\n    image: busybox\n';
    await kc(lab, 'kubectl apply -f -', { stdin: pod });
    const r = await kcExec(lab, 'kubectl exec multi -- ls', reply);
    expect(r.stderr).toBe('Defaulted container "main" out of: main, side, setup (init)\n');
    expect(r.calls[0]?.host.pod?.container).toBe('main');
    await kc(lab, 'kubectl annotate pod multi kubectl.kubernetes.io/default-container=side');
    const r2 = await kcExec(lab, 'kubectl exec multi -- ls', reply);
    expect(r2.stderr).toBe('');
    expect(r2.calls[0]?.host.pod?.container).toBe('side');
    await kc(lab, 'kubectl delete pod multi --wait=false');
  });

  test('the pod host: namespace/name, node machine, image', async () => {
    const r = await kcExec(lab, 'kubectl exec curl-pod -- hostname', reply);
    const h = r.calls[0]?.host;
    expect(h?.name).toBe('default/curl-pod');
    expect(h?.hostname).toBe('curl-pod');
    expect(h?.pod).toEqual({ namespace: 'default', name: 'curl-pod', container: 'curl', image: 'nicolaka/netshoot' });
  });
});

describe('wait, rollout, version, config, top', () => {
  test('wait --for=condition=Ready and --for=jsonpath', async () => {
    expect((await kc(lab, 'kubectl wait --for=condition=Ready pod/curl-pod')).stdout).toBe('pod/curl-pod condition met\n');
    expect((await kc(lab, 'kubectl wait --for=jsonpath={.status.phase}=Running pod/curl-pod')).stdout).toBe('pod/curl-pod condition met\n');
  });

  test('wait --for=delete times out: "timed out waiting for the condition on pods/curl-pod"', async () => {
    const r = await kc(lab, 'kubectl wait --for=delete pod/curl-pod --timeout=2s');
    expect(r).toEqual({ stdout: '', stderr: 'error: timed out waiting for the condition on pods/curl-pod\n', exitCode: 1 });
  });

  test('version', async () => {
    expect(await kc(lab, 'kubectl version')).toEqual({ stdout: 'Client Version: v1.33.2\nKustomize Version: v5.6.0\nServer Version: v1.33.2\n', stderr: '', exitCode: 0 });
    expect((await kc(lab, 'kubectl version --client')).stdout).toBe('Client Version: v1.33.2\nKustomize Version: v5.6.0\n');
    expect(JSON.parse((await kc(lab, 'kubectl version -o json')).stdout).serverVersion.gitVersion).toBe('v1.33.2');
  });

  test('top without metrics-server', async () => {
    expect(await kc(lab, 'kubectl top nodes')).toEqual({ stdout: '', stderr: 'error: Metrics API not available\n', exitCode: 1 });
  });

  test('cluster-info', async () => {
    expect((await kc(lab, 'kubectl cluster-info')).stdout).toBe(
      "Kubernetes control plane is running at https://192.168.10.100:6443\nCoreDNS is running at https://192.168.10.100:6443/api/v1/namespaces/kube-system/services/kube-dns:dns/proxy\n\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n",
    );
  });

  test('config: current-context, set-context --current --namespace applies to later commands', async () => {
    expect((await kc(lab, 'kubectl config current-context')).stdout).toBe('HomeLab\n');
    expect((await kc(lab, 'kubectl config set-context --current --namespace=kube-system')).stdout).toBe('Context "HomeLab" modified.\n');
    const names = lab.k8s.api.list('DaemonSet', { namespace: 'kube-system' }).map((d) => `daemonset.apps/${d.metadata.name}\n`);
    expect((await kc(lab, 'kubectl get ds -o name')).stdout).toBe(names.join(''));
    expect((await kc(lab, 'kubectl config get-contexts')).stdout).toMatch(/^CURRENT {3}NAME {6}CLUSTER {6}AUTHINFO {11}NAMESPACE\n\* {9}HomeLab {3}kubernetes {3}kubernetes-admin {3}kube-system\n$/);
    await kc(lab, 'kubectl config set-context --current --namespace=default');
  });

  test('rollout restart ds/cilium, then status streams until every node runs a new pod', async () => {
    expect((await kc(lab, 'kubectl rollout restart -n kube-system ds/cilium')).stdout).toBe('daemonset.apps/cilium restarted\n');
    const r = await kc(lab, 'kubectl rollout status -n kube-system ds/cilium');
    const lines = r.stdout.trimEnd().split('\n');
    expect(r.exitCode).toBe(0);
    expect(lines[lines.length - 1]).toBe('daemon set "cilium" successfully rolled out');
    for (const l of lines.slice(0, -1)) {
      expect(l).toMatch(/^Waiting for daemon set (spec update to be observed|"cilium" rollout to finish: (\d out of 3 new pods have been updated|\d of 3 updated pods are available))\.\.\.$/);
    }
    const template = lab.k8s.api.get('DaemonSet', 'kube-system', 'cilium').spec.template.metadata?.annotations ?? {};
    expect(template['kubectl.kubernetes.io/restartedAt']).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/);
  });

  test('rollout history after the restart: two revisions', async () => {
    lab.runFor(1_000_000);
    expect((await kc(lab, 'kubectl rollout history -n kube-system ds/cilium')).stdout).toBe('daemonset.apps/cilium \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n');
  });
});
