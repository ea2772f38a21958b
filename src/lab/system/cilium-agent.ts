// Layer lab (system): the cilium agent DaemonSet of the cilium 1.18.0 chart
// (templates/cilium-agent/daemonset.yaml) for the release's values: the cilium-agent container with
// its probes on the health port, env, postStart/preStop hooks, host ports and mounts, the six init
// containers (cilium-agent-init.ts), host network, system-node-critical, one pod per node.

import type { GenericObject } from '../../k8s/index.js';
import { agentInitContainers, agentVolumes } from './cilium-agent-init.js';
import type { ChartValues } from './cilium-values.js';
import { fieldEnv } from './manifest.js';

type Obj = Record<string, unknown>;

/** files/agent/poststart-eni.bash, which the chart runs as the agent's postStart hook. */
const POSTSTART_ENI = `set -o errexit
set -o pipefail
set -o nounset

# When running in AWS ENI mode, it's likely that 'aws-node' has
# had a chance to install SNAT iptables rules. These can result
# in dropped traffic, so we should attempt to remove them.
# We do it using a 'postStart' hook since this may need to run
# for nodes which might have already been init'ed but may still
# have dangling rules. This is safe because there are no
# dependencies on anything that is part of the startup script
# itself, and can be safely run multiple times per node (e.g. in
# case of a restart).
if [[ "$(iptables-save | grep -E -c 'AWS-SNAT-CHAIN|AWS-CONNMARK-CHAIN')" != "0" ]];
then
    echo 'Deleting iptables rules created by the AWS CNI VPC plugin'
    iptables-save | grep -E -v 'AWS-SNAT-CHAIN|AWS-CONNMARK-CHAIN' | iptables-restore
fi
echo 'Done!'
`;

/** The health endpoint probe ("brief" status) on the IPv4 loopback. */
function healthProbe(v: ChartValues, kind: 'startupProbe' | 'livenessProbe' | 'readinessProbe'): Obj {
  const headers = [{ name: 'brief', value: 'true' }];
  if (kind === 'livenessProbe') headers.push({ name: 'require-k8s-connectivity', value: v.str('livenessProbe.requireK8sConnectivity') });
  const httpGet = { host: '127.0.0.1', path: '/healthz', port: v.num('healthPort'), scheme: 'HTTP', httpHeaders: headers };
  const base = { httpGet, periodSeconds: v.num(`${kind}.periodSeconds`), successThreshold: 1, failureThreshold: v.num(`${kind}.failureThreshold`) };
  return kind === 'startupProbe' ? { ...base, initialDelaySeconds: 5 } : { ...base, timeoutSeconds: 5 };
}

function ports(v: ChartValues): Obj[] {
  const port = (name: string, p: number): Obj => ({ name, containerPort: p, hostPort: p, protocol: 'TCP' });
  if (!v.is('prometheus.enabled') && !v.is('hubble.metrics.enabled')) return [];
  const out = [port('peer-service', v.num('hubble.peerService.targetPort'))];
  if (v.is('prometheus.enabled')) out.push(port('prometheus', v.num('prometheus.port')));
  if (v.is('hubble.metrics.enabled')) out.push(port('hubble-metrics', v.num('hubble.metrics.port')));
  return out;
}

function volumeMounts(v: ChartValues): Obj[] {
  return [
    ...(v.envoyDaemonSet() ? [{ name: 'envoy-sockets', mountPath: '/var/run/cilium/envoy/sockets', readOnly: false }] : []),
    { mountPath: '/host/proc/sys/net', name: 'host-proc-sys-net' },
    { mountPath: '/host/proc/sys/kernel', name: 'host-proc-sys-kernel' },
    { name: 'bpf-maps', mountPath: '/sys/fs/bpf', mountPropagation: 'HostToContainer' },
    { name: 'cilium-run', mountPath: '/var/run/cilium' },
    { name: 'cilium-netns', mountPath: '/var/run/cilium/netns', mountPropagation: 'HostToContainer' },
    { name: 'etc-cni-netd', mountPath: v.str('cni.hostConfDirMountPath') },
    { name: 'clustermesh-secrets', mountPath: '/var/lib/cilium/clustermesh', readOnly: true },
    { name: 'lib-modules', mountPath: '/lib/modules', readOnly: true },
    { name: 'xtables-lock', mountPath: '/run/xtables.lock' },
    ...(v.is('hubble.enabled') && v.is('hubble.tls.enabled') ? [{ name: 'hubble-tls', mountPath: '/var/lib/cilium/tls/hubble', readOnly: true }] : []),
    { name: 'tmp', mountPath: '/tmp' },
  ];
}

function agentContainer(v: ChartValues): Obj {
  const caps = { add: v.json('securityContext.capabilities.ciliumAgent'), drop: ['ALL'] };
  return {
    name: 'cilium-agent',
    image: v.image('image'),
    imagePullPolicy: v.str('image.pullPolicy'),
    command: ['cilium-agent'],
    args: ['--config-dir=/tmp/cilium/config-map'],
    startupProbe: healthProbe(v, 'startupProbe'),
    livenessProbe: healthProbe(v, 'livenessProbe'),
    readinessProbe: healthProbe(v, 'readinessProbe'),
    env: [
      fieldEnv('K8S_NODE_NAME', 'spec.nodeName'),
      fieldEnv('CILIUM_K8S_NAMESPACE', 'metadata.namespace'),
      { name: 'CILIUM_CLUSTERMESH_CONFIG', value: '/var/lib/cilium/clustermesh/' },
      { name: 'GOMEMLIMIT', valueFrom: { resourceFieldRef: { resource: 'limits.memory', divisor: '1' } } },
      ...v.apiServerEnv(),
      ...(v.is('k8sClientExponentialBackoff.enabled')
        ? [
            { name: 'KUBE_CLIENT_BACKOFF_BASE', value: v.str('k8sClientExponentialBackoff.backoffBaseSeconds') },
            { name: 'KUBE_CLIENT_BACKOFF_DURATION', value: v.str('k8sClientExponentialBackoff.backoffMaxDurationSeconds') },
          ]
        : []),
    ],
    lifecycle: {
      postStart: { exec: { command: ['bash', '-c', POSTSTART_ENI] } },
      preStop: { exec: { command: ['/cni-uninstall.sh'] } },
    },
    ports: ports(v),
    securityContext: { seLinuxOptions: v.json('securityContext.seLinuxOptions'), capabilities: caps },
    terminationMessagePolicy: 'FallbackToLogsOnError',
    volumeMounts: volumeMounts(v),
  };
}

export function agentDaemonSet(v: ChartValues): GenericObject {
  const labels = { 'k8s-app': 'cilium', 'app.kubernetes.io/name': 'cilium-agent', 'app.kubernetes.io/part-of': 'cilium' };
  const annotations = {
    ...(v.is('prometheus.enabled') ? { 'prometheus.io/port': v.str('prometheus.port'), 'prometheus.io/scrape': 'true' } : {}),
    'kubectl.kubernetes.io/default-container': 'cilium-agent',
  };
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'cilium', namespace: 'kube-system', labels: { 'k8s-app': 'cilium', 'app.kubernetes.io/part-of': 'cilium', 'app.kubernetes.io/name': 'cilium-agent' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'cilium' } },
      updateStrategy: v.json('updateStrategy'),
      template: {
        metadata: { annotations, labels },
        spec: {
          securityContext: v.json('podSecurityContext'),
          containers: [agentContainer(v)],
          initContainers: agentInitContainers(v),
          restartPolicy: 'Always',
          priorityClassName: v.priorityClass('priorityClassName', 'system-node-critical'),
          serviceAccountName: v.str('serviceAccounts.cilium.name'),
          automountServiceAccountToken: v.is('serviceAccounts.cilium.automount'),
          terminationGracePeriodSeconds: v.num('terminationGracePeriodSeconds'),
          hostNetwork: true,
          affinity: v.json('affinity'),
          nodeSelector: v.json('nodeSelector'),
          tolerations: v.json('tolerations'),
          volumes: agentVolumes(v),
        },
      },
    },
  };
}
