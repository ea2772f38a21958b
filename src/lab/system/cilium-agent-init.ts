// Layer lab (system): the init containers and volumes of the cilium agent DaemonSet
// (install/kubernetes/cilium/templates/cilium-agent/daemonset.yaml, 1.18): config (cilium-dbg
// build-config), mount-cgroup, apply-sysctl-overwrites, mount-bpf-fs, clean-cilium-state and
// install-cni-binaries, each as the template renders it for an unprivileged agent.

import { fieldEnv, hostPathVolume } from './manifest.js';
import type { ChartValues } from './cilium-values.js';

type Obj = Record<string, unknown>;

/** The securityContext an unprivileged init container gets: SELinux spc_t, the listed capabilities, drop ALL. */
function unprivileged(v: ChartValues, caps: string | undefined): Obj {
  const capabilities: Obj = caps === undefined ? { drop: ['ALL'] } : { add: v.json(`securityContext.capabilities.${caps}`), drop: ['ALL'] };
  return { seLinuxOptions: v.json('securityContext.seLinuxOptions'), capabilities };
}

const configKeyEnv = (name: string, key: string): Obj => ({ name, valueFrom: { configMapKeyRef: { name: 'cilium-config', key, optional: true } } });

export function agentInitContainers(v: ChartValues): Obj[] {
  const image = v.image('image');
  const pull = v.str('image.pullPolicy');
  const common = { image, imagePullPolicy: pull, terminationMessagePolicy: 'FallbackToLogsOnError' };
  const cgroupRoot = v.str('cgroup.hostRoot');
  const binPath = v.str('cni.binPath');
  const hostBin = [{ name: 'hostproc', mountPath: '/hostproc' }, { name: 'cni-path', mountPath: '/hostbin' }];
  return [
    {
      name: 'config', ...common, command: ['cilium-dbg', 'build-config'],
      env: [fieldEnv('K8S_NODE_NAME', 'spec.nodeName'), fieldEnv('CILIUM_K8S_NAMESPACE', 'metadata.namespace'), ...v.apiServerEnv()],
      volumeMounts: [{ name: 'tmp', mountPath: '/tmp' }],
    },
    {
      name: 'mount-cgroup', ...common, env: [{ name: 'CGROUP_ROOT', value: cgroupRoot }, { name: 'BIN_PATH', value: binPath }],
      command: ['sh', '-ec', 'cp /usr/bin/cilium-mount /hostbin/cilium-mount;\nnsenter --cgroup=/hostproc/1/ns/cgroup --mount=/hostproc/1/ns/mnt "${BIN_PATH}/cilium-mount" $CGROUP_ROOT;\nrm /hostbin/cilium-mount\n'],
      volumeMounts: hostBin, securityContext: unprivileged(v, 'mountCgroup'),
    },
    {
      name: 'apply-sysctl-overwrites', ...common, env: [{ name: 'BIN_PATH', value: binPath }],
      command: ['sh', '-ec', 'cp /usr/bin/cilium-sysctlfix /hostbin/cilium-sysctlfix;\nnsenter --mount=/hostproc/1/ns/mnt "${BIN_PATH}/cilium-sysctlfix";\nrm /hostbin/cilium-sysctlfix\n'],
      volumeMounts: hostBin, securityContext: unprivileged(v, 'applySysctlOverwrites'),
    },
    {
      name: 'mount-bpf-fs', ...common, args: ['mount | grep "/sys/fs/bpf type bpf" || mount -t bpf bpf /sys/fs/bpf'], command: ['/bin/bash', '-c', '--'],
      securityContext: { privileged: true }, volumeMounts: [{ name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'Bidirectional' }],
    },
    {
      name: 'clean-cilium-state', ...common, command: ['/init-container.sh'],
      env: [
        configKeyEnv('CILIUM_ALL_STATE', 'clean-cilium-state'), configKeyEnv('CILIUM_BPF_STATE', 'clean-cilium-bpf-state'),
        configKeyEnv('WRITE_CNI_CONF_WHEN_READY', 'write-cni-conf-when-ready'), ...v.apiServerEnv(),
      ],
      securityContext: unprivileged(v, 'cleanCiliumState'),
      volumeMounts: [
        { name: 'bpf-maps', mountPath: '/sys/fs/bpf' },
        { name: 'cilium-cgroup', mountPath: cgroupRoot, mountPropagation: 'HostToContainer' },
        { name: 'cilium-run', mountPath: '/var/run/cilium' },
      ],
    },
    {
      name: 'install-cni-binaries', ...common, command: ['/install-plugin.sh'], resources: v.json('cni.resources'),
      securityContext: unprivileged(v, undefined), volumeMounts: [{ name: 'cni-path', mountPath: '/host/opt/cni/bin' }],
    },
  ];
}

const secretItems = (pairs: readonly [string, string][]) => pairs.map(([key, path]) => ({ key, path }));

/** The pod's volumes in template order. */
export function agentVolumes(v: ChartValues): Obj[] {
  const runPath = v.str('daemon.runPath');
  return [
    { name: 'tmp', emptyDir: {} },
    hostPathVolume('cilium-run', runPath, 'DirectoryOrCreate'),
    hostPathVolume('cilium-netns', '/var/run/netns', 'DirectoryOrCreate'),
    hostPathVolume('bpf-maps', '/sys/fs/bpf', 'DirectoryOrCreate'),
    hostPathVolume('hostproc', '/proc', 'Directory'),
    hostPathVolume('cilium-cgroup', v.str('cgroup.hostRoot'), 'DirectoryOrCreate'),
    hostPathVolume('cni-path', v.str('cni.binPath'), 'DirectoryOrCreate'),
    hostPathVolume('etc-cni-netd', v.str('cni.confPath'), 'DirectoryOrCreate'),
    hostPathVolume('lib-modules', '/lib/modules'),
    hostPathVolume('xtables-lock', '/run/xtables.lock', 'FileOrCreate'),
    ...(v.envoyDaemonSet() ? [hostPathVolume('envoy-sockets', `${runPath}/envoy/sockets`, 'DirectoryOrCreate')] : []),
    {
      name: 'clustermesh-secrets',
      projected: {
        defaultMode: 0o400,
        sources: [
          { secret: { name: 'cilium-clustermesh', optional: true } },
          { secret: { name: 'clustermesh-apiserver-remote-cert', optional: true, items: secretItems([['tls.key', 'common-etcd-client.key'], ['tls.crt', 'common-etcd-client.crt'], ['ca.crt', 'common-etcd-client-ca.crt']]) } },
          { secret: { name: 'clustermesh-apiserver-local-cert', optional: true, items: secretItems([['tls.key', 'local-etcd-client.key'], ['tls.crt', 'local-etcd-client.crt'], ['ca.crt', 'local-etcd-client-ca.crt']]) } },
        ],
      },
    },
    hostPathVolume('host-proc-sys-net', '/proc/sys/net', 'Directory'),
    hostPathVolume('host-proc-sys-kernel', '/proc/sys/kernel', 'Directory'),
    ...(v.is('hubble.enabled') && v.is('hubble.tls.enabled')
      ? [{ name: 'hubble-tls', projected: { defaultMode: 0o400, sources: [{ secret: { name: 'hubble-server-certs', optional: true, items: secretItems([['tls.crt', 'server.crt'], ['tls.key', 'server.key'], ['ca.crt', 'client-ca.crt']]) } }] } }]
      : []),
  ];
}
