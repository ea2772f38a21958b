// Layer net: udp_rcv (net/ipv4/udp.c): verify the checksum, find the socket bound to the destination port
// (a tunnel socket hands the frame to its device), or answer "port unreachable" and drop with NO_SOCKET.

import { IPV4_BROADCAST } from '../addr/index.js';
import { ipv4Dst, ipv4Src, udpChecksumOkAt, udpDstPort, udpLength, udpSrcPort } from '../wire/index.js';
import { L3_OFF } from './frame.js';
import { icmpSendUnreachable } from './icmp-send.js';
import { l4Offset } from './ip-input.js';
import type { NetDevice } from './net-device.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';

export function udpRcv(ns: Netns, dev: NetDevice, skb: Skb): void {
  const off = l4Offset(skb);
  const b = skb.data;
  const dst = ipv4Dst(b, L3_OFF);
  const len = udpLength(b, off);
  if (len < 8 || off + len > b.length) return ns.drop(dev, skb, 'PKT_TOO_SMALL', 'udp_rcv');
  if (!udpChecksumOkAt(b, off, len, ipv4Src(b, L3_OFF), dst)) return ns.drop(dev, skb, 'UDP_CSUM', 'udp_rcv');
  const dport = udpDstPort(b, off);
  const sock = ns.sockets.udpLookup(dst, dport, dev.ifindex);
  if (sock?.encapRcv) return sock.encapRcv(skb, off);
  if (!sock) {
    if (dst !== IPV4_BROADCAST) icmpSendUnreachable(ns, skb, 'port');
    return ns.drop(dev, skb, 'NO_SOCKET', 'udp_rcv', `no socket on port ${dport}`);
  }
  // The payload is a view on the frame, as the kernel queues the skb itself: frames are never written after delivery.
  sock.deliver(new Uint8Array(b.buffer, b.byteOffset + off + 8, len - 8), { addr: ipv4Src(b, L3_OFF), port: udpSrcPort(b, off) }, skb);
}
