// Layer net: the counters behind /proc/net/sockstat, sockstat6 and snmp's Tcp CurrEstab, as `ss -s` reads
// them. Per namespace: sockets in use, hashed TCP sockets per family (TIME_WAIT and request sockets are not
// full sockets), TIME_WAIT, UDP and raw sockets, established connections. Per kernel (every namespace of
// the machine): TCP sockets allocated and orphaned. Only the modelled sockets count (no unix or netlink).

import type { Machine } from './machine.js';
import type { Netns } from './netns.js';
import type { TcpSocket } from './tcp/tcp-socket.js';

export interface SockStat {
  /** "sockets: used". */
  readonly sockets: number;
  readonly tcp4Inuse: number;
  readonly tcp6Inuse: number;
  readonly tcpOrphans: number;
  readonly tcpTw: number;
  /** "TCP: alloc": every TCP socket of the kernel, any namespace, either family. */
  readonly tcpAlloc: number;
  readonly udp4: number;
  readonly udp6: number;
  readonly raw4: number;
  readonly raw6: number;
  /** Datagrams being reassembled. */
  readonly frag4: number;
  readonly frag6: number;
  /** TCP_MIB_CURRESTAB: ESTABLISHED and CLOSE_WAIT connections. */
  readonly currEstab: number;
}

/** A struct sock of TCP: not a TIME_WAIT (inet_timewait_sock) nor a request socket in SYN_RECV. */
function isFullSock(sk: TcpSocket): boolean {
  return !sk.isTimewait && sk.state !== 'SYN_RECV' && sk.state !== 'CLOSED';
}

function tcpSockets(ns: Netns): TcpSocket[] {
  return [...[...ns.sockets.tcpListeners.values()].flat(), ...ns.sockets.tcpConns.values()];
}

export function sockstat(ns: Netns, machine: Machine | undefined): SockStat {
  const tcp = tcpSockets(ns);
  const full = tcp.filter(isFullSock);
  const tcp4Inuse = full.filter((s) => s.binding.family === 'inet').length;
  const tcp6Inuse = full.length - tcp4Inuse;
  const udp = [...ns.sockets.udp.values()].flat();
  const udp6 = udp.filter((s) => s.binding.family === 'inet6').length;
  const all = machine ? [machine.root, ...machine.namespaces.values()] : [ns];
  const kernelTcp = all.flatMap(tcpSockets).filter(isFullSock);
  return {
    sockets: full.length + udp.length + ns.sockets.raw.length,
    tcp4Inuse,
    tcp6Inuse,
    tcpOrphans: kernelTcp.filter((s) => s.isOrphan).length,
    tcpTw: tcp.filter((s) => s.isTimewait).length,
    tcpAlloc: kernelTcp.length,
    udp4: udp.length - udp6,
    udp6,
    raw4: ns.sockets.raw.length,
    raw6: 0,
    frag4: ns.reassembler.queueCount,
    frag6: 0,
    currEstab: full.filter((s) => s.state === 'ESTABLISHED' || s.state === 'CLOSE_WAIT').length,
  };
}
