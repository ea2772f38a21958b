// Layer k8s: what `kubeadm init` (v1.33) installs besides the apiserver's own objects: the
// control-plane static pods mirrored by the kubelet (etcd, kube-apiserver, kube-controller-manager,
// kube-scheduler) and the CoreDNS addon (Deployment `coredns`, Service `kube-dns` on the tenth
// service address, its ConfigMap and ServiceAccount), after cmd/kubeadm/app/phases/addons/dns.

import type { Deployment } from '../objects/apps.js';
import type { ConfigMap, Service, ServiceAccount } from '../objects/core.js';
import type { KubeObject } from '../objects/meta.js';
import type { Container, Pod } from '../objects/pod.js';

export const COREDNS_IMAGE = 'registry.k8s.io/coredns/coredns:v1.12.0';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.21-0';

const COREFILE = `.:53 {
    errors
    health {
       lameduck 5s
    }
    ready
    kubernetes cluster.local in-addr.arpa ip6.arpa {
       pods insecure
       fallthrough in-addr.arpa ip6.arpa
       ttl 30
    }
    prometheus :9153
    forward . /etc/resolv.conf {
       max_concurrent 1000
    }
    cache 30
    loop
    reload
    loadbalance
}
`;

function coreDnsContainer(): Container {
  return {
    name: 'coredns',
    image: COREDNS_IMAGE,
    imagePullPolicy: 'IfNotPresent',
    args: ['-conf', '/etc/coredns/Corefile'],
    resources: { limits: { memory: '170Mi' }, requests: { cpu: '100m', memory: '70Mi' } },
    volumeMounts: [{ name: 'config-volume', mountPath: '/etc/coredns', readOnly: true }],
    ports: [
      { containerPort: 53, name: 'dns', protocol: 'UDP' },
      { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
      { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
    ],
    securityContext: { allowPrivilegeEscalation: false, capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] }, readOnlyRootFilesystem: true },
    livenessProbe: { httpGet: { path: '/health', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 60, timeoutSeconds: 5, successThreshold: 1, failureThreshold: 5 },
    readinessProbe: { httpGet: { path: '/ready', port: 8181, scheme: 'HTTP' } },
  };
}

/** The CoreDNS addon objects; `dnsIP` is the tenth service address (10.96.0.10). */
export function coreDnsObjects(dnsIP: string): KubeObject[] {
  const ns = 'kube-system';
  const sa: ServiceAccount = { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'coredns', namespace: ns } };
  const cm: ConfigMap = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'coredns', namespace: ns }, data: { Corefile: COREFILE } };
  const deploy: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: ns, labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          affinity: {
            podAntiAffinity: {
              preferredDuringSchedulingIgnoredDuringExecution: [
                { weight: 100, podAffinityTerm: { labelSelector: { matchExpressions: [{ key: 'k8s-app', operator: 'In', values: ['kube-dns'] }] }, topologyKey: 'kubernetes.io/hostname' } },
              ],
            },
          },
          tolerations: [{ key: 'CriticalAddonsOnly', operator: 'Exists' }, { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [coreDnsContainer()],
          dnsPolicy: 'Default',
          volumes: [{ name: 'config-volume', configMap: { name: 'coredns', items: [{ key: 'Corefile', path: 'Corefile' }] } }],
        },
      },
    },
  };
  const svc: Service = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: ns,
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      selector: { 'k8s-app': 'kube-dns' },
      clusterIP: dnsIP,
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
  return [sa, cm, deploy, svc];
}

export interface ControlPlaneParams {
  readonly nodeName: string;
  readonly nodeUid: string;
  readonly advertiseAddress: string;
  readonly version: string;
  readonly serviceCidr: string;
  readonly clusterCidr: string;
  /** When the kubelet first saw the manifest (kubernetes.io/config.seen, RFC 3339 with nanoseconds). */
  readonly seenAt: string;
}

function staticPod(p: ControlPlaneParams, component: string, image: string, command: string[], tier: string, hash: string): Pod {
  const seen = p.seenAt;
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `${component}-${p.nodeName}`,
      namespace: 'kube-system',
      labels: { component, tier },
      annotations: {
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': seen,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: p.nodeName, uid: p.nodeUid }],
    },
    spec: {
      nodeName: p.nodeName,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      priority: 2000001000,
      securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
      tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      containers: [{ name: component, image, imagePullPolicy: 'IfNotPresent', command, resources: { requests: { cpu: component === 'etcd' ? '100m' : '250m' } } }],
    },
  };
}

/** The four control-plane mirror pods kubeadm's static manifests produce on the control-plane node. */
export function controlPlanePods(p: ControlPlaneParams, hashOf: (s: string) => string): Pod[] {
  const reg = 'registry.k8s.io';
  const ip = p.advertiseAddress;
  return [
    staticPod(p, 'etcd', ETCD_IMAGE, ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--data-dir=/var/lib/etcd', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, `--name=${p.nodeName}`], 'control-plane', hashOf('etcd')),
    staticPod(p, 'kube-apiserver', `${reg}/kube-apiserver:${p.version}`, ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--secure-port=6443', `--service-cluster-ip-range=${p.serviceCidr}`], 'control-plane', hashOf('kube-apiserver')),
    staticPod(p, 'kube-controller-manager', `${reg}/kube-controller-manager:${p.version}`, ['kube-controller-manager', '--allocate-node-cidrs=true', `--cluster-cidr=${p.clusterCidr}`, '--leader-elect=true', `--service-cluster-ip-range=${p.serviceCidr}`, '--use-service-account-credentials=true'], 'control-plane', hashOf('kube-controller-manager')),
    staticPod(p, 'kube-scheduler', `${reg}/kube-scheduler:${p.version}`, ['kube-scheduler', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'], 'control-plane', hashOf('kube-scheduler')),
  ];
}
