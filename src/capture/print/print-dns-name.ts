// Layer capture (print): DNS names as print-domain.c reads them: ns_nskip() steps over a name without
// printing it; fqdn_print() prints it with a dot after every label, follows compression pointers only to
// earlier offsets ("<BAD PTR>" otherwise), prints EDNS0 bit labels as \[x../n], and stops a name past 255
// characters with "<DOMAIN NAME TOO LONG>". Both return undefined where tcpdump returns NULL.

import type { Nd } from './nd.js';
import { printn } from './print-util.js';

const TYPE_MASK = 0xc0;
const TYPE_INDIR = 0xc0;
const TYPE_RESERVED = 0x80;
const TYPE_EDNS0 = 0x40;
const EDNS0_ELT_BITLABEL = 0x01;
const MAXCDNAME = 255;

export function nsNskip(nd: Nd, cp: number): number | undefined {
  if (!nd.has(cp, 1)) return undefined;
  let i = nd.u8(cp++);
  while (i) {
    const type = i & TYPE_MASK;
    if (type === TYPE_INDIR) return cp + 1;
    if (type === TYPE_EDNS0) {
      if ((i & ~TYPE_MASK) !== EDNS0_ELT_BITLABEL || !nd.has(cp, 1)) return undefined;
      const bitlen = nd.u8(cp++) || 256;
      cp += Math.floor((bitlen + 7) / 8);
    } else if (type === TYPE_RESERVED) return undefined;
    else cp += i;
    if (!nd.has(cp, 1)) return undefined;
    i = nd.u8(cp++);
  }
  return cp;
}

/** labellen(): -1 with a message for a bad label type. */
function labellen(nd: Nd, cp: number): number {
  if (!nd.has(cp, 1)) return -1;
  const i = nd.u8(cp);
  switch (i & TYPE_MASK) {
    case TYPE_EDNS0: {
      const elt = i & ~TYPE_MASK;
      if (elt !== EDNS0_ELT_BITLABEL) {
        nd.print(`<ELT ${elt}>`);
        return -1;
      }
      if (!nd.has(cp + 1, 1)) return -1;
      return Math.floor(((nd.u8(cp + 1) || 256) + 7) / 8) + 1;
    }
    case TYPE_INDIR:
    case 0:
      return i;
    default:
      nd.print('<BAD LABEL TYPE>');
      return -1;
  }
}

function blabelPrint(nd: Nd, cp: number): number | undefined {
  if (!nd.has(cp, 1)) return undefined;
  const bitlen = nd.u8(cp) || 256;
  const lim = cp + 1 + Math.floor((bitlen + 3) / 4);
  nd.print('\\[x');
  let bitp = cp + 1;
  let b = bitlen;
  for (; bitp < lim && b > 7; b -= 8, bitp++) nd.print(nd.u8(bitp).toString(16).padStart(2, '0'));
  if (b > 4) nd.print((nd.u8(bitp) & (0xff << (8 - b)) & 0xff).toString(16).padStart(2, '0'));
  else if (b > 0) nd.print((((nd.u8(bitp) >> 4) & 0x0f) & (0x0f << (4 - b)) & 0x0f).toString(16));
  nd.print(`/${bitlen}]`);
  return lim;
}

/** fqdn_print(): prints the name at cp (message at bp); the offset after it as it sits at cp. */
export function fqdnPrint(nd: Nd, cp: number, bp: number): number | undefined {
  let l = labellen(nd, cp);
  if (l === -1 || !nd.has(cp, 1)) return undefined;
  let maxOffset = cp - bp;
  let i = nd.u8(cp++);
  let compress = false;
  let rp = (i & TYPE_MASK) !== TYPE_INDIR ? cp + l : 0;
  if (i === 0) {
    nd.print('.');
    return rp;
  }
  let nameChars = 0;
  while (i && cp < nd.snapend) {
    switch (i & TYPE_MASK) {
      case TYPE_INDIR: {
        if (!compress) {
          rp = cp + 1;
          compress = true;
        }
        if (!nd.has(cp, 1)) return undefined;
        const offset = ((i << 8) | nd.u8(cp)) & 0x3fff;
        if (offset >= maxOffset) {
          nd.print('<BAD PTR>');
          return undefined;
        }
        maxOffset = offset;
        cp = bp + offset;
        if (!nd.has(cp, 1)) return undefined;
        i = nd.u8(cp);
        if ((l = labellen(nd, cp)) === -1) return undefined;
        cp++;
        continue;
      }
      case TYPE_EDNS0: {
        const elt = i & ~TYPE_MASK;
        if (elt !== EDNS0_ELT_BITLABEL) {
          nd.print(`<ELT ${elt}>`);
          return undefined;
        }
        if (blabelPrint(nd, cp) === undefined) return undefined;
        break;
      }
      case TYPE_RESERVED:
        nd.print('<BAD LABEL TYPE>');
        return undefined;
      default:
        if (nameChars + l <= MAXCDNAME) {
          if (!printn(nd, cp, l)) return undefined;
        } else if (nameChars < MAXCDNAME && !printn(nd, cp, MAXCDNAME - nameChars)) return undefined;
        nameChars += l;
    }
    cp += l;
    if (nameChars <= MAXCDNAME) nd.print('.');
    nameChars++;
    if (!nd.has(cp, 1)) return undefined;
    i = nd.u8(cp);
    if ((l = labellen(nd, cp)) === -1) return undefined;
    cp++;
    if (!compress) rp += l + 1;
  }
  if (nameChars > MAXCDNAME) nd.print('<DOMAIN NAME TOO LONG>');
  return rp;
}
