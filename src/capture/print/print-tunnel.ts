// Layer capture (print): the UDP encapsulations. print-otv.c (UDP 8472 in tcpdump 4.99.1-4.99.5: the Linux
// VXLAN port is read as OTV), print-vxlan.c (4789) and print-geneve.c (6081) put the inner frame after a
// newline (OTV, VXLAN) or on the same line (Geneve); print-bcm-li.c (source port 49152), which precedes them
// in udp_print's dispatch and so claims a VXLAN packet whose hashed source port happens to be 49152.

import type { Nd } from './nd.js';
import { etherPrint, ethertypePrint } from './print-ether.js';
import { ipPrint } from './print-ip.js';
import { ETHERTYPE_NAMES, hex4 } from './tcpdump-tables.js';

const HDR_LEN = 8;
const ETHERTYPE_TEB = 0x6558;
const GENEVE_FLAGS = ['O', 'C', 'R1', 'R2', 'R3', 'R4', 'R5', 'R6'] as const;

export function otvPrint(nd: Nd, bp: number, len: number): void {
  nd.protocol = 'otv';
  nd.print('OTV, ');
  if (len < HDR_LEN) {
    nd.print(`[length ${len} < ${HDR_LEN}]`);
    nd.printInvalid();
    return nd.check(bp, len);
  }
  const flags = nd.u8(bp);
  nd.print(`flags [${flags & 0x08 ? 'I' : '.'}] (0x${flags.toString(16).padStart(2, '0')}), overlay ${nd.u24(bp + 1)}, instance ${nd.u24(bp + 4)}\n`);
  nd.check(bp + 7, 1);
  etherPrint(nd, bp + HDR_LEN, len - HDR_LEN, nd.available(bp + HDR_LEN));
}

export function vxlanPrint(nd: Nd, bp: number, len: number): void {
  nd.protocol = 'vxlan';
  nd.printProtocolCaps();
  if (len < HDR_LEN) return nd.printInvalid();
  const flags = nd.u8(bp);
  nd.print(`, flags [${flags & 0x08 ? 'I' : 'invalid'}] (0x${flags.toString(16).padStart(2, '0')}), vni ${nd.u24(bp + 4)}\n`);
  nd.check(bp + 7, 1);
  etherPrint(nd, bp + HDR_LEN, len - HDR_LEN, nd.available(bp + HDR_LEN));
}

function geneveOptClass(c: number): string {
  const named: Readonly<Record<number, string>> = { 0x0100: 'Linux', 0x0101: 'Open vSwitch', 0x0102: 'Open Virtual Networking (OVN)', 0x0103: 'In-band Network Telemetry (INT)', 0x0104: 'VMware' };
  return named[c] ?? (c <= 0x00ff ? 'Standard' : c >= 0xfff0 ? 'Experimental' : 'Unknown');
}

function geneveOptsPrint(nd: Nd, bp: number, len: number): void {
  let sep = '';
  while (len > 0) {
    nd.print(sep);
    sep = ', ';
    const cls = nd.u16(bp);
    const type = nd.u8(bp + 2);
    const optLen = 4 + (nd.u8(bp + 3) & 0x1f) * 4;
    nd.print(`class ${geneveOptClass(cls)} (0x${cls.toString(16)}) type 0x${type.toString(16)}${type & 0x80 ? '(C)' : ''} len ${optLen}`);
    if (optLen > len) return void nd.print(' [bad length]');
    if (nd.opts.vflag > 1 && optLen > 4) {
      nd.print(' data');
      for (let i = 4; i < optLen; i += 4) nd.print(` ${nd.u32(bp + i).toString(16).padStart(8, '0')}`);
    }
    bp += optLen;
    len -= optLen;
  }
}

export function genevePrint(nd: Nd, bp: number, len: number): void {
  nd.protocol = 'geneve';
  nd.print('Geneve');
  if (len < HDR_LEN) {
    nd.print(` [length ${len} < 8]`);
    return nd.printInvalid();
  }
  nd.check(bp, HDR_LEN);
  const verOpt = nd.u8(bp);
  if (verOpt >> 6 !== 0) return void nd.print(` ERROR: unknown-version ${verOpt >> 6}`);
  const flags = nd.u8(bp + 1);
  const prot = nd.u16(bp + 2);
  const reserved = nd.u8(bp + 7);
  const names = GENEVE_FLAGS.filter((_, i) => flags & (0x80 >> i)).join('');
  nd.print(`, Flags [${names || 'none'}], vni 0x${nd.u24(bp + 4).toString(16)}`);
  if (reserved) nd.print(`, rsvd 0x${reserved.toString(16)}`);
  if (nd.opts.eflag) nd.print(`, proto ${ETHERTYPE_NAMES.get(prot) ?? 'unknown'} (0x${hex4(prot)})`);
  const optsLen = (verOpt & 0x3f) * 4;
  len -= HDR_LEN;
  if (len < optsLen) return void nd.print(` truncated-geneve - ${optsLen - len} bytes missing`);
  nd.check(bp + HDR_LEN, optsLen);
  if (optsLen > 0) {
    nd.print(', options [');
    if (nd.opts.vflag) geneveOptsPrint(nd, bp + HDR_LEN, optsLen);
    else nd.print(`${optsLen} bytes`);
    nd.print(']');
  }
  const p = bp + HDR_LEN + optsLen;
  len -= optsLen;
  nd.print(nd.opts.vflag < 1 ? ': ' : '\n\t');
  if (!ethertypePrint(nd, prot, p, len)) {
    if (prot === ETHERTYPE_TEB) etherPrint(nd, p, len, nd.available(p));
    else nd.print(`geneve-proto-0x${prot.toString(16)}`);
  }
}

const BCM_LI_DIRECTION: Readonly<Record<number, string>> = { 1: 'unused', 2: 'egress', 3: 'ingress' };
const BCM_LI_TYPE: Readonly<Record<number, string>> = { 4: 'undecided', 5: 'ipv4', 6: 'ipv6', 7: 'ethernet' };
const BCM_LI_SUBTYPE: Readonly<Record<number, string>> = { 1: 'single VLAN tag', 2: 'double VLAN tag', 3: 'untagged' };

export function bcmLiPrint(nd: Nd, bp: number, length: number): void {
  nd.protocol = 'bcm_li';
  if (length < 4) {
    nd.print(` (length ${length} < 4)`);
    return nd.printInvalid();
  }
  const shim = nd.u32(bp);
  const type = (shim >>> 25) & 0xf;
  const nl = nd.opts.vflag ? '\n    ' : '';
  nd.print(`${nl}BCM-LI-SHIM: direction ${BCM_LI_DIRECTION[(shim >>> 29) & 7] ?? 'unknown'}, pkt-type ${BCM_LI_TYPE[type] ?? 'unknown'}, pkt-subtype ${BCM_LI_SUBTYPE[(shim >>> 22) & 7] ?? 'unknown'}, li-id ${shim & 0x3fffff}${nl}`);
  const p = bp + 4;
  length -= 4;
  if (!nd.opts.vflag) return nd.check(p, length);
  if (type === 7) etherPrint(nd, p, length, nd.available(p));
  else if (type === 5 || (type === 4 && nd.u8(p) >> 4 === 4)) ipPrint(nd, p, length);
  else if (type === 4 && nd.u8(p) >> 4 !== 6) nd.print('unknown payload');
  else nd.printInvalid();
}
