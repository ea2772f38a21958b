// Layer net: an L2 broadcast domain (a VirtualBox host-only network) as a learning-free switch: a frame is
// delivered to the port owning its destination MAC, to every port when broadcast or multicast, and to
// promiscuous ports that may see everything. Each delivery takes the segment's one-way latency (plus
// seeded jitter) and frames between two ports never overtake each other. Short frames are padded to 60 bytes.

import { macFromBytes } from '../addr/index.js';
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
  /** When the last frame towards each port arrives, by the port's index in `ports`. */
  private readonly lastArrivalUs: number[] = [];

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
    this.lastArrivalUs.push(0);
    dev.medium = this;
  }

  detach(dev: EthernetDevice): void {
    const i = this.ports.indexOf(dev);
    if (i >= 0) {
      this.ports.splice(i, 1);
      this.lastArrivalUs.splice(i, 1);
    }
    if (dev.medium === this) dev.medium = undefined;
  }

  transmit(from: EthernetDevice, skb: Skb): void {
    const dst = macFromBytes(skb.data, 0);
    // The I/G bit, the first byte's lowest: broadcast and multicast go to every port.
    const flood = ((skb.data[0] as number) & 1) === 1;
    const frame = skb.data.length < ETH_ZLEN ? padFrame(skb.data) : skb.data;
    let first = true;
    const ports = this.ports;
    for (let i = 0; i < ports.length; i++) {
      const port = ports[i]!;
      if (port === from || !port.isUp) continue;
      if (!flood && port.mac !== dst && !port.receivesOtherHost) continue;
      this.deliver(i, port, first ? frame : copySkbData(frame), skb.meta);
      first = false;
    }
  }

  /** The far end (port `i`) gets its own skb: the bytes (each port after the first a copy) and a fresh wire meta. */
  private deliver(i: number, port: EthernetDevice, data: Uint8Array, meta: SkbMeta): void {
    const jitter = this.jitterUs > 0 ? this.rng.int(0, this.jitterUs) : 0;
    const at = Math.max(this.scheduler.nowUs + this.latencyUs + jitter, (this.lastArrivalUs[i] as number) + 1);
    this.lastArrivalUs[i] = at;
    this.scheduler.at(at, arrive, { port, skb: { data, meta: wireMeta(meta) } });
  }
}

/** A frame reaching its port at the far end of the wire. */
function arrive(a: { readonly port: EthernetDevice; readonly skb: Skb }): void {
  a.port.netns?.netifRx(a.port, a.skb);
}

function padFrame(data: Uint8Array): Uint8Array {
  const out = allocSkbData(ETH_ZLEN);
  out.set(data);
  return out;
}
