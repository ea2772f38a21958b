// Layer shell: what a container image brings to `kubectl exec` — which commands exist in it, its shell
// and prompt style, and its /etc/os-release. nicolaka/netshoot is Alpine with bash, zsh and every network
// tool; the Cilium agent image has bash and the agent CLIs; traefik/whoami and CoreDNS have no shell.

import { ALPINE_OS_RELEASE, ubuntuOsRelease } from './etc-files.js';

export interface ImageProfile {
  /** Whether the image has this command (`kubectl exec POD -- NAME` works). */
  has(command: string): boolean;
  readonly osRelease: string | undefined;
  /** The prompt of an interactive shell in it: "curl-pod:~# " (Alpine) or "root@k8s-ctr:/home/cilium# ". */
  readonly promptStyle: 'alpine' | 'debian';
  readonly workdir: string;
}

/** Commands only the control plane's own tooling has: not in any container image we model. */
const CLUSTER_CLIS = new Set(['kubectl', 'helm', 'kubeadm', 'kubecolor', 'vagrant', 'sshpass']);
/** net-tools' route, arp and netstat, which the lab's VMs install; netshoot's are BusyBox applets (not modelled). */
const NET_TOOLS = new Set(['route', 'arp', 'netstat']);

export function imageProfile(image: string): ImageProfile {
  if (image.includes('netshoot')) {
    return { has: (c) => !CLUSTER_CLIS.has(c) && !NET_TOOLS.has(c) && c !== 'cilium' && c !== 'cilium-dbg', osRelease: ALPINE_OS_RELEASE, promptStyle: 'alpine', workdir: '/root' };
  }
  if (/cilium\/cilium(@|:|$)/.test(image) || image.includes('cilium/cilium:')) {
    return { has: (c) => !CLUSTER_CLIS.has(c) && !NET_TOOLS.has(c), osRelease: ubuntuOsRelease('Ubuntu 24.04.2 LTS'), promptStyle: 'debian', workdir: '/home/cilium' };
  }
  return { has: () => false, osRelease: undefined, promptStyle: 'alpine', workdir: '/' };
}
