// Layer capture (filter): what a compiled pcap filter runs on. A BPF program loads bytes at offsets and
// compares; a load past the captured length (or a division by zero) throws REJECT here, and filter-run.ts
// decides what the optimized program would have done. Predicates are closures over a Run: the packet,
// the scratch memory Geneve offsets live in, and the state of a probe.

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
  /** Outcomes fixed for tests this packet cannot evaluate (keyed by the test). */
  readonly forced: ReadonlyMap<object, boolean>;
  /** While probing an unevaluable test's outcomes (filter-run.ts). */
  readonly probe: Probe | undefined;
}

import type { Probe } from './filter-run.js';

export type Pred = (r: Run) => boolean;

/** Thrown by a load out of bounds or a division by zero. */
export const REJECT: unique symbol = Symbol('reject');

export function ld(r: Run, off: number, size: 1 | 2 | 4): number {
  const d = r.pkt.data;
  if (off < 0 || off + size > d.length) throw REJECT;
  if (size === 1) return d[off] ?? 0;
  if (size === 2) return ((d[off] ?? 0) << 8) | (d[off + 1] ?? 0);
  return (((d[off] ?? 0) << 24) | ((d[off + 1] ?? 0) << 16) | ((d[off + 2] ?? 0) << 8) | (d[off + 3] ?? 0)) >>> 0;
}
