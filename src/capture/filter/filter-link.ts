// Layer capture (filter): gencode.c's view of where headers are. For EN10MB the ethertype is at 12 and the
// network header at 14; for LINUX_SLL2 the protocol is at 0 and the network header at 20. `vlan` moves
// both 4 bytes on; `geneve` makes every later primitive look inside the tunnel, at offsets computed per
// packet (gen_geneve_offsets) and kept in scratch memory. Comparisons are relative to one of these.

import { FilterError } from './filter-error.js';
import { and, not, type CmpOp, type Node, type Rel } from './filter-ir.js';
import type { FilterNames } from './filter-names.js';
import type { Run } from './filter-program.js';

export type Dlt = 'en10mb' | 'linux-sll2';

/** Scratch slots gen_geneve_offsets() fills: the inner link header, the ethertype field, the network header. */
export const MEM_LINKHDR = 0;
export const MEM_LINKTYPE = 1;
export const MEM_LINKPL = 2;

export interface LinkLayout {
  /** Names the layout in optimizer keys: two loads are the same value only under the same layout. */
  readonly id: string;
  readonly hdr: (r: Run) => number;
  readonly type: (r: Run) => number;
  readonly pl: (r: Run) => number;
  /** Inside Geneve: the frame may have no Ethernet header at all. */
  readonly isGeneve: boolean;
}

export interface CompileOptions {
  readonly dlt: Dlt;
  readonly names: FilterNames;
  /** Reading a savefile: no socket metadata (inbound, ifindex on EN10MB are errors). */
  readonly isSavefile: boolean;
  /** The netmask `ip broadcast` uses (tcpdump passes 0 unless -f). */
  readonly netmask: number;
}

export function staticLayout(id: string, hdr: number, type: number, pl: number): LinkLayout {
  return { id, hdr: () => hdr, type: () => type, pl: () => pl, isGeneve: false };
}

export function initialLayout(dlt: Dlt): LinkLayout {
  return dlt === 'en10mb' ? staticLayout('en10mb', 0, 12, 14) : staticLayout('sll2', 0, 0, 20);
}

/** The layout after `vlan`: ethertype and network header n bytes further on. */
export function shiftedLayout(l: LinkLayout, n: number): LinkLayout {
  return { id: `${l.id}+${n}`, hdr: l.hdr, type: (r) => l.type(r) + n, pl: (r) => l.pl(r) + n, isGeneve: l.isGeneve };
}

/** The layout after `geneve`: the inner headers, wherever this packet has them. */
export function geneveLayout(outer: LinkLayout): LinkLayout {
  return {
    id: `${outer.id}/geneve`,
    hdr: (r) => r.mem[MEM_LINKHDR] ?? 0,
    type: (r) => r.mem[MEM_LINKTYPE] ?? 0,
    pl: (r) => r.mem[MEM_LINKPL] ?? 0,
    isGeneve: true,
  };
}

/** pcap_datalink_val_to_description_or_dlt(), for messages. */
export function dltDescription(dlt: Dlt): string {
  return dlt === 'en10mb' ? 'Ethernet' : 'Linux cooked v2';
}

export class CompileState {
  layout: LinkLayout;
  /** Geneve switches the BPF optimizer off (a bare jump), and with it "rejects all packets". */
  isOptimized = true;

  constructor(readonly opts: CompileOptions) {
    this.layout = initialLayout(opts.dlt);
  }

  /** The link type primitives check against: the capture's, or Ethernet inside Geneve. */
  get dlt(): Dlt {
    return this.layout.isGeneve ? 'en10mb' : this.opts.dlt;
  }

  /** gen_cmp / gen_mcmp / gen_cmp_gt / gen_cmp_ge relative to the link header, network header or IPv4 payload. */
  cmp(rel: Rel, off: number, size: 1 | 2 | 4, v: number, mask = 0xffffffff, op: CmpOp = 'eq'): Node {
    return { t: 'cmp', loc: { layout: this.layout, rel, off }, size, mask, op, v: v >>> 0 };
  }

  /** gen_linktype(): the ethertype (> 1500) or LLC SAP of the frame. */
  linktype(proto: number): Node {
    if (proto > 1500) return this.cmp('type', 0, 2, proto);
    if (this.dlt === 'linux-sll2') return and(this.cmp('type', 0, 2, 4), this.cmp('pl', 0, 1, proto));
    return and(not(this.cmp('type', 0, 2, 1500, 0xffffffff, 'gt')), this.cmp('pl', 0, 1, proto));
  }

  /** gen_prevlinkhdr_check(): inside Geneve, whether there is an Ethernet header. */
  linkHeaderPresent(): Node | undefined {
    return this.layout.isGeneve ? { t: 'geneve-l2' } : undefined;
  }

  /** gen_ipfrag(): not a fragment other than the first. */
  ipFirstFragment(): Node {
    return this.cmp('pl', 6, 2, 0, 0x1fff);
  }

  fail(message: string): never {
    throw new FilterError(message);
  }
}
