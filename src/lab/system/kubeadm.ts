// Layer lab (system): what `kubeadm init` v1.33 leaves running: the control-plane static pods as the
// kubelet mirrors them into the API (pkg/kubelet/config/common.go applyDefaults: name `<component>-<node>`,
// nodeName, the NoExecute toleration, config.hash/seen/source; pkg/kubelet/pod/mirror_client.go: the
// config.mirror annotation and the controller ownerReference to the Node), and the CoreDNS and kube-proxy
// addons (the latter unless the lab file disables kube-proxy).

import { md5 } from '@noble/hashes/legacy.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { formatCidr, formatIpv4, nth } from '../../addr/index.js';
import { canonicalJson, type GenericObject, type Node } from '../../k8s/index.js';
import type { LabSpec } from '../lab-file/index.js';
import { rfc3339Local } from '../wall-clock.js';
import { controlPlaneManifests, type ControlPlaneParams } from './kubeadm-control-plane.js';
import { coreDnsObjects } from './kubeadm-coredns.js';
import { kubeProxyObjects } from './kubeadm-kube-proxy.js';

/** The control plane's advertise address: the control-plane node's InternalIP. */
function advertiseAddress(spec: LabSpec): string | undefined {
  const cp = spec.kubernetes.nodes.find((n) => n.name === spec.kubernetes.controlPlane);
  return cp === undefined ? undefined : formatIpv4(cp.nodeIP);
}

/** The addons `kubeadm init` applies: CoreDNS with kube-dns on the tenth service address, and kube-proxy. */
export function kubeadmObjects(spec: LabSpec): GenericObject[] {
  const k = spec.kubernetes;
  const objs = coreDnsObjects(k.networking.dnsDomain, formatIpv4(nth(k.networking.serviceSubnet, 10)));
  const ip = advertiseAddress(spec);
  if (!k.proxy.disabled && ip !== undefined) {
    objs.push(...kubeProxyObjects(k.version, k.networking.podSubnet ? formatCidr(k.networking.podSubnet) : '', `https://${ip}:6443`));
  }
  return objs;
}

/**
 * The mirror pods of the static pod manifests on the control-plane node. `seenAt` is when the kubelet first
 * read the manifests (kubernetes.io/config.seen, Go's RFC3339Nano in the node's zone).
 */
export function controlPlaneMirrorPods(spec: LabSpec, node: Node, seenAt: string): GenericObject[] {
  const ip = advertiseAddress(spec);
  const nodeName = node.metadata.name ?? '';
  if (ip === undefined) return [];
  const k = spec.kubernetes;
  const params = {
    nodeName, advertiseAddress: ip, version: k.version, serviceSubnet: formatCidr(k.networking.serviceSubnet),
    podSubnet: k.networking.podSubnet ? formatCidr(k.networking.podSubnet) : undefined,
  };
  return staticPods(params).map(({ pod, hash }) => mirrorPod(pod, hash, nodeName, node.metadata.uid ?? '', seenAt));
}

interface StaticPod {
  readonly pod: GenericObject;
  readonly hash: string;
}

/** The static pods by their parameters: hashing the manifests is the costly part and depends on nothing else. */
const staticPodCache = new Map<string, StaticPod[]>();

/** The pods the kubelet reads from the manifests, with their config.hash (an md5 of the pod, DeepHashObject over md5). */
function staticPods(params: ControlPlaneParams): StaticPod[] {
  const key = JSON.stringify(params);
  const hit = staticPodCache.get(key);
  if (hit !== undefined) return hit;
  const out = controlPlaneManifests(params).map((m) => {
    const pod = {
      ...m,
      metadata: { ...m.metadata, name: `${m.metadata.name ?? ''}-${params.nodeName}` },
      spec: { ...(m['spec'] as Record<string, unknown>), nodeName: params.nodeName, tolerations: [{ operator: 'Exists', effect: 'NoExecute' }] },
    };
    return { pod, hash: bytesToHex(md5(new TextEncoder().encode(canonicalJson(pod)))) };
  });
  staticPodCache.set(key, out);
  return out;
}

function mirrorPod(staticPod: GenericObject, hash: string, nodeName: string, nodeUid: string, seenAt: string): GenericObject {
  return {
    ...staticPod,
    metadata: {
      ...staticPod.metadata,
      annotations: {
        ...(staticPod.metadata.annotations ?? {}),
        'kubernetes.io/config.hash': hash,
        'kubernetes.io/config.mirror': hash,
        'kubernetes.io/config.seen': seenAt,
        'kubernetes.io/config.source': 'file',
      },
      ownerReferences: [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid: nodeUid, controller: true }],
    },
  };
}

/** Go's time.RFC3339Nano in the lab's zone for virtual time `atUs` plus `nanos` (fraction without trailing zeros). */
export function rfc3339NanoLocal(spec: LabSpec, atUs: number, nanos = 0): string {
  const wallUs = spec.clock.startUnixMs * 1000 + atUs;
  const ms = Math.floor(wallUs / 1000);
  const text = rfc3339Local(ms, spec.clock.timezone);
  const micros = ((wallUs % 1_000_000) + 1_000_000) % 1_000_000;
  const frac = `${String(micros).padStart(6, '0')}${String(nanos).padStart(3, '0')}`.replace(/0+$/, '');
  if (frac === '') return text;
  const at = text.endsWith('Z') ? text.length - 1 : text.length - 6;
  return `${text.slice(0, at)}.${frac}${text.slice(at)}`;
}
