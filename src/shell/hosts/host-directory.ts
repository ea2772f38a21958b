// Layer shell: every place a shell can run in one lab, made on first use and kept (so files written on a
// host stay there): the VMs, pod containers (a restarted pod, with a new UID, gets fresh files), and the
// user's workstation where `vagrant status` and `vagrant ssh` run. Also finds the VM that owns an address.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import { containerEnv } from '../../k8s/index.js';
import type { Lab } from '../../lab/index.js';
import type { ExecHost, HostTarget } from '../../tools/process.js';
import { etcProfile, kernelConfigFile, podEtcHosts, podResolvConf, ubuntuOsRelease, VM_RESOLV_CONF, vmEtcHosts } from './etc-files.js';
import { imageProfile } from './image-profile.js';
import { LabHost } from './lab-host.js';
import { sysctlProvider } from './sysctl-provider.js';


/** Installed only where the lab's provisioning puts them (init_cfg.sh on nodes, k8s-ctr.sh on the control plane). */
const NODE_ONLY = new Set(['kubectl', 'kubeadm', 'kubelet', 'crictl', 'sshpass', 'kubecolor']);
const CONTROL_PLANE_ONLY = new Set(['helm', 'cilium', 'hubble']);
/** The agent's debug binary ships in the cilium image only; on a VM it is reached through kubectl exec. */
const AGENT_IMAGE_ONLY = new Set(['cilium-dbg']);
const WORKSTATION_COMMANDS = new Set(['vagrant', 'ssh', 'sshpass']);

export class HostDirectory {
  private readonly vms = new Map<string, LabHost>();
  private readonly pods = new Map<string, { uid: string; host: LabHost }>();
  private station: LabHost | undefined;

  constructor(
    readonly lab: Lab,
    /** Every command the shell knows, before per-host filtering. */
    private readonly known: (name: string) => boolean,
  ) {}

  resolve(t: HostTarget): LabHost | undefined {
    if (t.kind === 'vm') return this.vm(t.name);
    if (t.kind === 'pod') return this.pod(t.namespace, t.name, t.container);
    return this.workstation();
  }

  /** An ExecHost for a target (root unless the target names a user). */
  execHost(t: HostTarget): ExecHost | undefined {
    const h = this.resolve(t);
    return h?.view(t.kind === 'vm' ? (t.user ?? 'root') : t.kind === 'workstation' ? 'user' : 'root');
  }

  vm(name: string): LabHost | undefined {
    const cached = this.vms.get(name);
    if (cached) return cached;
    const machine = this.lab.machines.get(name);
    const spec = this.lab.spec.hosts.find((h) => h.name === name);
    if (!machine || !spec) return undefined;
    const isNode = spec.role === 'node';
    const isControlPlane = this.lab.spec.kubernetes.controlPlane === name;
    const host = new LabHost({
      kind: 'vm',
      name,
      hostname: name,
      machine,
      netns: machine.root,
      hasCommand: (c) => this.known(c) && !WORKSTATION_ONLY(c) && !AGENT_IMAGE_ONLY.has(c) && (!NODE_ONLY.has(c) || isNode) && (!CONTROL_PLANE_ONLY.has(c) || isControlPlane),
      nextPid: () => machine.spawnPid(),
      promptStyle: 'debian',
    });
    const fs = host.fs;
    for (const d of ['/root', '/home/vagrant', '/tmp', '/etc', '/boot', '/usr/bin', '/var/log']) fs.mkdirp(d);
    fs.write('/etc/hostname', `${name}\n`);
    fs.write('/etc/hosts', vmEtcHosts(name, spec.etcHosts));
    fs.write('/etc/resolv.conf', VM_RESOLV_CONF);
    fs.write('/etc/os-release', ubuntuOsRelease(spec.os));
    fs.write('/etc/profile', etcProfile({ isControlPlane }));
    fs.write(`/boot/config-${spec.kernel.release}`, kernelConfigFile(spec.kernel));
    fs.write('/home/vagrant/.bashrc', 'sudo su -\n');
    if (isControlPlane) {
      fs.mkdirp('/root/.kube');
      fs.write('/root/.kube/config', kubeconfig(this.lab));
    }
    fs.mount('/proc/sys', sysctlProvider(machine.root.sysctl));
    this.vms.set(name, host);
    return host;
  }

  pod(namespace: string, name: string, container?: string): LabHost | undefined {
    const pod = this.lab.k8s.api.tryGet('Pod', namespace, name);
    if (!pod) return undefined;
    const c = container === undefined ? pod.spec.containers[0] : pod.spec.containers.find((x) => x.name === container);
    if (!c) return undefined;
    const key = `${namespace}/${name}/${c.name}`;
    const uid = pod.metadata.uid ?? '';
    const cached = this.pods.get(key);
    if (cached && cached.uid === uid) return cached.host;
    const node = pod.spec.nodeName ?? '';
    const machine = this.lab.machines.get(node);
    const isHostNet = pod.spec.hostNetwork === true;
    const netns = isHostNet ? machine?.root : machine?.namespaces.get(`${namespace}/${name}`);
    const hostname = isHostNet ? node : (pod.spec.hostname ?? name);
    const profile = imageProfile(c.image ?? '');
    const rng = this.lab.ctx.rng.fork(`pids/${key}/${uid}`);
    let pid = 1;
    const host = new LabHost({
      kind: 'pod',
      name: c.name === pod.spec.containers[0]?.name ? `${namespace}/${name}` : key,
      hostname,
      machine,
      netns,
      pod: { namespace, name, container: c.name, image: c.image ?? '' },
      hasCommand: (cmd) => this.known(cmd) && profile.has(cmd),
      nextPid: () => (pid += rng.int(1, 12)),
      promptStyle: profile.promptStyle,
      workdir: profile.workdir,
      containerEnv: () => {
        const now = this.lab.k8s.api.tryGet('Pod', namespace, name) ?? pod;
        const started = now.status?.containerStatuses?.find((s) => s.name === c.name)?.state.running?.startedAt;
        return containerEnv(this.lab.k8s.api, now, c, started ? Date.parse(started) : Number.POSITIVE_INFINITY);
      },
    });
    const fs = host.fs;
    for (const d of ['/root', '/tmp', '/etc', profile.workdir]) fs.mkdirp(d);
    fs.write('/etc/hostname', `${hostname}\n`);
    fs.write('/etc/hosts', isHostNet ? vmEtcHosts(node, []) : podEtcHosts(pod.status?.podIP, hostname));
    fs.write('/etc/resolv.conf', isHostNet ? VM_RESOLV_CONF : podResolvConf(namespace, this.lab.spec.kubernetes.networking.dnsDomain, this.dnsIp()));
    if (profile.osRelease) fs.write('/etc/os-release', profile.osRelease);
    if (netns) fs.mount('/proc/sys', sysctlProvider(netns.sysctl));
    this.pods.set(key, { uid, host });
    return host;
  }

  workstation(): LabHost {
    if (this.station) return this.station;
    let pid = 4000;
    const host = new LabHost({
      kind: 'workstation',
      name: 'workstation',
      hostname: 'workstation',
      machine: undefined,
      netns: undefined,
      hasCommand: (c) => this.known(c) && (WORKSTATION_COMMANDS.has(c) || !isLabTool(c)),
      nextPid: () => (pid += 3),
      promptStyle: 'debian',
      workdir: '/home/user/cilium-lab',
    });
    host.fs.mkdirp('/home/user/cilium-lab');
    host.fs.write('/home/user/cilium-lab/Vagrantfile', '# cilium-study 4w: k8s-ctr, k8s-w1, router, k8s-w0\n');
    this.station = host;
    return host;
  }

  /** The VM that has `addr` on one of its interfaces (`ssh vagrant@192.168.10.101`). */
  vmByAddress(addr: Ipv4Addr): LabHost | undefined {
    for (const [name, m] of this.lab.machines) if (m.root.isLocalAddr(addr)) return this.vm(name);
    return undefined;
  }

  private dnsIp(): string {
    const svc = this.lab.k8s.api.tryGet('Service', 'kube-system', 'kube-dns') as { spec?: { clusterIP?: string } } | undefined;
    return svc?.spec?.clusterIP ?? formatIpv4(((this.lab.spec.kubernetes.networking.serviceSubnet.addr + 10) >>> 0) as Ipv4Addr);
  }
}

function WORKSTATION_ONLY(c: string): boolean {
  return c === 'vagrant';
}

/** Emulated lab tools: they only make sense inside the lab, not on the workstation. */
function isLabTool(c: string): boolean {
  return /^(kubectl|kubeadm|helm|cilium|cilium-dbg|hubble|ip|ifconfig|ping|tcpdump|curl|tracepath|traceroute|arping|lsmod|modprobe|sysctl|ss|nslookup|dig|route|netstat|bpftool|crictl)$/.test(c);
}

/** ~/.kube/config on the control plane: the admin kubeconfig, renamed to the lab's context (k8s-ctr.sh). */
function kubeconfig(lab: Lab): string {
  const ctx = lab.spec.kubernetes.kubeconfigContext;
  const cp = lab.spec.kubernetes.nodes.find((n) => n.name === lab.spec.kubernetes.controlPlane);
  const server = cp ? `https://${formatIpv4(cp.nodeIP)}:6443` : 'https://127.0.0.1:6443';
  return `apiVersion: v1
clusters:
- cluster:
    certificate-authority-data: DATA+OMITTED
    server: ${server}
  name: kubernetes
contexts:
- context:
    cluster: kubernetes
    user: kubernetes-admin
  name: ${ctx}
current-context: ${ctx}
kind: Config
preferences: {}
users:
- name: kubernetes-admin
  user:
    client-certificate-data: DATA+OMITTED
    client-key-data: DATA+OMITTED
`;
}
