// Layer lab: one daemon process on a VM as the sockets it holds: a task from the machine's PID counter, its
// listening and bound sockets in the root namespace at the descriptors the real program has them, and the
// connections it accepts (each a descriptor too). A listener serves plain HTTP through Go's net/http (a
// health endpoint), or is a TLS port (no handshake is modelled: Go's net/http answers plaintext HTTP with its
// 400, other TLS servers hang up), or holds what it accepts unanswered; stop() closes them all.

import type { Ipv4Addr } from '../../addr/index.js';
import { type GoHandler, GoHttpServer } from '../../apps/http/go-http-server.js';
import type { Machine } from '../../net/machine.js';
import type { BindOptions } from '../../net/sock-bind.js';
import { exitTask, spawnTask, Task } from '../../net/task.js';
import { TcpSocket, type ListenOptions } from '../../net/tcp/tcp-socket.js';
import { UdpSocket } from '../../net/udp-socket.js';

/** Where a Go program listens: ":9962" and "0.0.0.0:6443" are one dual-stack AF_INET6 socket, "127.0.0.1:9879" AF_INET. */
export interface ListenAddr {
  readonly addr: Ipv4Addr;
  readonly port: number;
  readonly opts: BindOptions;
}

const SOMAXCONN = 4096;

/**
 * What a listener does with a connection: answer plain HTTP with a handler; 'https', Go's net/http over TLS;
 * 'tls', another TLS server (gRPC, etcd's listener); without one, accept it and say nothing.
 */
export type Serve = GoHandler | 'https' | 'tls';

export interface TcpListenSpec extends ListenAddr {
  readonly fd?: number;
  readonly serve?: Serve;
  /** Also binds a UDP socket, at this descriptor, on the port the listener got (a DNS server's pair). */
  readonly udpTwinFd?: number;
}

export class HostDaemon {
  private readonly tcp: TcpSocket[] = [];
  private readonly udp: UdpSocket[] = [];
  private readonly accepted = new Set<TcpSocket>();

  private constructor(
    readonly machine: Machine,
    readonly task: Task,
    private readonly epochMs: number,
  ) {}

  /** Starts `comm` with the next PID; sockets without a descriptor number get the lowest free from `firstFreeFd`. */
  static spawn(machine: Machine, comm: string, epochMs: number, firstFreeFd?: number, cmdline?: string): HostDaemon {
    return new HostDaemon(machine, spawnTask(machine, comm, firstFreeFd, cmdline), epochMs);
  }

  /** PID 1 (systemd on Ubuntu), which holds the sockets of its socket units. */
  static init(machine: Machine, epochMs: number, firstFreeFd: number): HostDaemon {
    const tasks = machine.tasks;
    const task = tasks.get(1) ?? new Task(1, 'systemd', firstFreeFd, '/sbin/init');
    tasks.set(1, task);
    return new HostDaemon(machine, task, epochMs);
  }

  /** socket + bind + listen, then serve or hold what it accepts. */
  listen(spec: TcpListenSpec): TcpSocket | undefined {
    const ns = this.machine.root;
    // Go and systemd set SO_REUSEADDR, which only changes where bind() to port 0 looks first.
    const opts: ListenOptions = spec.port === 0 ? { ...spec.opts, isReuseaddr: true } : spec.opts;
    // Go, systemd and systemd-resolved all listen() with SOMAXCONN.
    const l = TcpSocket.listen(ns, spec.addr, spec.port, SOMAXCONN, opts);
    if (typeof l === 'string') return undefined;
    this.task.installFd(l, spec.fd);
    this.tcp.push(l);
    const own = (c: TcpSocket) => {
      this.task.installFd(c);
      this.accepted.add(c);
      // Handlers are bound to a const before they go on a socket (docs/architecture.md, Memory).
      const onClosed = (): void => {
        this.task.closeFile(c);
        this.accepted.delete(c);
      };
      c.onClosed = onClosed;
    };
    const serve = spec.serve;
    if (typeof serve === 'function') new GoHttpServer(ns, { port: l.localPort, handler: serve, epochMs: this.epochMs }).attach(l, own);
    else {
      const onAccept = (c: TcpSocket): void => (serve === undefined ? holdConnection(c, own) : refuseHandshake(c, own, serve));
      l.onAccept = onAccept;
    }
    if (spec.udpTwinFd !== undefined) this.bindUdp({ addr: spec.addr, port: l.localPort, opts: spec.opts }, spec.udpTwinFd);
    return l;
  }

  /** socket(SOCK_DGRAM) + bind; `reply` answers a datagram (with nothing, it is read and dropped). */
  bindUdp(at: ListenAddr, fd?: number, reply?: (payload: Uint8Array) => Uint8Array | undefined): UdpSocket | undefined {
    const s = new UdpSocket(this.machine.root);
    if (s.bind(at.addr, at.port, at.opts) !== undefined) return undefined;
    const onMessage: UdpSocket['onMessage'] = (payload, from) => {
      const answer = reply?.(payload);
      if (answer) s.sendto(answer, from);
    };
    s.onMessage = onMessage;
    this.task.installFd(s, fd);
    this.udp.push(s);
    return s;
  }

  /** The process exits: the kernel closes every socket it held. */
  stop(): void {
    for (const c of this.accepted) c.close();
    for (const l of this.tcp) l.close();
    for (const s of this.udp) s.close();
    exitTask(this.machine, this.task);
  }
}

/** The first bytes of a plaintext HTTP request (net/http's tlsRecordHeaderLooksLikeHTTP). */
const HTTP_STARTS = ['GET /', 'HEAD ', 'POST ', 'PUT /', 'OPTIO'];
const HTTPS_400 = new TextEncoder().encode('HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n');

/** A TLS server reading a first record that is no handshake: net/http answers an HTTP request with a 400; all hang up. */
function refuseHandshake(c: TcpSocket, own: (c: TcpSocket) => void, serve: 'https' | 'tls'): void {
  own(c);
  const onData = (d: Uint8Array): void => {
    const head = String.fromCharCode(...d.subarray(0, 5));
    if (serve === 'https' && HTTP_STARTS.includes(head)) c.send(HTTPS_400);
    c.onData = discard;
    c.close();
  };
  const onPeerClosed = (): void => c.close();
  c.onData = onData;
  c.onPeerClosed = onPeerClosed;
}

/** A connection nobody speaks on: what arrives is read and dropped, and the peer's FIN is answered with ours. */
function holdConnection(c: TcpSocket, own: (c: TcpSocket) => void): void {
  own(c);
  const onPeerClosed = (): void => c.close();
  c.onData = discard;
  c.onPeerClosed = onPeerClosed;
}

/** An onData that reads what arrives and drops it. */
function discard(): void {}
