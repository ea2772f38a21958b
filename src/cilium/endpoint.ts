// Layer cilium: a Cilium endpoint (pkg/endpoint): one pod's network presence on its node — endpoint id,
// identity, IPv4, the host-side `lxc…` veth and the pod's eth0, and the state `cilium-dbg endpoint list`
// shows. The lxc name is "lxc" + the first 12 hex digits of sha256(containerID + ":" + ifName)
// (pkg/datapath/connector Endpoint2IfName).

import { sha256 } from '@noble/hashes/sha2.js';
import type { Ipv4Addr } from '../addr/index.js';
import type { VethDevice } from '../net/devices/veth.js';
import type { Netns } from '../net/netns.js';

export type EndpointState = 'waiting-for-identity' | 'regenerating' | 'ready' | 'disconnecting';

export interface Endpoint {
  readonly id: number;
  readonly namespace: string;
  readonly podName: string;
  readonly containerId: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Sorted identity labels ("k8s:app=webpod", ...). */
  readonly identityLabels: readonly string[];
  identity: number;
  readonly ipv4: Ipv4Addr;
  readonly lxc: VethDevice;
  readonly podDev: VethDevice;
  readonly podNetns: Netns;
  state: EndpointState;
}

export function endpointIfName(containerId: string, ifName = 'eth0'): string {
  const digest = sha256(new TextEncoder().encode(`${containerId}:${ifName}`));
  let hex = '';
  for (const b of digest.subarray(0, 6)) hex += b.toString(16).padStart(2, '0');
  return `lxc${hex}`;
}
