// Layer net: the sockets of a namespace: raw ICMP sockets (ping), UDP sockets by local port, TCP listeners
// and connections, ephemeral ports drawn from ip_local_port_range (connect's, and bind()'s to port 0),
// socket cookies, and the demux of an ICMP error to the socket whose packet it quotes (icmp_unreach ->
// udp_err / tcp_v4_err).

import type { Ipv4Addr } from '../addr/index.js';
import type { Rng } from '../sim/index.js';
import { ICMP_DEST_UNREACH, ICMP_FRAG_NEEDED, IPPROTO_TCP, icmpNextHopMtu, IPPROTO_UDP, icmpCode, icmpType, ipv4Dst, ipv4HeaderLen, ipv4Protocol, ipv4Src, udpDstPort, udpSrcPort } from '../wire/index.js';
import type { Errno } from './netlink-error.js';
import type { Netns } from './netns.js';
import type { RawSocket } from './raw-socket.js';
import { lookupBound } from './sock-bind.js';
import { cloneSkb, type Skb } from './skb.js';
import type { TcpSocket } from './tcp/tcp-socket.js';
import type { UdpSocket } from './udp-socket.js';

/** icmp_err_convert: what an ICMP unreachable code means to a socket. */
const UNREACH_ERRNO: Readonly<Record<number, Errno>> = { 0: 'ENETUNREACH', 1: 'EHOSTUNREACH', 2: 'EOPNOTSUPP', 3: 'ECONNREFUSED', 4: 'EMSGSIZE', 13: 'EHOSTUNREACH' };

export class SocketTable {
  readonly raw: RawSocket[] = [];
  readonly udp = new Map<number, UdpSocket[]>();
  readonly tcpListeners = new Map<number, TcpSocket[]>();
  readonly tcpConns = new Map<string, TcpSocket>();
  private lastCookie = 0;

  constructor(
    private readonly ns: Netns,
    private readonly rng: Rng,
  ) {}

  nextCookie(): number {
    return ++this.lastCookie;
  }

  /** An unused local port from ip_local_port_range (inet_hash_connect / udp_lib_get_port). */
  ephemeralPort(proto: 'tcp' | 'udp'): number {
    const [low, high] = this.localPortRange();
    const span = high - low + 1;
    const start = this.rng.int(0, span - 1);
    for (let i = 0; i < span; i++) {
      const port = low + ((start + i) % span);
      if (!this.portInUse(proto, port)) return port;
    }
    return 0;
  }

  /**
   * inet_csk_find_open_port, bind() to TCP port 0: odd offsets first (connect() favours the other parity),
   * and with SO_REUSEADDR the lower half of the range before the upper one. 0 when every port is taken.
   */
  bindPort(opts: { readonly isReuseaddr: boolean }): number {
    const [low, last] = this.localPortRange();
    const high = last + 1;
    const halves = opts.isReuseaddr && high - low >= 4 ? [1, 2] : [0];
    for (const half of halves) {
      const mid = low + (((high - low) >> 2) << 1);
      const lo = half === 2 ? mid : low;
      const hi = half === 1 ? mid : high;
      const remaining = hi - lo > 1 ? (hi - lo) & ~1 : hi - lo;
      const offset = this.rng.int(0, remaining - 1) | 1;
      for (const first of [offset, offset - 1]) {
        for (let i = 0, port = lo + first; i < remaining; i += 2, port += 2) {
          if (port >= hi) port -= remaining;
          if (!this.portInUse('tcp', port)) return port;
        }
      }
    }
    return 0;
  }

  /** net.ipv4.ip_local_port_range as [low, high]. */
  localPortRange(): [number, number] {
    const [lo, hi] = (this.ns.sysctl.get('net.ipv4.ip_local_port_range') ?? '32768\t60999').split('\t').map(Number);
    return [lo ?? 32768, hi ?? 60999];
  }

  portInUse(proto: 'tcp' | 'udp', port: number): boolean {
    if (proto === 'udp') return (this.udp.get(port)?.length ?? 0) > 0;
    if ((this.tcpListeners.get(port)?.length ?? 0) > 0) return true;
    for (const s of this.tcpConns.values()) if (s.localPort === port) return true;
    return false;
  }

  /** __udp4_lib_lookup: the best-scoring socket on the port for a datagram to `dst` that arrived on `dif`. */
  udpLookup(dst: Ipv4Addr, port: number, dif = 0): UdpSocket | undefined {
    const list = this.udp.get(port);
    return list ? lookupBound(list, dst, dif) : undefined;
  }

  /** raw_v4_input: every raw socket of the protocol gets its own copy. */
  deliverRaw(skb: Skb, proto: number): boolean {
    let any = false;
    for (const s of this.raw) {
      if (s.protocol !== proto) continue;
      s.receive(cloneSkb(skb));
      any = true;
    }
    return any;
  }

  deliverIcmpError(skb: Skb, icmpOff: number): void {
    const b = skb.data;
    const quoted = icmpOff + 8;
    if (b.length < quoted + 20) return;
    const proto = ipv4Protocol(b, quoted);
    const l4 = quoted + ipv4HeaderLen(b, quoted);
    if (b.length < l4 + 4) return;
    const type = icmpType(b, icmpOff);
    const code = icmpCode(b, icmpOff);
    const errno: Errno = type === ICMP_DEST_UNREACH ? UNREACH_ERRNO[code] ?? 'EHOSTUNREACH' : 'EHOSTUNREACH';
    const src = ipv4Src(b, quoted);
    const dst = ipv4Dst(b, quoted);
    const sport = udpSrcPort(b, l4);
    const dport = udpDstPort(b, l4);
    if (proto === IPPROTO_UDP) this.udpLookup(src, sport)?.error(errno, { addr: dst, port: dport });
    const info = type === ICMP_DEST_UNREACH && code === ICMP_FRAG_NEEDED ? icmpNextHopMtu(b, icmpOff) : 0;
    if (info > 0) this.ns.learnPmtu(dst, info);
    if (proto === IPPROTO_TCP) this.tcpConns.get(connKey(src, sport, dst, dport))?.icmpError(errno, type, code, info);
  }
}

export function connKey(localAddr: Ipv4Addr, localPort: number, remoteAddr: Ipv4Addr, remotePort: number): string {
  return `${localAddr >>> 0}:${localPort}>${remoteAddr >>> 0}:${remotePort}`;
}
