// Layer net: the outside of a VirtualBox NAT adapter (eth0 of every VM): the NAT engine answers ARP for its
// gateway 10.0.2.2 and DNS proxy 10.0.2.3 (MACs 52:54:00:12:35:02/03) and takes every IP packet — but the
// lab has no Internet behind it, so each one ends here as NAT_UPLINK_NO_INTERNET.

import type { Ipv4Addr, MacAddr } from '../addr/index.js';
import { mac } from '../addr/index.js';
import { ARPOP_REPLY, ARPOP_REQUEST, ETH_P_ARP, ETH_P_IP, arp, arpOp, arpSha, arpSpa, arpTpa, emitArp, ethType } from '../wire/index.js';
import type { Scheduler } from '../sim/index.js';
import type { EthernetDevice, EthernetMedium } from './devices/ethernet.js';
import { frameWith, L3_OFF, setMacs } from './frame.js';
import type { Skb } from './skb.js';

export const VBOX_NAT_GATEWAY_MAC: MacAddr = mac([0x52, 0x54, 0x00, 0x12, 0x35, 0x02]);
export const VBOX_NAT_DNS_MAC: MacAddr = mac([0x52, 0x54, 0x00, 0x12, 0x35, 0x03]);

export class NatUplink implements EthernetMedium {
  private readonly owners = new Map<number, MacAddr>();

  constructor(
    private readonly scheduler: Scheduler,
    gateway: Ipv4Addr,
    dns: Ipv4Addr,
    private readonly latencyUs = 100,
  ) {
    this.owners.set(gateway, VBOX_NAT_GATEWAY_MAC);
    this.owners.set(dns, VBOX_NAT_DNS_MAC);
  }

  transmit(from: EthernetDevice, skb: Skb): void {
    const ns = from.netns;
    if (!ns) return;
    const type = ethType(skb.data);
    if (type === ETH_P_ARP && arpOp(skb.data, L3_OFF) === ARPOP_REQUEST) {
      const owner = this.owners.get(arpTpa(skb.data, L3_OFF));
      if (owner === undefined) return;
      const reply = frameWith(emitArp(arp({ op: ARPOP_REPLY, sha: owner, spa: arpTpa(skb.data, L3_OFF), tha: arpSha(skb.data, L3_OFF), tpa: arpSpa(skb.data, L3_OFF) })), ETH_P_ARP);
      setMacs(reply, from.mac, owner);
      const meta = { ...skb.meta, traceId: ns.ctx.nextTraceId(), hops: 0 };
      this.scheduler.after(this.latencyUs, () => ns.netifRx(from, { data: reply, meta }));
      return;
    }
    if (type === ETH_P_IP) ns.ctx.drop(ns, from, skb, 'NAT_UPLINK_NO_INTERNET', 'VirtualBox NAT', 'the NAT uplink leads to no network in this lab');
  }
}
