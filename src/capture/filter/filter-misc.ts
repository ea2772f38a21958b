// Layer capture (filter): the primitives that are neither hosts nor ports: inbound/outbound and ifindex
// (the SLL2 header, or the socket's metadata on a live Ethernet capture), less/greater (wire length),
// byte, vlan [id] (moves later offsets 4 bytes on) and geneve [vni] (later primitives look inside).

import { and, not, or, type Node } from './filter-ir.js';
import { dltDescription, geneveLayout, shiftedLayout, type CompileState } from './filter-link.js';
import { genPort4, genPort6, IPPROTO } from './filter-proto.js';

const PACKET_OUTGOING = 4;
const GENEVE_PORT = 6081;

export function genInbound(cs: CompileState, isOutbound: boolean): Node {
  let b: Node;
  if (cs.dlt === 'linux-sll2') b = cs.cmp('hdr', 10, 1, PACKET_OUTGOING);
  else if (cs.opts.isSavefile) return cs.fail(`inbound/outbound not supported on ${dltDescription(cs.dlt)} when reading savefiles`);
  else b = { t: 'meta', field: 'pkttype', v: PACKET_OUTGOING };
  return isOutbound ? b : not(b);
}

export function genIfindex(cs: CompileState, ifindex: number): Node {
  if (cs.dlt === 'linux-sll2') return cs.cmp('hdr', 4, 4, ifindex);
  if (cs.opts.isSavefile) return cs.fail(`ifindex not supported on ${dltDescription(cs.dlt)} when reading savefiles`);
  return { t: 'meta', field: 'ifindex', v: ifindex };
}

/** gen_less (len <= n) and gen_greater (len >= n). */
export function genLen(isGreater: boolean, n: number): Node {
  const rel: Node = { t: 'rel', op: isGreater ? 'ge' : 'gt', a: { t: 'len' }, b: { t: 'imm', v: n >>> 0 } };
  return isGreater ? rel : not(rel);
}

/** gen_byteop(): "byte N op V" on the byte N of the link header. */
export function genByteop(cs: CompileState, op: string, idx: number, val: number): Node {
  switch (op) {
    case '=':
      return cs.cmp('hdr', idx, 1, val);
    case '<':
      return not(cs.cmp('hdr', idx, 1, val, 0xffffffff, 'ge'));
    case '>':
      return cs.cmp('hdr', idx, 1, val, 0xffffffff, 'gt');
    case '&':
      // libpcap 1.10 forgets the load for & and | (the ALU works on whatever A held); ciliumlab tests the byte.
      return not(cs.cmp('hdr', idx, 1, 0, val));
    default:
      return val !== 0 ? { t: 'const', v: true } : not(cs.cmp('hdr', idx, 1, 0));
  }
}

/** gen_vlan(): an 802.1Q/802.1ad/9100 tag, optionally with this VLAN id; later offsets move past it. */
export function genVlan(cs: CompileState, vid: number | undefined): Node {
  if (cs.dlt !== 'en10mb') return cs.fail(`no VLAN support for ${dltDescription(cs.dlt)}`);
  let b = or(or(cs.cmp('type', 0, 2, 0x8100), cs.cmp('type', 0, 2, 0x88a8)), cs.cmp('type', 0, 2, 0x9100));
  if (vid !== undefined) {
    if (vid > 0x0fff) return cs.fail(`VLAN tag ${vid} greater than maximum ${0x0fff}`);
    b = and(b, cs.cmp('pl', 0, 2, vid, 0x0fff));
  }
  cs.layout = shiftedLayout(cs.layout, 4);
  return b;
}

/** gen_geneve(): UDP to 6081, Geneve version 0, optionally this VNI; later primitives apply to the payload. */
export function genGeneve(cs: CompileState, vni: number | undefined): Node {
  if (vni !== undefined && vni > 0xffffff) return cs.fail(`Geneve VNI ${vni} greater than maximum ${0xffffff}`);
  const check = (port: Node, rel: 'tran' | 'pl', base: number) => {
    const b = and(port, cs.cmp(rel, base + 8, 1, 0, 0xc0));
    return vni === undefined ? b : and(b, cs.cmp(rel, base + 12, 4, (vni << 8) >>> 0, 0xffffff00));
  };
  const b = or(check(genPort4(cs, GENEVE_PORT, IPPROTO.UDP, 'dst'), 'tran', 0), check(genPort6(cs, GENEVE_PORT, IPPROTO.UDP, 'dst'), 'pl', 40));
  const outer = cs.layout;
  cs.layout = geneveLayout(outer);
  cs.isOptimized = false;
  return and(b, { t: 'geneve', outer });
}
