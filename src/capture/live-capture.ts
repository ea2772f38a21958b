// Layer capture: a packet socket on one network namespace, as libpcap opens it for tcpdump. Every frame a
// device sends or receives (the trace bus's 'packet' taps: ingress before tc, egress after) becomes a pcap
// record: the Ethernet frame for one interface (EN10MB), or a LINUX_SLL2 pseudo-header and the frame's
// payload for "any" (ifindex, direction from the MAC like eth_type_trans, the sender's MAC). Capturing on
// one interface holds it promiscuous (a count, like dev_set_promiscuity) unless -p.

import { macFromBytes } from '../addr/index.js';
import type { NetDevice } from '../net/net-device.js';
import type { Netns } from '../net/netns.js';
import type { PacketEvent } from '../net/net-context.js';
import { ARPHRD_ETHER, ARPHRD_LOOPBACK, PACKET_BROADCAST, PACKET_HOST, PACKET_MULTICAST, PACKET_OTHERHOST, PACKET_OUTGOING, SLL2_HEADER_LEN, writeSll2Header } from '../wire/index.js';
import type { CompiledFilter } from './filter/compile-filter.js';
import type { PrintRecord } from './print/packet-printer.js';

export interface CaptureRecord extends PrintRecord {
  readonly origLen: number;
  /** PACKET_HOST .. PACKET_OUTGOING. */
  readonly pkttype: number;
  readonly ifindex: number;
}

export interface LiveCaptureOptions {
  readonly netns: Netns;
  /** The interface, or undefined for "any". */
  readonly device: NetDevice | undefined;
  readonly snaplen: number;
  /** -p turns it off; "any" never sets it. */
  readonly isPromisc: boolean;
  /** -Q: which directions the socket delivers. */
  readonly direction: 'inout' | 'in' | 'out';
  readonly filter?: CompiledFilter;
  /** Wall-clock microseconds at virtual time 0 (the lab's clock). */
  readonly epochUs: number;
  readonly onRecord: (rec: CaptureRecord) => void;
}

const ETH_HLEN = 14;
const promiscHolders = new WeakMap<NetDevice, { count: number; wasPromisc: boolean }>();

function holdPromisc(dev: NetDevice): void {
  const h = promiscHolders.get(dev) ?? { count: 0, wasPromisc: dev.isPromisc };
  h.count++;
  promiscHolders.set(dev, h);
  dev.isPromisc = true;
}

function releasePromisc(dev: NetDevice): void {
  const h = promiscHolders.get(dev);
  if (!h) return;
  if (--h.count === 0) {
    dev.isPromisc = h.wasPromisc;
    promiscHolders.delete(dev);
  }
}

/** eth_type_trans(): how a received frame was addressed relative to the device. */
function pktType(e: PacketEvent): number {
  if (e.dir === 'out') return PACKET_OUTGOING;
  const d = e.data;
  if (e.dev.kind === 'loopback') return PACKET_HOST;
  if ((d[0] ?? 0) & 1) return d.subarray(0, 6).every((b) => b === 0xff) ? PACKET_BROADCAST : PACKET_MULTICAST;
  return macFromBytes(d, 0) === e.dev.mac ? PACKET_HOST : PACKET_OTHERHOST;
}

/** The LINUX_SLL2 record libpcap builds for a frame seen on `dev`. */
export function sll2Record(e: PacketEvent): Uint8Array {
  const d = e.data;
  const out = new Uint8Array(SLL2_HEADER_LEN + Math.max(0, d.length - ETH_HLEN));
  writeSll2Header(out, 0, {
    protocol: ((d[12] ?? 0) << 8) | (d[13] ?? 0),
    ifindex: e.dev.ifindex,
    hatype: e.dev.kind === 'loopback' ? ARPHRD_LOOPBACK : ARPHRD_ETHER,
    pkttype: pktType(e),
    addr: d.subarray(6, 12),
  });
  out.set(d.subarray(ETH_HLEN), SLL2_HEADER_LEN);
  return out;
}

export class LiveCapture {
  /** ps_recv: packets the filter accepted. */
  received = 0;
  private off: (() => void) | undefined;

  constructor(private readonly opts: LiveCaptureOptions) {}

  /** @example const c = new LiveCapture({ netns, device: undefined, ... }); c.start(); ...; c.stop() */
  start(): void {
    const o = this.opts;
    if (o.device && o.isPromisc) holdPromisc(o.device);
    this.off = o.netns.ctx.trace.on('packet', (e) => {
      if (e.netns === o.netns && (!o.device || e.dev === o.device)) this.deliver(e);
    });
  }

  stop(): void {
    this.off?.();
    this.off = undefined;
    if (this.opts.device && this.opts.isPromisc) releasePromisc(this.opts.device);
  }

  get isRunning(): boolean {
    return this.off !== undefined;
  }

  private deliver(e: PacketEvent): void {
    const o = this.opts;
    if ((o.direction === 'in' && e.dir === 'out') || (o.direction === 'out' && e.dir === 'in')) return;
    const full = o.device ? e.data : sll2Record(e);
    const pkttype = pktType(e);
    const rec = { data: full, wirelen: full.length, pkttype, ifindex: e.dev.ifindex };
    if (o.filter && !o.filter.match(rec)) return;
    this.received++;
    const us = o.epochUs + e.timeUs;
    const data = full.length > o.snaplen ? full.subarray(0, o.snaplen) : full;
    o.onRecord({ tsSec: Math.floor(us / 1_000_000), tsUsec: us % 1_000_000, data, origLen: full.length, pkttype, ifindex: e.dev.ifindex });
  }
}
