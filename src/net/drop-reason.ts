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

/**
 * Cilium's drop reasons this datapath can raise: the text of pkg/monitor/api/drop.go (v1.18.0), which
 * `cilium-dbg monitor` and Hubble print, the DROP_* code of bpf/lib/common.h, and the DropReason name of
 * api/v1/flow/flow.proto.
 */
export const CILIUM_DROPS = {
  'Invalid source ip': { code: 132, flowEnum: 'INVALID_SOURCE_IP' },
  'Policy denied': { code: 133, flowEnum: 'POLICY_DENIED' },
  'Invalid packet': { code: 134, flowEnum: 'INVALID_PACKET_DROPPED' },
  'CT: Truncated or invalid header': { code: 135, flowEnum: 'CT_TRUNCATED_OR_INVALID_HEADER' },
  'CT: Unknown L4 protocol': { code: 137, flowEnum: 'CT_UNKNOWN_L4_PROTOCOL' },
  'Unsupported L3 protocol': { code: 139, flowEnum: 'UNSUPPORTED_L3_PROTOCOL' },
  'Missed tail call': { code: 140, flowEnum: 'MISSED_TAIL_CALL' },
  'Unknown L3 target address': { code: 150, flowEnum: 'UNKNOWN_L3_TARGET_ADDRESS' },
  'Stale or unroutable IP': { code: 151, flowEnum: 'STALE_OR_UNROUTABLE_IP' },
  'CT: Map insertion failed': { code: 155, flowEnum: 'CT_MAP_INSERTION_FAILED' },
  'Service backend not found': { code: 158, flowEnum: 'SERVICE_BACKEND_NOT_FOUND' },
  'No tunnel/encapsulation endpoint (datapath BUG!)': { code: 160, flowEnum: 'NO_TUNNEL_OR_ENCAPSULATION_ENDPOINT' },
  'Unknown connection tracking state': { code: 163, flowEnum: 'UNKNOWN_CONNECTION_TRACKING_STATE' },
  'No mapping for NAT masquerade': { code: 167, flowEnum: 'NO_MAPPING_FOR_NAT_MASQUERADE' },
  'FIB lookup failed': { code: 169, flowEnum: 'FIB_LOOKUP_FAILED' },
  'TTL exceeded': { code: 196, flowEnum: 'TTL_EXCEEDED' },
} as const satisfies Record<string, { readonly code: number; readonly flowEnum: string }>;
export type CiliumDropReason = keyof typeof CILIUM_DROPS;
export const CILIUM_DROP_REASONS = Object.keys(CILIUM_DROPS) as CiliumDropReason[];

/** Reasons that exist only in the lab: where the emulated world ends. */
export const LAB_DROP_REASONS = ['NAT_UPLINK_NO_INTERNET', 'HOP_LIMIT'] as const;
export type LabDropReason = (typeof LAB_DROP_REASONS)[number];

export type DropReason = KernelDropReason | CiliumDropReason | LabDropReason;

export function isCiliumDropReason(r: DropReason): r is CiliumDropReason {
  return (CILIUM_DROP_REASONS as readonly string[]).includes(r);
}
