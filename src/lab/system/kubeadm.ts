// Layer lab: the objects `kubeadm init` leaves in kube-system (cmd/kubeadm/app/phases/addons and
// controlplane): the static control-plane pods of the control-plane node, CoreDNS (Deployment, 2 replicas,
// and the kube-dns Service at the tenth address of the service CIDR) and, unless disabled, kube-proxy.

import type { GenericObject } from '../../k8s/index.js';
import { formatIpv4, nth } from '../../addr/index.js';
import type { LabSpec } from '../lab-file/index.js';

const CP_TOLERATIONS = [
  { key: 'CriticalAddonsOnly', operator: 'Exists' },
  { key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' },
];

export function kubeadmObjects(spec: LabSpec): GenericObject[] {
  const k = spec.kubernetes;
  const objs: GenericObject[] = [serviceAccount('coredns'), coreDnsDeployment(), kubeDnsService(formatIpv4(nth(k.networking.serviceSubnet, 10)))];
  if (!k.proxy.disabled) objs.push(serviceAccount('kube-proxy'), kubeProxyDaemonSet(k.version));
  return objs;
}

/** Mirror pods of the static pod manifests in /etc/kubernetes/manifests on the control plane. */
export function staticPods(spec: LabSpec): GenericObject[] {
  const cp = spec.kubernetes.controlPlane;
  if (cp === undefined) return [];
  const v = spec.kubernetes.version;
  const images: Array<[string, string]> = [
    ['etcd', 'registry.k8s.io/etcd:3.5.21-0'],
    ['kube-apiserver', `registry.k8s.io/kube-apiserver:${v}`],
    ['kube-controller-manager', `registry.k8s.io/kube-controller-manager:${v}`],
    ['kube-scheduler', `registry.k8s.io/kube-scheduler:${v}`],
  ];
  return images.map(([component, image]) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name: `${component}-${cp}`, namespace: 'kube-system', labels: { component, tier: 'control-plane' } },
    spec: {
      nodeName: cp,
      hostNetwork: true,
      priorityClassName: 'system-node-critical',
      tolerations: [{ operator: 'Exists', effect: 'NoExecute' }],
      containers: [{ name: component, image, command: [component] }],
    },
  }));
}

function coreDnsDeployment(): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'coredns', namespace: 'kube-system', labels: { 'k8s-app': 'kube-dns' } },
    spec: {
      replicas: 2,
      selector: { matchLabels: { 'k8s-app': 'kube-dns' } },
      strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-dns' } },
        spec: {
          priorityClassName: 'system-cluster-critical',
          serviceAccountName: 'coredns',
          tolerations: CP_TOLERATIONS,
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          dnsPolicy: 'Default',
          containers: [
            {
              name: 'coredns',
              image: 'registry.k8s.io/coredns/coredns:v1.12.0',
              args: ['-conf', '/etc/coredns/Corefile'],
              ports: [
                { containerPort: 53, name: 'dns', protocol: 'UDP' },
                { containerPort: 53, name: 'dns-tcp', protocol: 'TCP' },
                { containerPort: 9153, name: 'metrics', protocol: 'TCP' },
              ],
            },
          ],
        },
      },
    },
  };
}

function kubeDnsService(clusterIP: string): GenericObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: {
      name: 'kube-dns',
      namespace: 'kube-system',
      labels: { 'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS' },
      annotations: { 'prometheus.io/port': '9153', 'prometheus.io/scrape': 'true' },
    },
    spec: {
      clusterIP,
      selector: { 'k8s-app': 'kube-dns' },
      ports: [
        { name: 'dns', port: 53, protocol: 'UDP', targetPort: 53 },
        { name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53 },
        { name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153 },
      ],
    },
  };
}

function kubeProxyDaemonSet(version: string): GenericObject {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
    spec: {
      selector: { matchLabels: { 'k8s-app': 'kube-proxy' } },
      template: {
        metadata: { labels: { 'k8s-app': 'kube-proxy' } },
        spec: {
          hostNetwork: true,
          priorityClassName: 'system-node-critical',
          serviceAccountName: 'kube-proxy',
          tolerations: [{ operator: 'Exists' }],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          containers: [{ name: 'kube-proxy', image: `registry.k8s.io/kube-proxy:${version}`, command: ['/usr/local/bin/kube-proxy', '--config=/var/lib/kube-proxy/config.conf', '--hostname-override=$(NODE_NAME)'] }],
        },
      },
    },
  };
}

export function serviceAccount(name: string, namespace = 'kube-system'): GenericObject {
  return { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace } };
}
