// Layer net: the tc (clsact) hook of a device, where Cilium attaches its BPF programs. A program looks
// at a frame and answers like a BPF program returns: TC_ACT_OK, TC_ACT_SHOT (with the drop reason),
// TC_ACT_STOLEN, or a redirect made by bpf_redirect / bpf_redirect_peer / bpf_redirect_neigh.

import type { Ipv4Addr } from '../addr/index.js';
import type { DropReason } from './drop-reason.js';
import type { NetDevice } from './net-device.js';
import type { Skb } from './skb.js';

export type TcVerdict =
  | { readonly kind: 'ok' }
  | { readonly kind: 'drop'; readonly reason: DropReason; readonly detail?: string }
  | { readonly kind: 'stolen' }
  /** bpf_redirect(ifindex, 0 | BPF_F_INGRESS). */
  | { readonly kind: 'redirect'; readonly dev: NetDevice; readonly ingress: boolean }
  /** bpf_redirect_peer(ifindex): into the ingress of a veth's peer, in the peer's namespace. */
  | { readonly kind: 'redirect-peer'; readonly dev: NetDevice }
  /** bpf_redirect_neigh(ifindex, nh): egress with the kernel filling in the Ethernet header. */
  | { readonly kind: 'redirect-neigh'; readonly dev: NetDevice; readonly nexthop: Ipv4Addr | undefined };

export const TC_OK: TcVerdict = { kind: 'ok' };
export const TC_STOLEN: TcVerdict = { kind: 'stolen' };

export function tcDrop(reason: DropReason, detail?: string): TcVerdict {
  return detail === undefined ? { kind: 'drop', reason } : { kind: 'drop', reason, detail };
}

/** A program attached at a device's tc ingress or egress hook (Cilium names them cil_from_container, ...). */
export interface TcProgram {
  readonly name: string;
  run(skb: Skb, dev: NetDevice): TcVerdict;
}
