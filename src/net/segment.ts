// Layer net: an L2 broadcast domain (a VirtualBox host-only network) as a learning-free switch: a frame is
// delivered to the port owning its destination MAC, to every port when broadcast or multicast, and to
// promiscuous ports that may see everything. Each delivery takes the segment's one-way latency (plus
// seeded jitter) and frames between two ports never overtake each other. Short frames are padded to 60 bytes.

import { MAC_BROADCAST, macFromBytes, isMulticastMac } from '../addr/index.js';
import type { Rng, Scheduler } from '../sim/index.js';
import type { EthernetDevice, EthernetMedium } from './devices/ethernet.js';
import { wireMeta, type Skb, type SkbMeta } from './skb.js';
import { allocSkbData, copySkbData } from './skb-data.js';

export const ETH_ZLEN = 60;

export interface SegmentOptions {
  readonly name: string;
  readonly latencyUs: number;
  readonly jitterUs?: number;
}

export class Segment implements EthernetMedium {
  readonly name: string;
  readonly latencyUs: number;
  readonly jitterUs: number;
  readonly ports: EthernetDevice[] = [];
  /** When the last frame towards each port arrives (a mutable cell per port: one map lookup per frame). */
  private readonly lastArrival = new Map<EthernetDevice, { us: number }>();

  constructor(
    opts: SegmentOptions,
    private readonly scheduler: Scheduler,
    private readonly rng: Rng,
  ) {
    this.name = opts.name;
    this.latencyUs = opts.latencyUs;
    this.jitterUs = opts.jitterUs ?? 0;
  }

  attach(dev: EthernetDevice): void {
    this.ports.push(dev);
    dev.medium = this;
  }

  detach(dev: EthernetDevice): void {
    const i = this.ports.indexOf(dev);
    if (i >= 0) this.ports.splice(i, 1);
    if (dev.medium === this) dev.medium = undefined;
  }

  transmit(from: EthernetDevice, skb: Skb): void {
    const dst = macFromBytes(skb.data, 0);
    const flood = dst === MAC_BROADCAST || isMulticastMac(dst);
    const frame = skb.data.length < ETH_ZLEN ? padFrame(skb.data) : skb.data;
    let first = true;
    const ports = this.ports;
    for (let i = 0; i < ports.length; i++) {
      const port = ports[i]!;
      if (port === from || !port.isUp) continue;
      if (!flood && port.mac !== dst && !port.receivesOtherHost) continue;
      this.deliver(port, first ? frame : copySkbData(frame), skb.meta);
      first = false;
    }
  }

  /** The far end gets its own skb: the bytes (each port after the first a copy) and a fresh wire meta. */
  private deliver(port: EthernetDevice, data: Uint8Array, meta: SkbMeta): void {
    const jitter = this.jitterUs > 0 ? this.rng.int(0, this.jitterUs) : 0;
    let last = this.lastArrival.get(port);
    if (!last) {
      last = { us: 0 };
      this.lastArrival.set(port, last);
    }
    const at = Math.max(this.scheduler.nowUs + this.latencyUs + jitter, last.us + 1);
    last.us = at;
    const arriving: Skb = { data, meta: wireMeta(meta) };
    this.scheduler.at(at, () => port.netns?.netifRx(port, arriving));
  }
}

function padFrame(data: Uint8Array): Uint8Array {
  const out = allocSkbData(ETH_ZLEN);
  out.set(data);
  return out;
}
