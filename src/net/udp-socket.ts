// Layer net: a UDP socket (net/ipv4/udp.c): bind, connect, sendto and receive, with the cgroup hooks Cilium's
// socket LB uses (connect4 / sendmsg4 translate a service address to a backend, recvmsg4 translates the
// reply's source back). A tunnel device's socket sets `encapRcv` instead (udp_tunnel: vxlan_rcv, geneve_rcv).

import type { Ipv4Addr } from '../addr/index.js';
import { IPPROTO_UDP, UDP_HEADER_LEN, writeUdp } from '../wire/index.js';
import { sendIp, type IpSendOptions, type IpSendResult, type PmtuDisc } from './ip-send.js';
import type { Errno } from './netlink-error.js';
import type { Netns } from './netns.js';
import type { Skb } from './skb.js';
import { bindConflict, INET_BINDING, sockBinding, type BindOptions, type SockBinding } from './sock-bind.js';
import type { SockAddr } from './sock-hooks.js';

export type UdpSendResult = IpSendResult | { readonly ok: false; readonly errno: Errno };

export class UdpSocket {
  localAddr = 0 as Ipv4Addr;
  localPort = 0;
  /** Family, device and SO_REUSEPORT, set by bind. */
  binding: SockBinding = INET_BINDING;
  remote: SockAddr | undefined;
  readonly cookie: number;
  pmtudisc: PmtuDisc = 'want';
  onMessage: ((payload: Uint8Array, from: SockAddr, skb: Skb) => void) | undefined;
  onError: ((errno: Errno, dst: SockAddr) => void) | undefined;
  /** A UDP tunnel's receive hook: the whole frame and the offset of its UDP header. */
  encapRcv: ((skb: Skb, udpOff: number) => void) | undefined;

  constructor(readonly ns: Netns) {
    this.cookie = ns.sockets.nextCookie();
  }

  /** bind(): `addr` 0 is INADDR_ANY (or :: for an AF_INET6 socket); port 0 takes an ephemeral port. */
  bind(addr: Ipv4Addr, port: number, opts: BindOptions = {}): Errno | undefined {
    if (addr !== 0 && !this.ns.isLocalAddr(addr)) return 'EADDRNOTAVAIL';
    const binding = sockBinding(opts);
    const p = port === 0 ? this.ns.sockets.ephemeralPort('udp') : port;
    if ((this.ns.sockets.udp.get(p) ?? []).some((s) => bindConflict(s, { localAddr: addr, binding }))) return 'EADDRINUSE';
    this.localAddr = addr;
    this.localPort = p;
    this.binding = binding;
    const list = this.ns.sockets.udp.get(p) ?? [];
    list.push(this);
    this.ns.sockets.udp.set(p, list);
    return undefined;
  }

  connect(dst: SockAddr): Errno | undefined {
    const to = this.translate(dst);
    if ('errno' in to) return to.errno;
    this.remote = to;
    if (this.localPort === 0) return this.bind(0 as Ipv4Addr, 0);
    return undefined;
  }

  sendto(payload: Uint8Array, dst?: SockAddr): UdpSendResult {
    let to = this.remote;
    if (dst) {
      const t = this.translate(dst);
      if ('errno' in t) return { ok: false, errno: t.errno };
      to = t;
    }
    if (!to) return { ok: false, errno: 'EINVAL' as Errno };
    if (this.localPort === 0) {
      const err = this.bind(0 as Ipv4Addr, 0);
      if (err) return { ok: false, errno: err };
    }
    const srcPort = this.localPort;
    const { addr, port: dstPort } = to;
    const bound = this.localAddr !== 0 ? this.localAddr : undefined;
    return sendIp(this.ns, { dst: addr, src: bound, protocol: IPPROTO_UDP, pmtudisc: this.pmtudisc, srcPort, dstPort, payload }, UDP_HEADER_LEN + payload.length, writeDatagram);
  }

  /** Incoming datagram for this socket. */
  deliver(payload: Uint8Array, from: SockAddr, skb: Skb): void {
    const peer = this.ns.sockHooks.recvmsg4 ? this.ns.sockHooks.recvmsg4('udp', from, this.cookie) : from;
    this.onMessage?.(payload, peer, skb);
  }

  error(errno: Errno, dst: SockAddr): void {
    this.onError?.(errno, dst);
  }

  close(): void {
    const list = this.ns.sockets.udp.get(this.localPort);
    if (list) {
      const i = list.indexOf(this);
      if (i >= 0) list.splice(i, 1);
      if (list.length === 0) this.ns.sockets.udp.delete(this.localPort);
    }
    this.onMessage = undefined;
  }

  private translate(dst: SockAddr): SockAddr | { errno: Errno } {
    const hook = this.ns.sockHooks.connect4;
    if (!hook) return dst;
    const r = hook('udp', dst, this.cookie);
    if (r.kind === 'error') return { errno: r.errno };
    return r.kind === 'rewrite' ? r.to : dst;
  }
}

/** A datagram's send options: the IP ones and what writeDatagram puts in the frame. */
interface DatagramSend extends IpSendOptions {
  readonly srcPort: number;
  readonly dstPort: number;
  readonly payload: Uint8Array;
}

function writeDatagram(frame: Uint8Array, off: number, src: Ipv4Addr, o: DatagramSend): void {
  writeUdp(frame, off, o, o.payload, { src, dst: o.dst });
}
