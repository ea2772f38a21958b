// Layer net/tcp: which options a segment carries, in the order tcp_options_write() (tcp_output.c) writes
// them: mss; sackOK+TS (or nop,nop,TS); nop,nop,sackOK when only SACK; nop,wscale; nop,nop,sack blocks.
// And tcp_parse_options(): what a received segment offered (SYN-only options are read from SYNs only).

import type { SackBlock, TcpOption } from '../../wire/index.js';
import { TCP_MAX_WSCALE } from './tcp-const.js';

export interface TxOptions {
  readonly mss?: number;
  readonly ts?: { readonly val: number; readonly ecr: number };
  readonly sackPermitted?: boolean;
  readonly wscale?: number;
  readonly sack?: readonly SackBlock[];
}

const NOP: TcpOption = { kind: 'nop' };

/** The option list for `o`, laid out as Linux lays it out. */
export function buildOptions(o: TxOptions): TcpOption[] {
  const out: TcpOption[] = [];
  if (o.mss !== undefined) out.push({ kind: 'mss', mss: o.mss });
  if (o.ts) {
    if (o.sackPermitted) out.push({ kind: 'sack-permitted' });
    else out.push(NOP, NOP);
    out.push({ kind: 'timestamps', tsval: o.ts.val >>> 0, tsecr: o.ts.ecr >>> 0 });
  } else if (o.sackPermitted) {
    out.push(NOP, NOP, { kind: 'sack-permitted' });
  }
  if (o.wscale !== undefined) out.push(NOP, { kind: 'wscale', shift: o.wscale });
  if (o.sack && o.sack.length > 0) out.push(NOP, NOP, { kind: 'sack', blocks: o.sack });
  return out;
}

/** Bytes of option space a segment of an established connection uses for timestamps (tcp_header_len - 20). */
export function tsOptionLen(hasTimestamps: boolean): number {
  return hasTimestamps ? 12 : 0;
}

/** How many SACK blocks fit beside the other options (4 without timestamps, 3 with). */
export function maxSackBlocks(hasTimestamps: boolean): number {
  return hasTimestamps ? 3 : 4;
}

export interface RxOptions {
  mss: number | undefined;
  wscale: number | undefined;
  sackPermitted: boolean;
  tsval: number | undefined;
  tsecr: number | undefined;
  sack: SackBlock[];
}

/** tcp_parse_options: `isSyn` enables the options that only count on a SYN. */
export function parseRxOptions(options: readonly TcpOption[], isSyn: boolean): RxOptions {
  const rx: RxOptions = { mss: undefined, wscale: undefined, sackPermitted: false, tsval: undefined, tsecr: undefined, sack: [] };
  for (const o of options) {
    switch (o.kind) {
      case 'mss':
        if (isSyn && o.mss > 0) rx.mss = o.mss;
        break;
      case 'wscale':
        if (isSyn) rx.wscale = Math.min(o.shift, TCP_MAX_WSCALE);
        break;
      case 'sack-permitted':
        if (isSyn) rx.sackPermitted = true;
        break;
      case 'timestamps':
        rx.tsval = o.tsval;
        rx.tsecr = o.tsecr;
        break;
      case 'sack':
        if (!isSyn) rx.sack = [...o.blocks];
        break;
      case 'eol':
      case 'nop':
      case 'unknown':
        break;
    }
  }
  return rx;
}
