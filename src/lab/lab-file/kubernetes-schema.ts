// Layer lab (lab file): `kubernetes:`: the kubeadm cluster on the hosts with role node. Field names follow
// kubeadm's ClusterConfiguration (networking.serviceSubnet/podSubnet/dnsDomain, proxy.disabled) and the
// Node object (nodeIP = kubelet --node-ip; joined = creationTimestamp relative to t=0, for AGE columns).

import { z } from 'zod';
import { DNS1123_LABEL, duration, fail, hostName, ipv4Address, networkPrefix, version } from './fields.js';

export const DEFAULT_KUBERNETES_VERSION = 'v1.33.2';
export const DEFAULT_SERVICE_SUBNET = '10.96.0.0/12';

const labelKey = /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]{0,61})?[A-Za-z0-9])?$/;

const labels = z
  .record(
    z.string().regex(labelKey, { error: (i) => `"${String(i.input)}" is not a valid label key (an optional DNS prefix and "/", then a name of up to 63 characters)` }),
    z.union([z.string(), z.number(), z.boolean()]).transform((v, ctx) => {
      const s = String(v);
      return labelValue.test(s) ? s : fail(ctx, v, 'invalid-value', `"${s}" is not a valid label value (up to 63 alphanumerics, '-', '_' or '.', starting and ending with an alphanumeric)`);
    }),
  )
  .default({});

export const kubeNodeSchema = z
  .strictObject({
    nodeIP: ipv4Address.optional().describe('kubelet --node-ip: the InternalIP. Must be an address of the host. Default: the address of its first non-NAT interface that has one.'),
    joined: duration({ maxUs: 0, what: 'a node joins before the lab starts, so joined must be 0 or negative (e.g. -59m)' })
      .prefault('0s')
      .describe('When the node joined, relative to t=0, as a negative Go duration ("-59m"): the Node and its pods get this age.'),
    labels: labels.describe('Extra node labels (kubectl label node), e.g. topology.kubernetes.io/zone: rack1.'),
  })
  .describe('Per-node settings.');

const addonSchema = z.discriminatedUnion(
  'name',
  [
    z.strictObject({ name: z.literal('metrics-server').describe('metrics-server Helm chart in kube-system (kubectl top).') }),
    z.strictObject({
      name: z.literal('local-path-provisioner').describe('rancher/local-path-provisioner in namespace local-path-storage.'),
      version: version('v').default('v0.0.31'),
      defaultStorageClass: z.boolean().default(true).describe('Patch StorageClass local-path to be the default.'),
    }),
    z.strictObject({
      name: z.literal('cilium-monitoring').describe("Prometheus and Grafana from Cilium's monitoring-example.yaml, namespace cilium-monitoring."),
      prometheusNodePort: z.int().min(30000).max(32767).default(30001),
      grafanaNodePort: z.int().min(30000).max(32767).default(30002),
    }),
  ],
  { error: (i) => `unknown add-on${typeof i.input === 'object' && i.input !== null && 'name' in i.input ? ` "${String(i.input.name)}"` : ''} (add-ons: metrics-server, local-path-provisioner, cilium-monitoring)` },
);

export const kubernetesSchema = z
  .strictObject({
    version: version('v').default(DEFAULT_KUBERNETES_VERSION).describe('Kubernetes version (kubelet, kubeadm, kubectl). Default v1.33.2.'),
    containerRuntimeVersion: z.string().regex(/^[a-z]+:\/\/\S+$/, { error: (i) => `"${String(i.input)}" is not a runtime version like containerd://1.7.27` }).default('containerd://1.7.27').describe('Node.status.nodeInfo.containerRuntimeVersion (kubectl CONTAINER-RUNTIME). Default containerd://1.7.27.'),
    controlPlane: hostName.optional().describe('The host that runs kubeadm init (API server, etcd, ...). Default: the first host with role node.'),
    networking: z
      .strictObject({
        serviceSubnet: networkPrefix().prefault(DEFAULT_SERVICE_SUBNET).describe('kube-apiserver --service-cluster-ip-range. kubeadm default 10.96.0.0/12.'),
        podSubnet: networkPrefix().optional().describe('kube-controller-manager --cluster-cidr (Node spec.podCIDR; Cilium cluster-pool IPAM ignores it). kubeadm default: none.'),
        dnsDomain: z.string().regex(/^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/).default('cluster.local').describe('Cluster DNS domain. Default cluster.local.'),
      })
      .prefault({})
      .describe("kubeadm ClusterConfiguration's networking."),
    proxy: z
      .strictObject({ disabled: z.boolean().default(false).describe('true: no kube-proxy DaemonSet (kubeadm proxy.disabled). Default false.') })
      .prefault({}),
    kubeconfigContext: z.string().min(1).default('kubernetes-admin@kubernetes').describe("Context name of the control plane's /root/.kube/config (shown by kube-ps1 in the prompt). kubeadm default kubernetes-admin@kubernetes."),
    removeControlPlaneTaint: z.boolean().default(false).describe('Remove node-role.kubernetes.io/control-plane:NoSchedule so pods schedule on the control plane. Default false.'),
    nodes: z
      .record(z.string().regex(DNS1123_LABEL, { error: (i) => `"${String(i.input)}" is not a node name` }), kubeNodeSchema)
      .default({})
      .describe('Per-node settings keyed by host name; nodes not listed get the defaults.'),
    addons: z.array(addonSchema).default([]).describe('Extra components installed after the cluster came up.'),
  })
  .describe('The Kubernetes cluster.');
