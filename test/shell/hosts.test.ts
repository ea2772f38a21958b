// Hosts as the shell shows them: prompts (kube-ps1 on the control plane, plain root elsewhere, the
// netshoot pod's Alpine prompt), the files each host is born with, /proc/sys backed by the namespace's
// sysctls, and the commands installed where the lab's provisioning put them.

import { beforeAll, describe, expect, it } from 'vitest';
import { loadDefaultLab } from '../../src/lab/index.js';
import { loginPromptFor } from '../../src/shell/hosts/prompt.js';
import { commands } from '../../src/tools/registry.js';
import { week4 } from '../support/week4.js';
import { openTestTerminal, type TestTerminal } from './support.js';
import type { Lab } from '../../src/lab/index.js';

let lab: Lab;

beforeAll(() => {
  lab = week4();
});

describe('prompts', () => {
  it('shows kube-ps1 on k8s-ctr, plain root on the others, as the lab file predicts before the build', async () => {
    const spec = loadDefaultLab();
    for (const host of ['k8s-ctr', 'k8s-w1', 'router', 'k8s-w0', 'workstation']) {
      const t = await openTestTerminal({ lab, host });
      expect(t.terminal.prompt()).toBe(loginPromptFor(spec, host));
    }
    expect(loginPromptFor(spec, 'k8s-ctr')).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:~# ');
    expect(loginPromptFor(spec, 'k8s-w1')).toBe('root@k8s-w1:~# ');
  });

  it('follows cd, and shows the kubeconfig namespace once the context has one', async () => {
    const t = await openTestTerminal({ lab });
    await t.run('cd /etc');
    expect(t.terminal.prompt()).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:/etc# ');
    await t.run("sed -i 's/    user: kubernetes-admin/    namespace: kube-system\\n    user: kubernetes-admin/' /root/.kube/config");
    expect(t.terminal.prompt()).toBe('(⎈|HomeLab:kube-system) root@k8s-ctr:/etc# ');
  });

  it('opens an interactive shell in the netshoot pod with kubectl exec -it ... -- bash', async () => {
    const t = await openTestTerminal({ lab, tools: commands });
    await t.run('kubectl exec -it curl-pod -- bash');
    expect(t.terminal.prompt()).toBe('curl-pod:~# ');
    expect(await t.run('cat /etc/resolv.conf')).toBe('search default.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n');
    expect(await t.run('grep curl-pod /etc/hosts')).toMatch(/^172\.20\.0\.\d+\tcurl-pod\n$/);
    expect(await t.run('exit 3')).toBe('exit\ncommand terminated with exit code 3\n');
    expect(t.terminal.prompt()).toBe('(⎈|HomeLab:N/A) root@k8s-ctr:~# ');
  });
});

describe('files', () => {
  let ctr: TestTerminal;
  let router: TestTerminal;

  beforeAll(async () => {
    ctr = await openTestTerminal({ lab });
    router = await openTestTerminal({ lab, host: 'router' });
  });

  it('/etc/hosts: the lab names only on k8s-ctr', async () => {
    expect(await ctr.run('tail -5 /etc/hosts')).toBe('127.0.2.1 k8s-ctr k8s-ctr\n192.168.10.100 k8s-ctr\n192.168.10.200 router\n192.168.20.100 k8s-w0\n192.168.10.101 k8s-w1\n');
    expect(await router.run('grep -c 192.168 /etc/hosts')).toBe('0\n');
  });

  it('/boot/config of the running kernel, /etc/os-release, the systemd-resolved stub', async () => {
    expect(await ctr.run('head -4 /boot/config-$(uname -r)')).toBe('#\n# Automatically generated file; DO NOT EDIT.\n# Linux/x86 6.8.0-53-generic Kernel Configuration\n#\n');
    expect(await ctr.run('grep -E "^(PRETTY_NAME|VERSION_CODENAME)" /etc/os-release')).toBe('PRETTY_NAME="Ubuntu 24.04.2 LTS"\nVERSION_CODENAME=noble\n');
    expect(await ctr.run('grep -v "^#" /etc/resolv.conf | grep .')).toBe('nameserver 127.0.0.53\noptions edns0 trust-ad\n');
  });

  it('/proc/sys reads and writes the namespace sysctls', async () => {
    expect(await router.run('cat /proc/sys/net/ipv4/ip_forward')).toBe('1\n');
    await router.run('echo 0 > /proc/sys/net/ipv4/ip_forward');
    expect(lab.machine('router').root.sysctl.get('net.ipv4.ip_forward')).toBe('0');
    await router.run('echo 1 > /proc/sys/net/ipv4/ip_forward');
    expect(lab.machine('router').root.sysctl.get('net.ipv4.ip_forward')).toBe('1');
    expect(await router.run('ls /proc/sys/net/ipv4 | grep -c ^ip_forward$')).toBe('1\n');
  });

  it('keeps files written on a host for the next command and the next terminal', async () => {
    await ctr.run('echo note > /root/n.txt');
    expect(await ctr.run('cat n.txt; cat /nope')).toBe('note\ncat: /nope: No such file or directory\n');
    let screen = '';
    const second = ctr.session.openTerminal('second', { write: (s) => void (screen += s), isTty: true, isInputTty: true }, { kind: 'vm', name: 'k8s-ctr' });
    await ctr.driver.run(second?.submit('cat /root/n.txt') ?? Promise.resolve());
    expect(screen).toBe('note\n');
  });
});

describe('installed commands', () => {
  it('has kubectl, helm and cilium on the control plane only, and no shell in the whoami image', async () => {
    const w1 = await openTestTerminal({ lab, tools: commands, host: 'k8s-w1' });
    expect(await w1.run('helm version')).toBe('bash: helm: command not found\n');
    const router = await openTestTerminal({ lab, tools: commands, host: 'router' });
    expect(await router.run('kubectl get no')).toBe('bash: kubectl: command not found\n');
    const onCtr = await openTestTerminal({ lab, tools: commands });
    expect(await onCtr.run('cilium-dbg bpf tunnel list')).toBe('bash: cilium-dbg: command not found\n');
    const ctr = await openTestTerminal({ lab, tools: commands });
    const pod = lab.k8s.api.list('Pod', { namespace: 'default', labelSelector: 'app=webpod' })[0]?.metadata.name ?? '';
    expect(await ctr.run(`kubectl exec ${pod} -- sh -c 'echo hi'`)).toBe('OCI runtime exec failed: exec failed: unable to start container process: exec: "sh": executable file not found in $PATH: unknown\ncommand terminated with exit code 126\n');
  });

  it('says plainly when a real command is not modelled (nc on a VM, iperf3 in netshoot), and not found stays not found', async () => {
    const ctr = await openTestTerminal({ lab, tools: commands });
    expect(await ctr.run('nc -zv 192.168.10.101 22; echo $?')).toBe('ciliumlab: nc is installed on the real lab but not modelled by ciliumlab\n127\n');
    expect(await ctr.run('ncc; echo $?')).toBe('bash: ncc: command not found\n127\n');
    expect(await ctr.run('kubectl exec curl-pod -- iperf3 -c 192.168.10.100')).toBe('ciliumlab: iperf3 is installed on the real lab but not modelled by ciliumlab\ncommand terminated with exit code 127\n');
  });

  it("kubectl exec ... -- env: the image's PATH, HOSTNAME, the kubelet's Service variables (envvars.FromServices), HOME", async () => {
    const ctr = await openTestTerminal({ lab, tools: commands });
    const svc = lab.k8s.api.get('Service', 'default', 'webpod').spec?.clusterIP ?? '';
    const env = (await ctr.run('kubectl exec curl-pod -- env')).split('\n');
    expect(env[0]).toBe('PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
    expect(env[1]).toBe('HOSTNAME=curl-pod');
    expect(env).toEqual(expect.arrayContaining([
      'KUBERNETES_SERVICE_HOST=10.96.0.1', 'KUBERNETES_SERVICE_PORT=443', 'KUBERNETES_SERVICE_PORT_HTTPS=443', 'KUBERNETES_PORT=tcp://10.96.0.1:443',
      'KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443', 'KUBERNETES_PORT_443_TCP_PROTO=tcp', 'KUBERNETES_PORT_443_TCP_PORT=443', 'KUBERNETES_PORT_443_TCP_ADDR=10.96.0.1',
      `WEBPOD_SERVICE_HOST=${svc}`, 'WEBPOD_SERVICE_PORT=80', `WEBPOD_PORT=tcp://${svc}:80`, `WEBPOD_PORT_80_TCP_ADDR=${svc}`,
    ]));
    expect(env.filter((l) => l !== '').at(-1)).toBe('HOME=/root');
    expect(env.some((l) => /^(USER|LOGNAME|SHELL)=/.test(l))).toBe(false);
  });
});
