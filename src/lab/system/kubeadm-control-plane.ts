// Layer lab (system): the static pod manifests `kubeadm init` v1.33 writes to /etc/kubernetes/manifests
// (cmd/kubeadm/app/phases/controlplane/manifests.go, phases/etcd/local.go, util/staticpod/utils.go
// ComponentPod/LivenessProbe/ReadinessProbe/StartupProbe): flags in sorted order, hostPath volumes sorted by
// name, probes, requests, seccomp RuntimeDefault, system-node-critical. Mirror pods of them are in kubeadm.ts.

import type { GenericObject } from '../../k8s/index.js';
import { hostPathVolume } from './manifest.js';

export interface ControlPlaneParams {
  readonly nodeName: string;
  readonly advertiseAddress: string;
  readonly version: string;
  readonly serviceSubnet: string;
  readonly podSubnet: string | undefined;
}

const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.21-0';
const PKI = '/etc/kubernetes/pki';
/** Health-check timeout 4m0s over a 10 s period (kubeadm's componentHealthCheckTimeout). */
const STARTUP_FAILURES = 24;

type Scheme = 'HTTP' | 'HTTPS';
const httpGet = (host: string, path: string, port: number, scheme: Scheme) => ({ host, path, port, scheme });
const liveness = (host: string, path: string, port: number, scheme: Scheme) =>
  ({ failureThreshold: 8, httpGet: httpGet(host, path, port, scheme), initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });
const readiness = (host: string, path: string, port: number, scheme: Scheme) =>
  ({ failureThreshold: 3, httpGet: httpGet(host, path, port, scheme), periodSeconds: 1, timeoutSeconds: 15 });
const startup = (host: string, path: string, port: number, scheme: Scheme) =>
  ({ failureThreshold: STARTUP_FAILURES, httpGet: httpGet(host, path, port, scheme), initialDelaySeconds: 10, periodSeconds: 10, timeoutSeconds: 15 });

/** kubeadmutil.BuildArgumentListFromMap: `--key=value`, keys sorted. */
function args(binary: string, flags: Record<string, string>): string[] {
  return [binary, ...Object.keys(flags).sort().map((k) => `--${k}=${flags[k] ?? ''}`)];
}

interface Mount {
  readonly name: string;
  readonly path: string;
  readonly readOnly: boolean;
  readonly type: 'DirectoryOrCreate' | 'FileOrCreate';
}

/** The CA directories kubeadm mounts when the host has them (Ubuntu has all four). */
const CA_MOUNTS: readonly Mount[] = [
  { name: 'ca-certs', path: '/etc/ssl/certs', readOnly: true, type: 'DirectoryOrCreate' },
  { name: 'etc-ca-certificates', path: '/etc/ca-certificates', readOnly: true, type: 'DirectoryOrCreate' },
  { name: 'k8s-certs', path: PKI, readOnly: true, type: 'DirectoryOrCreate' },
  { name: 'usr-local-share-ca-certificates', path: '/usr/local/share/ca-certificates', readOnly: true, type: 'DirectoryOrCreate' },
  { name: 'usr-share-ca-certificates', path: '/usr/share/ca-certificates', readOnly: true, type: 'DirectoryOrCreate' },
];

/** VolumeMountMapToSlice / VolumeMapToSlice: both sorted by name. */
function volumesOf(mounts: readonly Mount[]): { volumeMounts: unknown[]; volumes: unknown[] } {
  const sorted = [...mounts].sort((a, b) => (a.name < b.name ? -1 : 1));
  return {
    volumeMounts: sorted.map((m) => (m.readOnly ? { mountPath: m.path, name: m.name, readOnly: true } : { mountPath: m.path, name: m.name })),
    volumes: sorted.map((m) => hostPathVolume(m.name, m.path, m.type)),
  };
}

/** staticpodutil.ComponentPod. */
function componentPod(name: string, container: Record<string, unknown>, mounts: readonly Mount[], annotations?: Record<string, string>): GenericObject {
  const { volumeMounts, volumes } = volumesOf(mounts);
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'kube-system', labels: { component: name, tier: 'control-plane' }, ...(annotations ? { annotations } : {}) },
    spec: {
      containers: [{ name, imagePullPolicy: 'IfNotPresent', ...container, volumeMounts }],
      hostNetwork: true,
      priority: 2000001000,
      priorityClassName: 'system-node-critical',
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      volumes,
    },
  };
}

function apiServer(p: ControlPlaneParams): GenericObject {
  const ip = p.advertiseAddress;
  const command = args('kube-apiserver', {
    'advertise-address': ip, 'allow-privileged': 'true', 'authorization-mode': 'Node,RBAC', 'client-ca-file': `${PKI}/ca.crt`,
    'enable-admission-plugins': 'NodeRestriction', 'enable-bootstrap-token-auth': 'true', 'etcd-cafile': `${PKI}/etcd/ca.crt`,
    'etcd-certfile': `${PKI}/apiserver-etcd-client.crt`, 'etcd-keyfile': `${PKI}/apiserver-etcd-client.key`, 'etcd-servers': 'https://127.0.0.1:2379',
    'kubelet-client-certificate': `${PKI}/apiserver-kubelet-client.crt`, 'kubelet-client-key': `${PKI}/apiserver-kubelet-client.key`,
    'kubelet-preferred-address-types': 'InternalIP,ExternalIP,Hostname', 'proxy-client-cert-file': `${PKI}/front-proxy-client.crt`,
    'proxy-client-key-file': `${PKI}/front-proxy-client.key`, 'requestheader-allowed-names': 'front-proxy-client',
    'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`, 'requestheader-extra-headers-prefix': 'X-Remote-Extra-',
    'requestheader-group-headers': 'X-Remote-Group', 'requestheader-username-headers': 'X-Remote-User', 'secure-port': '6443',
    'service-account-issuer': 'https://kubernetes.default.svc.cluster.local', 'service-account-key-file': `${PKI}/sa.pub`,
    'service-account-signing-key-file': `${PKI}/sa.key`, 'service-cluster-ip-range': p.serviceSubnet,
    'tls-cert-file': `${PKI}/apiserver.crt`, 'tls-private-key-file': `${PKI}/apiserver.key`,
  });
  const container = {
    command, image: `registry.k8s.io/kube-apiserver:${p.version}`,
    livenessProbe: liveness(ip, '/livez', 6443, 'HTTPS'), readinessProbe: readiness(ip, '/readyz', 6443, 'HTTPS'),
    resources: { requests: { cpu: '250m' } }, startupProbe: startup(ip, '/livez', 6443, 'HTTPS'),
  };
  return componentPod('kube-apiserver', container, CA_MOUNTS, { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` });
}

function controllerManager(p: ControlPlaneParams): GenericObject {
  const conf = '/etc/kubernetes/controller-manager.conf';
  const flags: Record<string, string> = {
    'authentication-kubeconfig': conf, 'authorization-kubeconfig': conf, 'bind-address': '127.0.0.1', 'client-ca-file': `${PKI}/ca.crt`,
    'cluster-name': 'kubernetes', 'cluster-signing-cert-file': `${PKI}/ca.crt`, 'cluster-signing-key-file': `${PKI}/ca.key`,
    controllers: '*,bootstrapsigner,tokencleaner', kubeconfig: conf, 'leader-elect': 'true',
    'requestheader-client-ca-file': `${PKI}/front-proxy-ca.crt`, 'root-ca-file': `${PKI}/ca.crt`,
    'service-account-private-key-file': `${PKI}/sa.key`, 'service-cluster-ip-range': p.serviceSubnet, 'use-service-account-credentials': 'true',
  };
  if (p.podSubnet !== undefined) Object.assign(flags, { 'allocate-node-cidrs': 'true', 'cluster-cidr': p.podSubnet });
  const container = {
    command: args('kube-controller-manager', flags), image: `registry.k8s.io/kube-controller-manager:${p.version}`,
    livenessProbe: liveness('127.0.0.1', '/healthz', 10257, 'HTTPS'), resources: { requests: { cpu: '200m' } },
    startupProbe: startup('127.0.0.1', '/healthz', 10257, 'HTTPS'),
  };
  return componentPod('kube-controller-manager', container, [
    ...CA_MOUNTS,
    { name: 'flexvolume-dir', path: '/usr/libexec/kubernetes/kubelet-plugins/volume/exec', readOnly: false, type: 'DirectoryOrCreate' },
    { name: 'kubeconfig', path: conf, readOnly: true, type: 'FileOrCreate' },
  ]);
}

function scheduler(p: ControlPlaneParams): GenericObject {
  const conf = '/etc/kubernetes/scheduler.conf';
  const container = {
    command: args('kube-scheduler', { 'authentication-kubeconfig': conf, 'authorization-kubeconfig': conf, 'bind-address': '127.0.0.1', kubeconfig: conf, 'leader-elect': 'true' }),
    image: `registry.k8s.io/kube-scheduler:${p.version}`,
    livenessProbe: liveness('127.0.0.1', '/livez', 10259, 'HTTPS'), readinessProbe: readiness('127.0.0.1', '/readyz', 10259, 'HTTPS'),
    resources: { requests: { cpu: '100m' } }, startupProbe: startup('127.0.0.1', '/livez', 10259, 'HTTPS'),
  };
  return componentPod('kube-scheduler', container, [{ name: 'kubeconfig', path: conf, readOnly: true, type: 'FileOrCreate' }]);
}

function etcd(p: ControlPlaneParams): GenericObject {
  const ip = p.advertiseAddress;
  const command = args('etcd', {
    'advertise-client-urls': `https://${ip}:2379`, 'cert-file': `${PKI}/etcd/server.crt`, 'client-cert-auth': 'true', 'data-dir': '/var/lib/etcd',
    'experimental-initial-corrupt-check': 'true', 'experimental-watch-progress-notify-interval': '5s',
    'initial-advertise-peer-urls': `https://${ip}:2380`, 'initial-cluster': `${p.nodeName}=https://${ip}:2380`, 'key-file': `${PKI}/etcd/server.key`,
    'listen-client-urls': `https://127.0.0.1:2379,https://${ip}:2379`, 'listen-metrics-urls': 'http://127.0.0.1:2381',
    'listen-peer-urls': `https://${ip}:2380`, name: p.nodeName, 'peer-cert-file': `${PKI}/etcd/peer.crt`, 'peer-client-cert-auth': 'true',
    'peer-key-file': `${PKI}/etcd/peer.key`, 'peer-trusted-ca-file': `${PKI}/etcd/ca.crt`, 'snapshot-count': '10000',
    'trusted-ca-file': `${PKI}/etcd/ca.crt`,
  });
  const pod = componentPod('etcd', {
    command, image: ETCD_IMAGE, livenessProbe: liveness('127.0.0.1', '/livez', 2381, 'HTTP'), readinessProbe: readiness('127.0.0.1', '/readyz', 2381, 'HTTP'),
    resources: { requests: { cpu: '100m', memory: '100Mi' } }, startupProbe: startup('127.0.0.1', '/readyz', 2381, 'HTTP'),
  }, [
    { name: 'etcd-certs', path: `${PKI}/etcd`, readOnly: false, type: 'DirectoryOrCreate' },
    { name: 'etcd-data', path: '/var/lib/etcd', readOnly: false, type: 'DirectoryOrCreate' },
  ], { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` });
  // local.go lists the data dir before the certificates (no sort for etcd's mounts).
  const spec = pod['spec'] as { containers: Array<{ volumeMounts: unknown[] }> };
  spec.containers[0]?.volumeMounts.reverse();
  return pod;
}

/** The four manifests, in the order `kubectl get pods` lists their mirror pods. */
export function controlPlaneManifests(p: ControlPlaneParams): GenericObject[] {
  return [etcd(p), apiServer(p), controllerManager(p), scheduler(p)];
}
