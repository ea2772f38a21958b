// Layer net: a veth pair (drivers/net/veth.c). A frame sent on one end arrives on the other end's
// ingress, possibly in another namespace (a pod's eth0 and the host's lxc device). Carrier is up only
// when both ends are up. cilium_host/cilium_net are a veth pair too.

import { NetDevice, type DeviceKind, type DeviceOptions } from '../net-device.js';
import type { Skb } from '../skb.js';

export class VethDevice extends NetDevice {
  readonly kind: DeviceKind = 'veth';
  peer: VethDevice | undefined;

  constructor(opts: DeviceOptions) {
    super(opts);
  }

  /** Creates both ends; attach each to its namespace with Netns.addDevice. */
  static pair(a: DeviceOptions, b: DeviceOptions): [VethDevice, VethDevice] {
    const x = new VethDevice(a);
    const y = new VethDevice(b);
    x.peer = y;
    y.peer = x;
    return [x, y];
  }

  get hasCarrier(): boolean {
    return this.peer !== undefined && this.peer.isUp;
  }

  override get link(): NetDevice | undefined {
    return this.peer;
  }

  startXmit(skb: Skb): void {
    const peer = this.peer;
    if (!peer || !peer.isUp || !peer.netns) {
      this.stats.txDropped++;
      return;
    }
    peer.netns.netifRx(peer, skb);
  }
}
