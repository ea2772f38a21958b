// Layer net: an Ethernet NIC (a VirtualBox e1000 in the real lab) plugged into an L2 segment.
// `promiscPolicy` is VirtualBox's --nicpromisc setting: with "allow-all" the NIC really receives other
// hosts' unicast frames while the guest holds it promiscuous (tcpdump does); with "deny" it never does.

import { NetDevice, type DeviceKind, type DeviceOptions } from '../net-device.js';
import type { Skb } from '../skb.js';

/** What an Ethernet device transmits into: an L2 segment (switch) or a NAT uplink. */
export interface EthernetMedium {
  transmit(from: EthernetDevice, skb: Skb): void;
}

export class EthernetDevice extends NetDevice {
  readonly kind: DeviceKind = 'ethernet';
  medium: EthernetMedium | undefined;
  promiscPolicy: 'deny' | 'allow-all';

  constructor(opts: DeviceOptions & { promiscPolicy?: 'deny' | 'allow-all' }) {
    super({ qdisc: 'fq_codel', ...opts });
    this.promiscPolicy = opts.promiscPolicy ?? 'deny';
  }

  get hasCarrier(): boolean {
    return this.medium !== undefined;
  }

  /** Whether frames for other MACs reach the guest right now. */
  get receivesOtherHost(): boolean {
    return this.isPromisc && this.promiscPolicy === 'allow-all';
  }

  startXmit(skb: Skb): void {
    if (!this.medium) {
      this.stats.txErrors++;
      return;
    }
    this.medium.transmit(this, skb);
  }
}
