// Layer net: what `ss -uan` (inet_diag, net/ipv4/udp_diag.c udp_dump) reports about a namespace's UDP
// sockets for one family: each bound socket in udp_hashfn slot order, newest first within a slot, as UNCONN
// or (after connect) ESTAB, with its addresses, family and bound device. Datagrams are handed to their
// socket's reader at once, so Recv-Q and Send-Q are 0.
//
// @example
//   for (const d of udpDiag(ns, 'inet')) console.log(d.state, d.localPort);

import type { Ipv4Addr } from '../addr/index.js';
import type { Netns } from './netns.js';
import type { SockBinding, SockFamily } from './sock-bind.js';
import { inSlotOrder, udpSlot } from './sock-hash.js';
import type { UdpSocket } from './udp-socket.js';

export interface UdpDiagEntry {
  readonly state: 'UNCONN' | 'ESTAB';
  readonly recvQ: number;
  readonly sendQ: number;
  readonly localAddr: Ipv4Addr;
  readonly localPort: number;
  readonly peerAddr: Ipv4Addr;
  readonly peerPort: number;
  readonly binding: SockBinding;
  readonly socket: UdpSocket;
}

export function udpDiag(ns: Netns, family: SockFamily): UdpDiagEntry[] {
  const socks = [];
  for (const [port, list] of ns.sockets.udp) {
    for (const s of list) if (s.binding.family === family) socks.push({ s, slot: udpSlot(ns, port), cookie: s.cookie, isTailAdded: false });
  }
  return inSlotOrder(socks).map(({ s }) => ({
    state: s.remote ? 'ESTAB' : 'UNCONN',
    recvQ: 0,
    sendQ: 0,
    localAddr: s.localAddr,
    localPort: s.localPort,
    peerAddr: s.remote?.addr ?? (0 as Ipv4Addr),
    peerPort: s.remote?.port ?? 0,
    binding: s.binding,
    socket: s,
  }));
}
