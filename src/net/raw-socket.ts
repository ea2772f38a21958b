// Layer net: a raw IPv4 socket (net/ipv4/raw.c) as iputils ping opens it: SOCK_RAW/IPPROTO_ICMP. It receives
// a copy of every ICMP packet delivered to the namespace (replies and errors alike; ping filters by its id)
// and sends ICMP messages the kernel wraps in an IP header, honouring TTL, TOS, PMTU mode and SO_BINDTODEVICE.

import type { Ipv4Addr } from '../addr/index.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import { sendIpPacket, type IpSendResult, type PmtuDisc } from './ip-send.js';
import type { Skb } from './skb.js';

export interface RawSendOptions {
  readonly ttl?: number;
  readonly tos?: number;
  readonly pmtudisc?: PmtuDisc;
  readonly src?: Ipv4Addr;
  readonly oif?: NetDevice;
  readonly mark?: number;
}

export class RawSocket {
  onPacket: ((skb: Skb) => void) | undefined;

  constructor(
    readonly ns: Netns,
    readonly protocol: number,
  ) {
    ns.sockets.raw.push(this);
  }

  receive(skb: Skb): void {
    this.onPacket?.(skb);
  }

  sendto(dst: Ipv4Addr, payload: Uint8Array, o: RawSendOptions = {}): IpSendResult {
    return sendIpPacket(
      this.ns,
      {
        dst,
        src: o.src,
        protocol: this.protocol,
        ...(o.ttl !== undefined ? { ttl: o.ttl } : {}),
        ...(o.tos !== undefined ? { tos: o.tos } : {}),
        pmtudisc: o.pmtudisc ?? 'want',
        oif: o.oif,
        ...(o.mark !== undefined ? { mark: o.mark } : {}),
      },
      payload,
    );
  }

  close(): void {
    const i = this.ns.sockets.raw.indexOf(this);
    if (i >= 0) this.ns.sockets.raw.splice(i, 1);
    this.onPacket = undefined;
  }
}
