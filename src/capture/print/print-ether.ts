// Layer capture (print): print-ether.c and print-sll.c. ether_print() prints nothing of the link layer
// without -e ("MAC > MAC, ethertype IPv4 (0x0800), length N: " with it) and hands the payload to
// ethertype_print(); a type tcpdump has no printer for gets the addresses and a hex dump. The SLL2 printer
// (-i any) starts with the interface (%-5s, looked up by ifindex on this machine) and the direction (%-3s).

import type { Nd } from './nd.js';
import { arpPrint } from './print-arp.js';
import { hexAndAsciiPrint } from './print-hex.js';
import { ipPrint } from './print-ip.js';
import { suppressDefaultPrint } from './print-options.js';
import { ETHERTYPE_NAMES, hex4 } from './tcpdump-tables.js';

const ETHER_HDRLEN = 14;
const SLL2_HDR_LEN = 20;
const MAX_ETHERNET_LENGTH_VAL = 1500;
const PKTTYPE = ['In', 'B', 'M', 'P', 'Out'] as const;

function etherTypeText(nd: Nd, type: number): string {
  if (nd.opts.qflag === 0) return `ethertype ${ETHERTYPE_NAMES.get(type) ?? 'Unknown'} (0x${hex4(type)})`;
  return ETHERTYPE_NAMES.get(type) ?? `Unknown Ethertype (0x${hex4(type)})`;
}

/** ethertype_print(): whether a printer took the payload. */
export function ethertypePrint(nd: Nd, type: number, off: number, length: number): boolean {
  switch (type) {
    case 0x0800:
      ipPrint(nd, off, length);
      return true;
    case 0x0806:
    case 0x8035:
      arpPrint(nd, off, length);
      return true;
    default:
      return false;
  }
}

/** ND_DEFAULTPRINT: a hex and ASCII dump, unless -q/-x/-X suppress it. */
export function defaultPrint(nd: Nd, off: number, len: number): void {
  if (suppressDefaultPrint(nd.opts)) return;
  hexAndAsciiPrint(nd, '\n\t', off, len);
}

/** ether_print() / ether_common_print(): returns the link header length. */
export function etherPrint(nd: Nd, off: number, length: number, caplen: number): number {
  nd.protocol = 'ether';
  if (length < caplen) {
    nd.print(`[length ${length} < caplen ${caplen}]`);
    nd.printInvalid();
    return length;
  }
  if (caplen < ETHER_HDRLEN) {
    nd.printTrunc();
    return caplen;
  }
  const origLength = length;
  const addresses = `${nd.names.ether(nd.data, off + 6)} > ${nd.names.ether(nd.data, off)}, `;
  if (nd.opts.eflag) nd.print(addresses);
  const type = nd.u16(off + 12);
  const p = off + ETHER_HDRLEN;
  length -= ETHER_HDRLEN;
  if (type <= MAX_ETHERNET_LENGTH_VAL) {
    // 802.3 length field with an LLC header: not on the lab's wires; printed as raw data.
    if (nd.opts.eflag) nd.print(`802.3, length ${Math.min(type, length)}: `);
    defaultPrint(nd, p, Math.min(nd.available(p), type));
    return ETHER_HDRLEN;
  }
  if (nd.opts.eflag) nd.print(`${etherTypeText(nd, type)}, length ${origLength}: `);
  if (!ethertypePrint(nd, type, p, length)) {
    if (!nd.opts.eflag) nd.print(`${addresses}${etherTypeText(nd, type)}, length ${origLength}: `);
    defaultPrint(nd, p, Math.min(nd.available(p), caplen - ETHER_HDRLEN));
  }
  return ETHER_HDRLEN;
}

/** ether_if_print: the DLT_EN10MB top level. */
export function etherIfPrint(nd: Nd, len: number, caplen: number): void {
  nd.llHdrLen += etherPrint(nd, 0, len, caplen);
}

/** sll2_print (-e): "ifindex N MAC ethertype IPv4 (0x0800), length N: ". */
function sll2Header(nd: Nd, length: number): void {
  nd.protocol = 'sll2';
  nd.print(`ifindex ${nd.u32(4)} `);
  if (nd.u8(11) === 6) nd.print(`${nd.names.ether(nd.data, 12)} `);
  if (nd.opts.qflag) return;
  const type = nd.u16(0);
  if (type <= MAX_ETHERNET_LENGTH_VAL) nd.print(type === 1 ? '802.3' : type === 4 ? '802.2' : `ethertype Unknown (0x${hex4(type)})`);
  else nd.print(`ethertype ${ETHERTYPE_NAMES.get(type) ?? 'Unknown'} (0x${hex4(type)})`);
  nd.print(`, length ${length}: `);
}

/** sll2_if_print: the DLT_LINUX_SLL2 top level. */
export function sll2IfPrint(nd: Nd, len: number, caplen: number): void {
  nd.protocol = 'sll2';
  nd.check(0, SLL2_HDR_LEN);
  const name = nd.names.ifName(nd.u32(4)) ?? '?';
  nd.print(`${name.padEnd(5)} ${(PKTTYPE[nd.u8(10)] ?? '?').padEnd(3)} `);
  if (nd.opts.eflag) sll2Header(nd, len);
  const type = nd.u16(0);
  const p = SLL2_HDR_LEN;
  nd.llHdrLen += SLL2_HDR_LEN;
  if (type <= MAX_ETHERNET_LENGTH_VAL) {
    defaultPrint(nd, p, caplen - SLL2_HDR_LEN);
    return;
  }
  if (!ethertypePrint(nd, type, p, len - SLL2_HDR_LEN)) {
    if (!nd.opts.eflag) sll2Header(nd, len);
    defaultPrint(nd, p, caplen - SLL2_HDR_LEN);
  }
}
