// Layer cilium (conntrack): struct ct_entry (bpf/lib/common.h), the value of a CT map, with its flag bits
// in the order pkg/maps/ctmap names them (RxClosing, TxClosing, Nat64, LBLoopback, SeenNonSyn, NodePort,
// ProxyRedirect, DSRInternal, FromL7LB, Reserved1, FromTunnel). Lifetime and the report stamps are
// bpf_mono_now() values; packets and bytes stay 0 unless bpf-conntrack-accounting compiles CONNTRACK_ACCOUNTING.

export const CT_RX_CLOSING = 0x001;
export const CT_TX_CLOSING = 0x002;
export const CT_SEEN_NON_SYN = 0x010;
export const CT_FROM_TUNNEL = 0x400;

export interface CtEntry {
  packets: number;
  bytes: number;
  lifetime: number;
  flags: number;
  /** rev_nat_index: the service a per-packet load balancer translated (0: none). */
  revNat: number;
  backendId: number;
  txFlagsSeen: number;
  rxFlagsSeen: number;
  /** src_sec_id: the identity the creating program saw as the source. */
  srcSecId: number;
  lastTxReport: number;
  lastRxReport: number;
}

export function newCtEntry(): CtEntry {
  return { packets: 0, bytes: 0, lifetime: 0, flags: 0, revNat: 0, backendId: 0, txFlagsSeen: 0, rxFlagsSeen: 0, srcSecId: 0, lastTxReport: 0, lastRxReport: 0 };
}

/** ct_entry_alive: not both directions closing. */
export function ctEntryAlive(e: CtEntry): boolean {
  return (e.flags & (CT_RX_CLOSING | CT_TX_CLOSING)) !== (CT_RX_CLOSING | CT_TX_CLOSING);
}
