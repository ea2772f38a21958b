// Layer net: IPv4 fragmentation (ip_do_fragment) and reassembly (net/ipv4/ip_fragment.c). Fragments carry
// 8-byte-aligned slices of the payload, MF on all but the last; reassembly keys on (src, dst, id, protocol)
// and gives up after 30 s (ipfrag_time), answering "fragment reassembly time exceeded" if it had the first.

import { emitIpv4, ipv4HeaderLen, parseIpv4Packet } from '../wire/index.js';
import { frameWith, L3_OFF } from './frame.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';
import { ETH_P_IP } from '../wire/index.js';

export const IPFRAG_TIME_US = 30_000_000;

export function fragmentIpv4(skb: Skb, mtu: number): Skb[] {
  const parsed = parseIpv4Packet(skb.data.subarray(L3_OFF));
  if (!parsed.ok) return [skb];
  const { header, payload } = parsed.value;
  const hlen = ipv4HeaderLen(skb.data, L3_OFF);
  const chunk = Math.floor((mtu - hlen) / 8) * 8;
  const out: Skb[] = [];
  for (let off = 0; off < payload.length; off += chunk) {
    const part = payload.subarray(off, Math.min(off + chunk, payload.length));
    const last = off + chunk >= payload.length;
    const ip = emitIpv4(
      { ...header, fragOffset: header.fragOffset + off / 8, moreFragments: header.moreFragments || !last, checksum: undefined, totalLength: undefined },
      part,
    );
    out.push({ data: frameWith(ip, ETH_P_IP), meta: { ...skb.meta } });
  }
  return out;
}

interface FragQueue {
  readonly parts: Array<{ offset: number; data: Uint8Array }>;
  first: Uint8Array | undefined;
  totalLen: number | undefined;
  timerAt: number;
}

export class Reassembler {
  private readonly queues = new Map<string, FragQueue>();

  constructor(
    private readonly ns: Netns,
    private readonly onTimeout: (first: Skb) => void,
  ) {}

  /** Adds a fragment; returns the whole packet (as a frame) when it is complete. */
  add(skb: Skb): Skb | undefined {
    const parsed = parseIpv4Packet(skb.data.subarray(L3_OFF));
    if (!parsed.ok) return undefined;
    const { header, payload } = parsed.value;
    const key = `${header.src}/${header.dst}/${header.id}/${header.protocol}`;
    let q = this.queues.get(key);
    if (!q) {
      q = { parts: [], first: undefined, totalLen: undefined, timerAt: this.ns.now + IPFRAG_TIME_US };
      this.queues.set(key, q);
      const queue = q;
      this.ns.ctx.scheduler.at(q.timerAt, () => this.expire(key, queue, skb));
    }
    const offset = header.fragOffset * 8;
    q.parts.push({ offset, data: payload.slice() });
    if (offset === 0) q.first = skb.data.slice();
    if (!header.moreFragments) q.totalLen = offset + payload.length;
    const whole = complete(q);
    if (!whole || !q.first) return undefined;
    this.queues.delete(key);
    const firstHdr = parseIpv4Packet(q.first.subarray(L3_OFF));
    if (!firstHdr.ok) return undefined;
    const ip = emitIpv4({ ...firstHdr.value.header, fragOffset: 0, moreFragments: false, checksum: undefined, totalLength: undefined }, whole);
    return { data: frameWith(ip, ETH_P_IP), meta: { ...skb.meta } };
  }

  private expire(key: string, q: FragQueue, sample: Skb): void {
    if (this.queues.get(key) !== q) return;
    this.queues.delete(key);
    this.ns.drop(undefined, sample, 'FRAG_REASM_TIMEOUT', 'ip_expire');
    if (q.first) this.onTimeout({ data: q.first, meta: sample.meta });
  }
}

function complete(q: FragQueue): Uint8Array | undefined {
  if (q.totalLen === undefined) return undefined;
  const buf = new Uint8Array(q.totalLen);
  let covered = 0;
  for (const p of [...q.parts].sort((a, b) => a.offset - b.offset)) {
    if (p.offset > covered) return undefined;
    buf.set(p.data.subarray(0, Math.max(0, Math.min(p.data.length, q.totalLen - p.offset))), p.offset);
    covered = Math.max(covered, p.offset + p.data.length);
  }
  return covered >= q.totalLen ? buf : undefined;
}
