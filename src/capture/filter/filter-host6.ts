// Layer capture (filter): IPv6 addresses in filters (gen_mcode6, gen_host6): "host fe80::1", "net
// 2001:db8::/32". The lab carries no IPv6, but the expressions compile and match as libpcap's do. Also
// pcap_ether_aton() for the MAC forms the scanner accepts.

import { and, or, type Node } from './filter-ir.js';
import type { CompileState } from './filter-link.js';
import type { Qual } from './filter-qual.js';

/** inet_pton(AF_INET6): 16 bytes, or undefined. */
export function parseIpv6(s: string): Uint8Array | undefined {
  let isBad = false;
  const text = s.replace(/(\d+)\.(\d+)\.(\d+)\.(\d+)$/, (_, a: string, b: string, c: string, d: string) => {
    const p = [a, b, c, d].map(Number);
    isBad = p.some((x) => x > 255);
    return `${(((p[0] ?? 0) << 8) | (p[1] ?? 0)).toString(16)}:${(((p[2] ?? 0) << 8) | (p[3] ?? 0)).toString(16)}`;
  });
  const halves = text.split('::');
  if (isBad || halves.length > 2) return undefined;
  const groups = (h: string) => (h === '' ? [] : h.split(':').map((g) => (/^[0-9a-fA-F]{1,4}$/.test(g) ? Number.parseInt(g, 16) : Number.NaN)));
  const left = groups(halves[0] ?? '');
  const right = halves.length === 2 ? groups(halves[1] ?? '') : [];
  const fill = 8 - left.length - right.length;
  if ((halves.length === 1 && fill !== 0) || (halves.length === 2 && fill < 1) || [...left, ...right].some(Number.isNaN)) return undefined;
  const all = [...left, ...new Array<number>(halves.length === 2 ? fill : 0).fill(0), ...right];
  const out = new Uint8Array(16);
  all.forEach((g, i) => {
    out[i * 2] = g >> 8;
    out[i * 2 + 1] = g & 0xff;
  });
  return out;
}

function word(b: Uint8Array, i: number): number {
  return (((b[i] ?? 0) << 24) | ((b[i + 1] ?? 0) << 16) | ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0)) >>> 0;
}

/** gen_hostop6(): 16 bytes at 8 (source) or 24 (destination) of the IPv6 header, under a prefix mask. */
function hostop6(cs: CompileState, addr: Uint8Array, mask: Uint8Array, dir: Qual['dir']): Node {
  const side = (off: number) => {
    let b: Node = cs.cmp('pl', off + 12, 4, word(addr, 12) & word(mask, 12), word(mask, 12));
    for (const i of [8, 4, 0]) b = and(cs.cmp('pl', off + i, 4, word(addr, i) & word(mask, i), word(mask, i)), b);
    return and(cs.linktype(0x86dd), b);
  };
  if (dir === 'src') return side(8);
  if (dir === 'dst') return side(24);
  if (dir === 'and') return and(side(8), side(24));
  if (dir === 'default' || dir === 'or') return or(side(8), side(24));
  return cs.fail(`'${dir}' is not a valid qualifier for addresses other than 802.11 MAC addresses`);
}

/** gen_mcode6(): "host A6" (masklen 128) or "net A6/len". */
export function genMcode6(cs: CompileState, s: string, masklen: number, q: Qual): Node {
  const addr = parseIpv6(s);
  if (!addr) return cs.fail(`invalid ip6 address ${s}`);
  if (masklen > 128) return cs.fail('mask length must be <= 128');
  const mask = new Uint8Array(16);
  for (let i = 0; i < 16; i++) mask[i] = masklen >= (i + 1) * 8 ? 0xff : masklen > i * 8 ? (0xff << (8 - (masklen - i * 8))) & 0xff : 0;
  if (addr.some((b, i) => (b & ~(mask[i] ?? 0)) !== 0)) return cs.fail(`non-network bits set in "${s}/${masklen}"`);
  if (q.addr === 'default' || q.addr === 'host') {
    if (masklen !== 128) return cs.fail('Mask syntax for networks only');
  } else if (q.addr !== 'net') return cs.fail('invalid qualifier against IPv6 address');
  const typestr = q.addr === 'net' ? 'net' : 'host';
  if (q.proto === 'default' || q.proto === 'ip6') return hostop6(cs, addr, mask, q.dir);
  if (q.proto === 'link') return cs.fail(`link-layer modifier applied to ip6 ${typestr}`);
  return cs.fail(`'${q.proto}' modifier applied to ip6 ${typestr}`);
}

/** pcap_ether_aton(): the forms the scanner's MAC rule matches. */
export function etherAton(s: string): Uint8Array {
  const hex = s.includes(':') || s.includes('-') ? s.split(/[:-]/).map((p) => p.padStart(2, '0')).join('') : s.includes('.') && s.length === 14 ? s.split('.').join('') : s.includes('.') ? s.split('.').map((p) => p.padStart(2, '0')).join('') : s;
  const out = new Uint8Array(6);
  for (let i = 0; i < 6; i++) out[i] = Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
