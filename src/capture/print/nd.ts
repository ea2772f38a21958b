// Layer capture (print): the state one packet is printed with, after tcpdump's netdissect_options: the
// options, the names, the output text, the captured bytes and the end of what may be read (snapend, with
// nd_push_snaplen's stack). Reads past snapend throw TRUNCATED, as GET_*() longjmp()s in tcpdump;
// pretty_print_packet catches it and prints " [|proto]" (nd_print_trunc).

import type { PrintNames } from './print-names.js';
import type { PrintOptions } from './print-options.js';

/** Thrown by a read past snapend; caught once per packet. */
export const TRUNCATED: unique symbol = Symbol('truncated');

/** tcpdump's tcp_seq_hash: the first seq/ack of each conversation, for relative sequence numbers. */
export interface TcpSeqEntry {
  seq: number;
  ack: number;
}

export class Nd {
  out = '';
  data: Uint8Array = new Uint8Array(0);
  snapend = 0;
  /** ndo_protocol: the name nd_print_trunc prints. */
  protocol = '';
  /** ndo_ll_hdr_len: the link-layer header length the hex dumps skip. */
  llHdrLen = 0;
  private readonly snapStack: number[] = [];

  constructor(
    readonly opts: PrintOptions,
    readonly names: PrintNames,
    readonly tcpSeq: Map<string, TcpSeqEntry> = new Map(),
  ) {}

  begin(data: Uint8Array, caplen: number): void {
    this.out = '';
    this.data = data;
    this.snapend = Math.min(caplen, data.length);
    this.snapStack.length = 0;
    this.protocol = '';
    this.llHdrLen = 0;
  }

  print(s: string): void {
    this.out += s;
  }

  /** ND_TTEST_LEN: whether [off, off+len) was captured. */
  has(off: number, len: number): boolean {
    return off >= 0 && len >= 0 && off + len <= this.snapend;
  }

  check(off: number, len: number): void {
    if (!this.has(off, len)) throw TRUNCATED;
  }

  /** Bytes captured from `off` on (ND_BYTES_AVAILABLE_AFTER). */
  available(off: number): number {
    return Math.max(0, this.snapend - off);
  }

  u8(off: number): number {
    if (off < 0 || off >= this.snapend) throw TRUNCATED;
    return this.data[off] ?? 0;
  }

  u16(off: number): number {
    if (off < 0 || off + 2 > this.snapend) throw TRUNCATED;
    const d = this.data;
    return ((d[off] ?? 0) << 8) | (d[off + 1] ?? 0);
  }

  u24(off: number): number {
    if (off < 0 || off + 3 > this.snapend) throw TRUNCATED;
    const d = this.data;
    return ((d[off] ?? 0) << 16) | ((d[off + 1] ?? 0) << 8) | (d[off + 2] ?? 0);
  }

  u32(off: number): number {
    if (off < 0 || off + 4 > this.snapend) throw TRUNCATED;
    const d = this.data;
    return (((d[off] ?? 0) << 24) | ((d[off + 1] ?? 0) << 16) | ((d[off + 2] ?? 0) << 8) | (d[off + 3] ?? 0)) >>> 0;
  }

  /** nd_push_snaplen: nothing past off+len may be read until popSnaplen. */
  pushSnaplen(off: number, len: number): void {
    this.snapStack.push(this.snapend);
    if (off + len < this.snapend) this.snapend = off + len;
  }

  popSnaplen(): void {
    const prev = this.snapStack.pop();
    if (prev !== undefined) this.snapend = prev;
  }

  /** Restores the snapend of the packet (after a printer quit early). */
  popAll(caplen: number): void {
    this.snapStack.length = 0;
    this.snapend = Math.min(caplen, this.data.length);
  }

  /** nd_print_trunc. */
  printTrunc(): void {
    this.out += ` [|${this.protocol}]`;
  }

  /** nd_print_invalid. */
  printInvalid(): void {
    this.out += ' (invalid)';
  }

  /** nd_print_protocol_caps. */
  printProtocolCaps(): void {
    this.out += this.protocol.toUpperCase();
  }
}
