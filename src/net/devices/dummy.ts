// Layer net: the dummy device (drivers/net/dummy.c), as the router's loop1/loop2: it holds addresses and
// swallows every frame routed out of it. Its operstate is UNKNOWN, as `ip -br link` shows.

import { NetDevice, type DeviceKind } from '../net-device.js';
import type { Skb } from '../skb.js';

export class DummyDevice extends NetDevice {
  readonly kind: DeviceKind = 'dummy';

  get hasCarrier(): boolean {
    return true;
  }

  override get operState(): 'UP' | 'DOWN' | 'UNKNOWN' | 'LOWERLAYERDOWN' {
    return this.isUp ? 'UNKNOWN' : 'DOWN';
  }

  startXmit(_skb: Skb): void {
    // dummy_xmit() counts the frame and frees it.
  }
}
