// Layer net: the loopback device `lo` (drivers/net/loopback.c): MTU 65536, every frame sent comes straight
// back in on the same device. Local traffic to the namespace's own addresses takes this path.

import { MAC_ZERO } from '../../addr/index.js';
import { NetDevice, type DeviceKind } from '../net-device.js';
import type { Skb } from '../skb.js';

export class LoopbackDevice extends NetDevice {
  readonly kind: DeviceKind = 'loopback';

  constructor() {
    super({ name: 'lo', mac: MAC_ZERO, mtu: 65536, txqlen: 1000 });
  }

  get hasCarrier(): boolean {
    return true;
  }

  override get operState(): 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN' {
    return this.isUp ? 'UNKNOWN' : 'DOWN';
  }

  startXmit(skb: Skb): void {
    this.netns?.netifRx(this, skb);
  }
}
