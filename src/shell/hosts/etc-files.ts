// Layer shell: the text of the files a host is born with — /etc/hosts (the Ubuntu box's lines, Vagrant's
// 127.0.2.1 line and the lab file's etcHosts; kubelet's format in pods), /etc/resolv.conf (systemd-
// resolved's stub on VMs, the cluster DNS in pods), /etc/os-release, /etc/profile with the lab's
// aliases, and /boot/config-<release> rendered from the lab file's kernel options as a kernel .config.

import { formatIpv4 } from '../../addr/index.js';
import type { EtcHostsEntry, KernelSpec } from '../../lab/index.js';

export function vmEtcHosts(hostname: string, entries: readonly EtcHostsEntry[]): string {
  const base = [
    '127.0.0.1 localhost',
    '127.0.1.1 vagrant',
    '',
    '# The following lines are desirable for IPv6 capable hosts',
    '::1     ip6-localhost ip6-loopback',
    'fe00::0 ip6-localnet',
    'ff00::0 ip6-mcastprefix',
    'ff02::1 ip6-allnodes',
    'ff02::2 ip6-allrouters',
    `127.0.2.1 ${hostname} ${hostname}`,
  ];
  return [...base, ...entries.map((e) => `${formatIpv4(e.address)} ${e.names.join(' ')}`)].join('\n') + '\n';
}

/** kubelet's managed hosts file (pkg/kubelet/kubelet_pods.go managedHostsHeader + the pod's own line). */
export function podEtcHosts(podIp: string | undefined, hostname: string): string {
  const lines = [
    '# Kubernetes-managed hosts file.',
    '127.0.0.1\tlocalhost',
    '::1\tlocalhost ip6-localhost ip6-loopback',
    'fe00::0\tip6-localnet',
    'fe00::0\tip6-mcastprefix',
    'fe00::1\tip6-allnodes',
    'fe00::2\tip6-allrouters',
  ];
  if (podIp) lines.push(`${podIp}\t${hostname}`);
  return lines.join('\n') + '\n';
}

export function podResolvConf(namespace: string, dnsDomain: string, dnsIp: string): string {
  return `search ${namespace}.svc.${dnsDomain} svc.${dnsDomain} ${dnsDomain}\nnameserver ${dnsIp}\noptions ndots:5\n`;
}

export const VM_RESOLV_CONF = `# This is /run/systemd/resolve/stub-resolv.conf managed by man:systemd-resolved(8).
# Do not edit.
#
# This file might be symlinked as /etc/resolv.conf. If you're looking at
# /etc/resolv.conf and seeing this text, you have followed the symlink.
#
# This is a dynamic resolv.conf file for connecting local clients to the
# internal DNS stub resolver of systemd-resolved. This file lists all
# configured search domains.
#
# Run "resolvectl status" to see details about the uplink DNS servers
# currently in use.
#
# Third party programs should typically not access this file directly, but only
# through the symlink at /etc/resolv.conf. To manage man:resolv.conf(5) in a
# different way, replace this symlink by a static file or a different symlink.
#
# See man:systemd-resolved.service(8) for details about the supported modes of
# operation for /etc/resolv.conf.

nameserver 127.0.0.53
options edns0 trust-ad
`;

/** /etc/os-release of Ubuntu from its PRETTY_NAME ("Ubuntu 24.04.2 LTS"). */
export function ubuntuOsRelease(prettyName: string): string {
  const version = /(\d+\.\d+(?:\.\d+)?)/.exec(prettyName)?.[1] ?? '24.04';
  const id = version.split('.').slice(0, 2).join('.');
  const codename = id === '22.04' ? 'jammy' : id === '20.04' ? 'focal' : 'noble';
  const nick = codename === 'jammy' ? 'Jammy Jellyfish' : codename === 'focal' ? 'Focal Fossa' : 'Noble Numbat';
  return [
    `PRETTY_NAME="${prettyName}"`,
    'NAME="Ubuntu"',
    `VERSION_ID="${id}"`,
    `VERSION="${version} LTS (${nick})"`,
    `VERSION_CODENAME=${codename}`,
    'ID=ubuntu',
    'ID_LIKE=debian',
    'HOME_URL="https://www.ubuntu.com/"',
    'SUPPORT_URL="https://help.ubuntu.com/"',
    'BUG_REPORT_URL="https://bugs.launchpad.net/ubuntu/"',
    'PRIVACY_POLICY_URL="https://www.ubuntu.com/legal/terms-and-policies/privacy-policy"',
    `UBUNTU_CODENAME=${codename}`,
    'LOGO=ubuntu-logo',
  ].join('\n') + '\n';
}

export const ALPINE_OS_RELEASE = `NAME="Alpine Linux"
ID=alpine
VERSION_ID=3.22.0
PRETTY_NAME="Alpine Linux v3.22"
HOME_URL="https://alpinelinux.org/"
BUG_REPORT_URL="https://gitlab.alpinelinux.org/alpine/aports/-/issues"
`;

/** A kernel .config: "CONFIG_X=y", "CONFIG_X=m", "# CONFIG_X is not set", values as written. */
export function kernelConfigFile(kernel: KernelSpec): string {
  const head = ['#', '# Automatically generated file; DO NOT EDIT.', `# Linux/x86 ${kernel.release} Kernel Configuration`, '#'];
  const body = Object.entries(kernel.config).map(([k, v]) => (v === 'n' ? `# ${k} is not set` : `${k}=${v}`));
  return [...head, ...body].join('\n') + '\n';
}

/** /etc/profile: Ubuntu's, plus what the lab's provisioning scripts append (init_cfg.sh, k8s-ctr.sh). */
export function etcProfile(opts: { isControlPlane: boolean }): string {
  const ubuntu = `# /etc/profile: system-wide .profile file for the Bourne shell (sh(1))
# and Bourne compatible shells (bash(1), ksh(1), ash(1), ...).

if [ "\${PS1-}" ]; then
  if [ "\${BASH-}" ] && [ "$BASH" != "/bin/sh" ]; then
    # The file bash.bashrc already sets the default PS1.
    # PS1='\\h:\\w\\$ '
    if [ -f /etc/bash.bashrc ]; then
      . /etc/bash.bashrc
    fi
  fi
fi
alias vi=vim
`;
  if (!opts.isControlPlane) return ubuntu;
  return `${ubuntu}alias k=kubectl\nalias kc=kubecolor\ncomplete -F __start_kubectl k\n`;
}
