// Layer capture (filter): what a compiled pcap filter runs on and how. A BPF program loads bytes at
// offsets and compares; a load past the captured length ends the program with "reject" whatever branch it
// was in (bpf_filter() returns 0), as does a division by zero. Predicates are closures over a Run: the
// packet and the scratch memory gen_geneve_offsets() stores the inner header offsets in.

/** A packet as the filter sees it: captured bytes, wire length, and (live captures) the socket metadata. */
export interface FilterPacket {
  readonly data: Uint8Array;
  readonly wirelen: number;
  /** SKF_AD_PKTTYPE: PACKET_HOST .. PACKET_OUTGOING (live EN10MB captures; SLL2 has it in the header). */
  readonly pkttype?: number;
  /** SKF_AD_IFINDEX. */
  readonly ifindex?: number;
}

export interface Run {
  readonly pkt: FilterPacket;
  /** BPF scratch memory M[]: the Geneve inner offsets. */
  readonly mem: number[];
}

export type Pred = (r: Run) => boolean;

/** Thrown by a load out of bounds or a division by zero; the filter rejects the packet. */
export const REJECT: unique symbol = Symbol('reject');

export function ld(r: Run, off: number, size: 1 | 2 | 4): number {
  const d = r.pkt.data;
  if (off < 0 || off + size > d.length) throw REJECT;
  if (size === 1) return d[off] ?? 0;
  if (size === 2) return ((d[off] ?? 0) << 8) | (d[off + 1] ?? 0);
  return (((d[off] ?? 0) << 24) | ((d[off + 1] ?? 0) << 16) | ((d[off + 2] ?? 0) << 8) | (d[off + 3] ?? 0)) >>> 0;
}

export const TRUE: Pred = () => true;

export function and(a: Pred, b: Pred): Pred {
  return (r) => a(r) && b(r);
}

export function or(a: Pred, b: Pred): Pred {
  return (r) => a(r) || b(r);
}

export function not(a: Pred): Pred {
  return (r) => !a(r);
}

/** Runs a compiled filter on one packet. */
export function runFilter(pred: Pred, pkt: FilterPacket): boolean {
  try {
    return pred({ pkt, mem: [] });
  } catch (e) {
    if (e === REJECT) return false;
    throw e;
  }
}
