// The seed's kubectl outputs (the blog's text, runs of spaces collapsed as the blog did) against the
// emulator on the week-4 lab. Only what is random in a real cluster is normalised: pod-template hashes
// and name suffixes, pod IPs within their node's PodCIDR, the service's ClusterIP, identities and AGE.

import { beforeAll, describe, expect, test } from 'vitest';
import type { Lab } from '../../../src/lab/index.js';
import { week4 } from '../../support/week4.js';
import { collapse, kc } from './kubectl-harness.js';

// the nodes' cilium_host addresses (CiliumNode CILIUMINTERNALIP), the same in the seed and the lab
const CILIUM_HOST_IPS = new Set(['172.20.0.172', '172.20.1.16', '172.20.2.247']);
const AGE = /(?<=\s)(?:\d+[smhdy](?:\d+[smhd])?|<unknown>)(?=\s|$)/g;

function normalise(text: string): string {
  return collapse(text)
    .replace(/\b(webpod|cilium|coredns)-[0-9a-f]{8,10}-[a-z0-9]{5}\b/g, '$1-HASH-XXXXX')
    .replace(/\b(webpod|cilium)-[a-z0-9]{5}\b/g, '$1-XXXXX')
    .replace(/\b172\.20\.([0-2])\.\d+\b/g, (ip, cidr: string) => (CILIUM_HOST_IPS.has(ip) ? ip : `172.20.${cidr}.POD`))
    .replace(/\b10\.96\.\d+\.\d+\b/g, '10.96.X.X')
    .replace(AGE, 'AGE');
}

/** Normalises a table and sorts its rows (rows whose names differ only by random suffixes). */
const rows = (text: string, identityColumn?: number): string[] =>
  normalise(text)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (identityColumn === undefined ? l : l.split(' ').map((w, i) => (i === identityColumn ? 'ID' : w)).join(' ')))
    .sort();

let lab: Lab;
beforeAll(() => {
  lab = week4();
  lab.runFor(10_000_000);
});

describe('seed outputs', () => {
  test('kubectl get no -owide', async () => {
    const r = await kc(lab, 'kubectl get no -owide');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(normalise(r.stdout)).toBe(
      normalise(`NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME
k8s-ctr Ready control-plane 59m v1.33.2 192.168.10.100 <none> Ubuntu 24.04.2 LTS 6.8.0-53-generic containerd://1.7.27
k8s-w0 Ready <none> 41m v1.33.2 192.168.20.100 <none> Ubuntu 24.04.2 LTS 6.8.0-53-generic containerd://1.7.27
k8s-w1 Ready <none> 97s v1.33.2 192.168.10.101 <none> Ubuntu 24.04.2 LTS 6.8.0-53-generic containerd://1.7.27
`),
    );
  });

  test('kubectl get ciliumnode', async () => {
    const r = await kc(lab, 'kubectl get ciliumnode');
    expect(r.exitCode).toBe(0);
    expect(normalise(r.stdout)).toBe(
      normalise(`NAME CILIUMINTERNALIP INTERNALIP AGE
k8s-ctr 172.20.0.172 192.168.10.100 121m
k8s-w0 172.20.1.16 192.168.20.100 104m
k8s-w1 172.20.2.247 192.168.10.101 64m
`),
    );
  });

  test('kubectl get deploy,svc,ep webpod -owide', async () => {
    const r = await kc(lab, 'kubectl get deploy,svc,ep webpod -owide');
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('Warning: v1 Endpoints is deprecated in v1.33+; use discovery.k8s.io/v1 EndpointSlice\n');
    expect(normalise(r.stdout)).toBe(
      normalise(`NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR
deployment.apps/webpod 3/3 3 3 20h webpod traefik/whoami app=webpod

NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR
service/webpod ClusterIP 10.96.234.235 <none> 80/TCP 20h app=webpod

NAME ENDPOINTS AGE
endpoints/webpod 172.20.0.74:80,172.20.1.224:80,172.20.2.63:80 20h
`),
    );
  });

  test('kubectl get endpointslices -l app=webpod', async () => {
    const r = await kc(lab, 'kubectl get endpointslices -l app=webpod');
    expect(r.exitCode).toBe(0);
    expect(rows(r.stdout)).toEqual(
      rows(`NAME ADDRESSTYPE PORTS ENDPOINTS AGE
webpod-9v987 IPv4 80 172.20.0.74,172.20.1.224,172.20.2.63 20h
`),
    );
  });

  test('kubectl get ciliumendpoints', async () => {
    const r = await kc(lab, 'kubectl get ciliumendpoints');
    expect(r.exitCode).toBe(0);
    const [header, ...body] = normalise(r.stdout).split('\n');
    expect(header).toBe('NAME SECURITY IDENTITY ENDPOINT STATE IPV4 IPV6');
    const seed = `curl-pod 58696 ready 172.20.0.217
webpod-697b545f57-5dd9p 12564 ready 172.20.0.74
webpod-697b545f57-rdh2t 12564 ready 172.20.1.224
webpod-697b545f57-vhn6k 12564 ready 172.20.2.63
`;
    expect(rows(body.join('\n'), 1)).toEqual(rows(seed, 1));
    // the webpods share one identity, curl-pod has another
    const ids = body.filter((l) => l).map((l) => l.split(' ')[1]);
    expect(new Set(ids.slice(1)).size).toBe(1);
    expect(ids[0]).not.toBe(ids[1]);
  });

  test.each([
    ['k8s-w0', '1'],
    ['k8s-w1', '2'],
  ])('WEBPOD on %s: jsonpath {.items[0].status.podIP}', async (node, cidr) => {
    const r = await kc(lab, `kubectl get pod -l app=webpod --field-selector spec.nodeName=${node} -o jsonpath='{.items[0].status.podIP}'`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`^172\\.20\\.${cidr}\\.\\d+$`));
    const pod = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' }).find((p) => p.spec.nodeName === node);
    expect(r.stdout).toBe(pod?.status?.podIP);
  });

  test.each(['k8s-ctr', 'k8s-w1', 'k8s-w0'])('CILIUMPOD on %s: jsonpath {.items[0].metadata.name}', async (node) => {
    const r = await kc(lab, `kubectl get -l k8s-app=cilium pods -n kube-system --field-selector spec.nodeName=${node} -o jsonpath='{.items[0].metadata.name}'`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^cilium-[a-z0-9]{5}$/);
    const pod = lab.k8s.api.get('Pod', 'kube-system', r.stdout);
    expect(pod.spec.nodeName).toBe(node);
  });

  test('kubectl exec -it curl-pod -- curl webpod runs curl in the pod', async () => {
    const { kcExec } = await import('./kubectl-harness.js');
    const r = await kcExec(lab, 'kubectl exec -it curl-pod -- curl webpod', () => ({ stdout: 'Hostname: webpod-x\n', exitCode: 0 }), { stdinIsTty: true });
    expect(r.exitCode).toBe(0);
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]?.argv).toEqual(['curl', 'webpod']);
    expect(r.calls[0]?.isTty).toBe(true);
    expect(r.calls[0]?.host.name).toBe('default/curl-pod');
  });

  test('an interrupted exec: command terminated with exit code 130', async () => {
    const { kcExec } = await import('./kubectl-harness.js');
    const r = await kcExec(lab, 'kubectl exec -it curl-pod -- curl webpod', () => ({ exitCode: 130 }), { stdinIsTty: true });
    expect(r.exitCode).toBe(130);
    expect(r.stderr).toBe('command terminated with exit code 130\n');
  });

  test('kubectl rollout restart -n kube-system ds/cilium', async () => {
    const r = await kc(lab, 'kubectl rollout restart -n kube-system ds/cilium');
    expect(r).toEqual({ stdout: 'daemonset.apps/cilium restarted\n', stderr: '', exitCode: 0 });
  });
});
