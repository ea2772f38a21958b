// Layer k8s: Cilium's custom resources (cilium.io/v2 CiliumNode, CiliumEndpoint, CiliumIdentity),
// kept as generic JSON objects: the apiserver stores CRDs without a typed model. The fields named
// here are the ones the cilium layer writes and kubectl's printer columns read.

import type { GenericObject } from './meta.js';

export interface CiliumNode extends GenericObject {
  apiVersion: 'cilium.io/v2';
  kind: 'CiliumNode';
  spec?: {
    addresses?: { type: string; ip: string }[];
    ipam?: { podCIDRs?: string[]; pool?: Record<string, unknown> };
    [key: string]: unknown;
  };
  status?: Record<string, unknown>;
}

export interface CiliumEndpoint extends GenericObject {
  apiVersion: 'cilium.io/v2';
  kind: 'CiliumEndpoint';
  status?: {
    id?: number;
    identity?: { id: number; labels?: string[] };
    state?: string;
    networking?: { addressing: { ipv4?: string; ipv6?: string }[]; node?: string };
    [key: string]: unknown;
  };
}

export interface CiliumIdentity extends GenericObject {
  apiVersion: 'cilium.io/v2';
  kind: 'CiliumIdentity';
  'security-labels'?: Record<string, string>;
}
