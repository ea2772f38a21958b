// Layer net/tcp: a TCP socket (RFC 9293 as net/ipv4/tcp*.c implements it): listen, connect (through the
// cgroup connect4 hook, where Cilium's socket LB turns a ClusterIP into a backend), send, close, abort.
// The control block (tp) holds the protocol state; input, output and timers live in the sibling modules.
// Application handlers are called from the virtual clock, never from inside the stack (tcp-app.ts).
//
// @example
//   const srv = TcpSocket.listen(nsB, 0 as Ipv4Addr, 80);
//   if (typeof srv !== 'string') srv.onAccept = (c) => { c.onData = (d) => { c.send(reply); c.close(); }; };
//   const cli = TcpSocket.connect(nsA, { addr: ipB, port: 80 });
//   if (typeof cli !== 'string') cli.onConnected = () => cli.send(request);

import type { Ipv4Addr } from '../../addr/index.js';
import type { Errno } from '../netlink-error.js';
import type { Netns } from '../netns.js';
import { routeOutput } from '../route-output.js';
import { bindConflict, INET_BINDING, sockBinding, type BindOptions, type SockBinding } from '../sock-bind.js';
import type { SockAddr } from '../sock-hooks.js';
import { connKey } from '../socket-table.js';
import { flushApp } from './tcp-app.js';
import { newTcpCb, type TcpCb } from './tcp-cb.js';
import { TCP_INIT_CWND, tcpSomaxconn, tcpSysctls } from './tcp-const.js';
import { tcpV4Err } from './tcp-err.js';
import { sendActiveReset } from './tcp-output.js';
import { resetKeepalive, type KeepaliveConfig } from './tcp-probe.js';
import { setState, tcpDone, tcpRng, timeWait } from './tcp-state.js';
import { sendFin, sendSyn, sendmsg } from './tcp-xmit.js';
import { fullSpace, selectInitialWindow } from './tcp-window.js';

/** bind + listen options: the binding, and SO_REUSEADDR (which makes bind() to port 0 try the lower half of the range first). */
export type ListenOptions = BindOptions & { readonly isReuseaddr?: boolean };

export type TcpState = 'CLOSED' | 'LISTEN' | 'SYN_SENT' | 'SYN_RECV' | 'ESTABLISHED' | 'FIN_WAIT1' | 'FIN_WAIT2' | 'CLOSE_WAIT' | 'CLOSING' | 'LAST_ACK' | 'TIME_WAIT';

/** What is waiting to be told to the application (see tcp-app.ts). */
export interface AppEvents {
  isWakeScheduled: boolean;
  isConnectedPending: boolean;
  isEofDelivered: boolean;
  closedPending: { errno: Errno | undefined } | undefined;
}

type Handler<T extends unknown[]> = ((...args: T) => void) | undefined;

export class TcpSocket {
  state: TcpState = 'CLOSED';
  localAddr = 0 as Ipv4Addr;
  localPort = 0;
  remoteAddr = 0 as Ipv4Addr;
  remotePort = 0;
  /** Family, device and SO_REUSEPORT (an accepted child keeps its listener's). */
  binding: SockBinding = INET_BINDING;
  readonly cookie: number;
  readonly tp: TcpCb = newTcpCb();
  onConnected: (() => void) | undefined;
  onClosed: ((errno: Errno | undefined) => void) | undefined;
  /** sk_err: why the connection died, once it has. */
  error: Errno | undefined;
  /** sk_err_soft: an ICMP error or a failed route, reported if the connection later times out. */
  softError: Errno | undefined;
  /** TCP_NODELAY (curl and Go set it); off by default, as in Linux, so Nagle holds back small segments. */
  noDelay = false;
  /** SO_KEEPALIVE with its TCP_KEEPIDLE/INTVL/CNT (undefined: off, as Linux's default). See setKeepalive. */
  keepalive: KeepaliveConfig | undefined;
  /** The application closed the socket: no more handlers are called (an orphan, SOCK_DEAD). */
  isOrphan = false;
  /** shutdown(SHUT_WR) or close() has queued our FIN. */
  isSndShutdown = false;
  /** Only the 4-tuple is left (inet_timewait_sock): TIME_WAIT, or an orphan's FIN_WAIT2. */
  isTimewait = false;
  /** The peer's FIN has been received (RCV_SHUTDOWN from the wire). */
  isPeerFin = false;
  readonly app: AppEvents = { isWakeScheduled: false, isConnectedPending: false, isEofDelivered: false, closedPending: undefined };
  // ---- listener side
  backlog = 0;
  /** Connections that completed the handshake and wait for onAccept (the accept queue). */
  readonly acceptQueue: TcpSocket[] = [];
  /** Children not yet accepted: request sockets in SYN_RECV and the accept queue. */
  readonly children = new Set<TcpSocket>();
  /** The listener a child came from, until it is accepted. */
  parent: TcpSocket | undefined;
  private dataHandler: Handler<[Uint8Array]>;
  private peerClosedHandler: Handler<[]>;
  private acceptHandler: Handler<[TcpSocket]>;

  /** Internal: use TcpSocket.listen or TcpSocket.connect. */
  constructor(
    readonly ns: Netns,
    cookie?: number,
  ) {
    this.cookie = cookie ?? ns.sockets.nextCookie();
  }

  get onData(): Handler<[Uint8Array]> {
    return this.dataHandler;
  }
  set onData(h: Handler<[Uint8Array]>) {
    this.dataHandler = h;
    if (h) flushApp(this);
  }
  get onPeerClosed(): Handler<[]> {
    return this.peerClosedHandler;
  }
  set onPeerClosed(h: Handler<[]>) {
    this.peerClosedHandler = h;
    if (h) flushApp(this);
  }
  get onAccept(): Handler<[TcpSocket]> {
    return this.acceptHandler;
  }
  set onAccept(h: Handler<[TcpSocket]>) {
    this.acceptHandler = h;
    if (h) flushApp(this);
  }

  get key(): string {
    return connKey(this.localAddr, this.localPort, this.remoteAddr, this.remotePort);
  }

  /**
   * bind + listen: `addr` 0 is INADDR_ANY (or :: for an AF_INET6 socket); the backlog is capped at
   * net.core.somaxconn; port 0 takes a free port as bind() does (inet_csk_find_open_port).
   */
  static listen(ns: Netns, addr: Ipv4Addr, port: number, backlog = 4096, opts: ListenOptions = {}): TcpSocket | Errno {
    if (addr !== 0 && !ns.isLocalAddr(addr)) return 'EADDRNOTAVAIL';
    const binding = sockBinding(opts);
    const localPort = port === 0 ? ns.sockets.bindPort({ isReuseaddr: opts.isReuseaddr === true }) : port;
    const list = ns.sockets.tcpListeners.get(localPort) ?? [];
    if (localPort === 0 || list.some((l) => bindConflict(l, { localAddr: addr, binding }))) return 'EADDRINUSE';
    const sk = new TcpSocket(ns);
    sk.localAddr = addr;
    sk.localPort = localPort;
    sk.binding = binding;
    sk.backlog = Math.max(0, Math.min(backlog, tcpSomaxconn(ns)));
    sk.state = 'LISTEN';
    list.push(sk);
    ns.sockets.tcpListeners.set(localPort, list);
    return sk;
  }

  /** connect(): the hook may rewrite or refuse the destination; the route picks the source and the MSS. */
  static connect(ns: Netns, dst: SockAddr, opts: { src?: Ipv4Addr } = {}): TcpSocket | Errno {
    const cookie = ns.sockets.nextCookie();
    const hook = ns.sockHooks.connect4?.('tcp', dst, cookie);
    if (hook?.kind === 'error') return hook.errno;
    const to = hook?.kind === 'rewrite' ? hook.to : dst;
    const rt = routeOutput(ns, { dst: to.addr, ...(opts.src !== undefined ? { src: opts.src } : {}) });
    if (!rt.ok) return rt.errno;
    const port = ns.sockets.ephemeralPort('tcp');
    if (port === 0) return 'EADDRNOTAVAIL';
    const sk = new TcpSocket(ns, cookie);
    sk.localAddr = rt.value.src;
    sk.localPort = port;
    sk.remoteAddr = to.addr;
    sk.remotePort = to.port;
    sk.initActive(rt.value.mtu);
    ns.sockets.tcpConns.set(sk.key, sk);
    setState(sk, 'SYN_SENT');
    sendSyn(sk);
    return sk;
  }

  /** tcp_connect_init: MSS from the route, initial window and scale, ISN, timestamp offset, IP id. */
  private initActive(mtu: number): void {
    const tp = this.tp;
    const sys = tcpSysctls(this.ns);
    const rng = tcpRng(this.ns);
    tp.pmtu = mtu;
    tp.advmss = Math.min(mtu - 40, 65495);
    tp.mssClamp = tp.advmss;
    tp.tstampOk = sys.timestamps;
    tp.sackOk = sys.sack;
    tp.wscaleOk = sys.windowScaling;
    tp.rcvbuf = sys.rmem[1];
    const init = selectInitialWindow(fullSpace(tp), tp.advmss, { wscaleOk: tp.wscaleOk, rmem2: sys.rmem[2], rmemMax: sys.rmemMax });
    tp.rcvWnd = init.rcvWnd;
    tp.rcvSsthresh = init.rcvWnd;
    tp.rcvWscale = init.wscale;
    tp.windowClamp = init.windowClamp;
    tp.rcvMss = Math.max(88, Math.min(tp.advmss, 536, Math.floor(tp.rcvWnd / 2)));
    tp.iss = rng.u32();
    tp.tsOffset = rng.u32();
    tp.inetId = rng.int(0, 0xffff);
    tp.cwnd = TCP_INIT_CWND;
  }

  /** send(): queue bytes; they leave as the windows allow. Ignored once our FIN is queued. */
  send(data: Uint8Array): void {
    if (this.isSndShutdown || data.length === 0) return;
    if (this.state !== 'ESTABLISHED' && this.state !== 'CLOSE_WAIT' && this.state !== 'SYN_SENT' && this.state !== 'SYN_RECV') return;
    sendmsg(this, data.slice());
  }

  /** shutdown(SHUT_WR): send our FIN after the queued data, keep receiving. */
  shutdown(): void {
    if (this.isSndShutdown) return;
    if (this.state === 'ESTABLISHED') setState(this, 'FIN_WAIT1');
    else if (this.state === 'CLOSE_WAIT') setState(this, 'LAST_ACK');
    else return;
    this.isSndShutdown = true;
    sendFin(this);
  }

  /** close(): a listener stops; a connection sends FIN (tcp_close) and becomes an orphan. */
  close(): void {
    if (this.isOrphan) return;
    if (this.state === 'LISTEN') return this.closeListener();
    const state = this.state;
    this.isOrphan = true;
    if (state === 'SYN_SENT' || state === 'CLOSED') return tcpDone(this, undefined, { silent: true });
    if (this.tp.rcvQueue.length > 0) {
      // tcp_close: unread data means the peer must learn the data was lost: RST instead of FIN.
      sendActiveReset(this);
      return tcpDone(this, undefined, { silent: true });
    }
    // After shutdown() our FIN may already be acknowledged: an orphan waits tcp_fin_timeout for the peer's.
    if (state === 'FIN_WAIT2') return timeWait(this, 'FIN_WAIT2', tcpSysctls(this.ns).finTimeoutUs);
    this.shutdown();
  }

  /** abort(): SO_LINGER 0 close — RST now (when synchronized) and forget the connection. */
  abort(): void {
    if (this.state === 'LISTEN') return this.closeListener();
    const synchronized = this.state !== 'CLOSED' && this.state !== 'SYN_SENT' && this.state !== 'TIME_WAIT';
    this.isOrphan = true;
    if (synchronized) sendActiveReset(this);
    tcpDone(this, undefined, { silent: true });
  }

  /** setsockopt(SO_KEEPALIVE) with TCP_KEEPIDLE/TCP_KEEPINTVL/TCP_KEEPCNT; `false` turns it off. */
  setKeepalive(cfg: KeepaliveConfig | false = {}): void {
    this.keepalive = cfg === false ? undefined : cfg;
    resetKeepalive(this);
  }

  /** tcp_v4_err: an ICMP error quoting one of our segments (`info` is the next-hop MTU of "frag needed"). */
  icmpError(errno: Errno, type: number, code: number, info?: number): void {
    tcpV4Err(this, errno, type, code, info);
  }

  private closeListener(): void {
    const list = this.ns.sockets.tcpListeners.get(this.localPort) ?? [];
    const rest = list.filter((l) => l !== this);
    if (rest.length > 0) this.ns.sockets.tcpListeners.set(this.localPort, rest);
    else this.ns.sockets.tcpListeners.delete(this.localPort);
    this.state = 'CLOSED';
    this.isOrphan = true;
    // inet_csk_listen_stop: request sockets are dropped; connections never accepted are reset.
    for (const child of [...this.children]) {
      if (child.state === 'SYN_RECV') tcpDone(child, undefined, { silent: true });
      else child.abort();
    }
    this.acceptQueue.length = 0;
  }

  /** getpeername(): the address the application connected to (the recvmsg4 hook maps a backend back). */
  peerName(): SockAddr {
    const peer = { addr: this.remoteAddr, port: this.remotePort };
    return this.ns.sockHooks.recvmsg4 ? this.ns.sockHooks.recvmsg4('tcp', peer, this.cookie) : peer;
  }

  /** Recv-Q as ss prints it: unread bytes (and an unread FIN), or the accept queue of a listener. */
  get recvQ(): number {
    if (this.state === 'LISTEN') return this.acceptQueue.length;
    if (this.state === 'SYN_SENT' || this.state === 'SYN_RECV' || this.state === 'TIME_WAIT' || this.state === 'CLOSED') return 0;
    return Math.max(0, (this.tp.rcvNxt - this.tp.copiedSeq) | 0);
  }

  /** Send-Q as ss prints it: bytes written and not yet acknowledged, or a listener's backlog. */
  get sendQ(): number {
    if (this.state === 'LISTEN') return this.backlog;
    if (this.state === 'SYN_RECV' || this.state === 'TIME_WAIT' || this.state === 'CLOSED') return 0;
    return Math.max(0, (this.tp.writeSeq - this.tp.sndUna) | 0);
  }

  toString(): string {
    return `tcp ${this.state} ${this.key}`;
  }
}
