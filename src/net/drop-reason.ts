// Layer net: why a packet died. Kernel reasons are the SKB_DROP_REASON_* names of include/net/dropreason-core.h
// (without the prefix); Cilium reasons are the texts of pkg/monitor/api/drop.go, which `cilium-dbg monitor`
// and Hubble print. The lab adds one reason of its own: a VirtualBox NAT uplink with no Internet behind it.

export const KERNEL_DROP_REASONS = [
  'NOT_SPECIFIED',
  'NO_SOCKET',
  'PKT_TOO_SMALL',
  'OTHERHOST',
  'IP_CSUM',
  'IP_INHDR',
  'IP_RPFILTER',
  'IP_INADDRERRORS',
  'IP_INNOROUTES',
  'IP_OUTNOROUTES',
  'IPV4_DEST_FROM_LOOPBACK',
  'NEIGH_FAILED',
  'NEIGH_QUEUEFULL',
  'NEIGH_DEAD',
  'TC_INGRESS',
  'TC_EGRESS',
  'DEV_READY',
  'PKT_TOO_BIG',
  'FRAG_REASM_TIMEOUT',
  'TCP_CSUM',
  'UDP_CSUM',
  'IP_NOPROTO',
  'UNHANDLED_PROTO',
  'ARP_PVLAN_DISABLE',
  'VXLAN_INVALID_HDR',
  'VXLAN_VNI_NOT_FOUND',
  'NOMEM',
] as const;
export type KernelDropReason = (typeof KERNEL_DROP_REASONS)[number];

/** Cilium drop notification texts (pkg/monitor/api/drop.go), the ones this datapath can raise. */
export const CILIUM_DROP_REASONS = [
  'Policy denied',
  'Invalid source ip',
  'TTL exceeded',
  'No tunnel/encapsulation endpoint (datapath BUG!)',
  'Missed tail call',
  'No mapping for NAT masquerade',
  'No FIB entry found',
  'Service backend not found',
  'Unknown L3 target address',
  'Stale or unroutable IP',
  'Unsupported L3 protocol',
  'CT: Map insertion failed',
  'Unknown connection tracking state',
  'Invalid packet',
] as const;
export type CiliumDropReason = (typeof CILIUM_DROP_REASONS)[number];

/** Reasons that exist only in the lab: where the emulated world ends. */
export const LAB_DROP_REASONS = ['NAT_UPLINK_NO_INTERNET', 'HOP_LIMIT'] as const;
export type LabDropReason = (typeof LAB_DROP_REASONS)[number];

export type DropReason = KernelDropReason | CiliumDropReason | LabDropReason;

export function isCiliumDropReason(r: DropReason): r is CiliumDropReason {
  return (CILIUM_DROP_REASONS as readonly string[]).includes(r);
}

/** Cilium's numeric drop codes (bpf/lib/common.h DROP_*), which `cilium-dbg monitor` prints beside the text. */
export const CILIUM_DROP_CODES = {
  'Policy denied': 133,
  'Invalid source ip': 132,
  'TTL exceeded': 196,
  'No tunnel/encapsulation endpoint (datapath BUG!)': 160,
  'Missed tail call': 151,
  'No mapping for NAT masquerade': 173,
  'No FIB entry found': 169,
  'Service backend not found': 158,
  'Unknown L3 target address': 150,
  'Stale or unroutable IP': 162,
  'Unsupported L3 protocol': 139,
  'CT: Map insertion failed': 155,
  'Unknown connection tracking state': 163,
  'Invalid packet': 134,
} as const satisfies Record<CiliumDropReason, number>;
