// Layer capture (print): print-arp.c for Ethernet/IPv4 ARP: "ARP, Request who-has A tell B, length 28",
// "ARP, Reply A is-at MAC, length 28". The length is what follows the link header, Ethernet padding
// included. -v adds the hardware and protocol types; -e drops the "ARP, " the link line already says.

import type { Nd } from './nd.js';
import { defaultPrint } from './print-ether.js';
import { ARPHRD_NAMES, ARPOP_NAMES, ETHERTYPE_NAMES, hex4 } from './tcpdump-tables.js';

const ETHERTYPE_IP = 0x0800;
const ETHERTYPE_TRAIL = 0x1000;

export function arpPrint(nd: Nd, off: number, length: number): void {
  nd.protocol = 'arp';
  nd.check(off, 8);
  const hrd = nd.u16(off);
  const pro = nd.u16(off + 2);
  const hln = nd.u8(off + 4);
  const pln = nd.u8(off + 5);
  const op = nd.u16(off + 6);
  const sha = off + 8;
  const spa = sha + hln;
  const tha = spa + pln;
  const tpa = tha + hln;
  nd.check(tpa, pln);
  if (!nd.opts.eflag) nd.print('ARP, ');
  const isIpv4 = (pro === ETHERTYPE_IP || pro === ETHERTYPE_TRAIL) && pln === 4;
  if (!isIpv4 || hln === 0 || nd.opts.vflag) {
    nd.print(`${ARPHRD_NAMES.get(hrd) ?? `Unknown Hardware (${hrd})`} (len ${hln}), ${ETHERTYPE_NAMES.get(pro) ?? `Unknown Protocol (0x${hex4(pro)})`} (len ${pln})`);
    if (!nd.opts.vflag) return void nd.print(`, length ${length}`);
  }
  nd.print(`${nd.opts.vflag ? ', ' : ''}${ARPOP_NAMES.get(op) ?? `Unknown (${op})`} `);
  const paddr = (at: number) => (pro !== ETHERTYPE_IP && pro !== ETHERTYPE_TRAIL ? '<wrong proto type>' : pln !== 4 ? '<wrong len>' : nd.names.ip(nd.u32(at)));
  const laddr = (at: number) => linkaddr(nd, at, hln);
  switch (op) {
    case 1:
      nd.print(`who-has ${paddr(tpa)}`);
      if (!isZero(nd, tha, hln)) nd.print(` (${laddr(tha)})`);
      nd.print(` tell ${paddr(spa)}`);
      break;
    case 2:
      nd.print(`${paddr(spa)} is-at ${laddr(sha)}`);
      break;
    case 3:
    case 8:
      nd.print(`who-is ${laddr(tha)} tell ${laddr(sha)}`);
      break;
    case 4:
      nd.print(`${laddr(tha)} at ${paddr(tpa)}`);
      break;
    case 9:
      nd.print(`${laddr(sha)} at ${paddr(spa)}`);
      break;
    default:
      return defaultPrint(nd, off, nd.available(off));
  }
  nd.print(`, length ${length}`);
}

function isZero(nd: Nd, at: number, len: number): boolean {
  for (let i = 0; i < len; i++) if (nd.u8(at + i) !== 0) return false;
  return true;
}

/** GET_LINKADDR_STRING for LINKADDR_ETHER: a MAC for 6 bytes, else hex octets joined by ':'. */
function linkaddr(nd: Nd, at: number, len: number): string {
  nd.check(at, len);
  if (len === 6) return nd.names.ether(nd.data, at);
  if (len === 0) return '<empty>';
  const parts: string[] = [];
  for (let i = 0; i < len; i++) parts.push((nd.data[at + i] ?? 0).toString(16).padStart(2, '0'));
  return parts.join(':');
}
