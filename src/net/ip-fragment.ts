// Layer net: IPv4 fragmentation (ip_do_fragment) and reassembly (net/ipv4/ip_fragment.c). Fragments carry
// 8-byte-aligned slices of the payload, MF on all but the last; reassembly keys on (src, dst, id, protocol)
// and gives up after 30 s (ipfrag_time), answering "fragment reassembly time exceeded" if it had the first.

import { ETH_P_IP, emitIpv4, parseIpv4, type Ipv4Header, type ParsedIpv4Header } from '../wire/index.js';
import { frameWith, L3_OFF } from './frame.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';

export const IPFRAG_TIME_US = 30_000_000;

/** The header fields emitIpv4 recomputes are dropped so it recomputes them. */
function reusable(h: ParsedIpv4Header, fragOffset: number, mf: boolean): Ipv4Header {
  return { tos: h.tos, id: h.id, df: h.df, mf, fragOffset, ttl: h.ttl, protocol: h.protocol, src: h.src, dst: h.dst };
}

export function fragmentIpv4(skb: Skb, mtu: number): Skb[] {
  const parsed = parseIpv4(skb.data.subarray(L3_OFF));
  if (!parsed.ok) return [skb];
  const { header, payload } = parsed.value;
  const chunk = Math.floor((mtu - header.headerLen) / 8) * 8;
  const out: Skb[] = [];
  for (let off = 0; off < payload.length; off += chunk) {
    const part = payload.subarray(off, Math.min(off + chunk, payload.length));
    const last = off + chunk >= payload.length;
    const ip = emitIpv4(reusable(header, header.fragOffset + off / 8, header.mf || !last), part);
    out.push({ data: frameWith(ip, ETH_P_IP), meta: { ...skb.meta } });
  }
  return out;
}

interface FragQueue {
  readonly parts: Array<{ offset: number; data: Uint8Array }>;
  first: ParsedIpv4Header | undefined;
  firstFrame: Uint8Array | undefined;
  totalLen: number | undefined;
}

export class Reassembler {
  private readonly queues = new Map<string, FragQueue>();

  constructor(
    private readonly ns: Netns,
    private readonly onTimeout: (first: Skb) => void,
  ) {}

  /** Datagrams being reassembled ("FRAG: inuse" in /proc/net/sockstat). */
  get queueCount(): number {
    return this.queues.size;
  }

  /** Adds a fragment; returns the whole packet (as a frame) when it is complete. */
  add(skb: Skb): Skb | undefined {
    const parsed = parseIpv4(skb.data.subarray(L3_OFF));
    if (!parsed.ok) return undefined;
    const { header, payload } = parsed.value;
    const key = `${header.src}/${header.dst}/${header.id}/${header.protocol}`;
    let q = this.queues.get(key);
    if (!q) {
      const queue: FragQueue = { parts: [], first: undefined, firstFrame: undefined, totalLen: undefined };
      q = queue;
      this.queues.set(key, queue);
      this.ns.ctx.scheduler.after(IPFRAG_TIME_US, () => this.expire(key, queue, skb));
    }
    const offset = header.fragOffset * 8;
    q.parts.push({ offset, data: payload.slice() });
    if (offset === 0) {
      q.first = header;
      q.firstFrame = skb.data.slice();
    }
    if (!header.mf) q.totalLen = offset + payload.length;
    const whole = complete(q);
    if (!whole || !q.first) return undefined;
    this.queues.delete(key);
    const ip = emitIpv4(reusable(q.first, 0, false), whole);
    return { data: frameWith(ip, ETH_P_IP), meta: { ...skb.meta } };
  }

  private expire(key: string, q: FragQueue, sample: Skb): void {
    if (this.queues.get(key) !== q) return;
    this.queues.delete(key);
    this.ns.drop(undefined, sample, 'FRAG_REASM_TIMEOUT', 'ip_expire');
    if (q.firstFrame) this.onTimeout({ data: q.firstFrame, meta: sample.meta });
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
