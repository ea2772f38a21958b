// Layer apps: CoreDNS as kubeadm deploys it (Corefile: errors, kubernetes cluster.local in-addr.arpa
// ip6.arpa { pods insecure; fallthrough in-addr.arpa ip6.arpa; ttl 30 }, forward . /etc/resolv.conf,
// loadbalance) listening on UDP and TCP 53 in a coredns pod. Replies are built by coredns-reply.ts; what
// the kubernetes plugin does not answer goes upstream and, when the upstream is silent, ends in SERVFAIL.

import type { Ipv4Addr } from '../../addr/index.js';
import type { Errno } from '../../net/netlink-error.js';
import type { Netns } from '../../net/netns.js';
import type { SockAddr } from '../../net/sock-hooks.js';
import { UdpSocket } from '../../net/udp-socket.js';
import type { Rng } from '../../sim/index.js';
import { DNS_OPCODE, DNS_RCODE, dnsTypeName, parseDns, parseDnsTcp, type DnsMessage, type ParsedDnsMessage } from '../../wire/index.js';
import { goError, GoHttpServer } from '../http/go-http-server.js';
import { bytesOf } from '../http/http-request.js';
import { isErrno, kernelTcp, type TcpSocket, type TcpTransport } from '../tcp-transport.js';
import { clientBufferSize, loadbalance, packReply, replyTo, sizeAndDo } from './coredns-reply.js';
import { forwardQuery } from './coredns-forward.js';
import { serveKubernetes, type KubernetesPluginConfig } from './kubernetes-plugin.js';
import type { ServiceDirectory } from './service-directory.js';

export interface CoreDnsOptions {
  readonly directory: ServiceDirectory;
  /** The cluster domain. Default "cluster.local". */
  readonly clusterDomain?: string;
  /** `ttl` of the kubernetes plugin. Default 30. */
  readonly ttl?: number;
  /** `forward . /etc/resolv.conf`: the nameservers of the pod's resolv.conf (dnsPolicy Default: the node's). */
  readonly upstreams: readonly Ipv4Addr[];
  /** The pod's own addresses (kube-dns's NS record); default: every address in the namespace. */
  readonly localIps?: readonly Ipv4Addr[];
  readonly port?: number;
  readonly tcp?: TcpTransport;
  /** Serve the health (:8080/health) and ready (:8181/ready) plugins kubelet probes (Date needs the wall clock). */
  readonly probes?: { readonly epochMs: number } | false;
}

/** One query answered, for logs and traces. */
export interface CoreDnsQueryLog {
  readonly proto: 'udp' | 'tcp';
  readonly client: SockAddr;
  readonly name: string;
  readonly type: number;
  readonly rcode: number;
  readonly durationUs: number;
}

/**
 * @example
 * const dns = new CoreDnsServer(corednsPodNs, { directory, upstreams: [ip('10.0.2.3')] });
 * dns.start(); // UDP and TCP 53
 */
export class CoreDnsServer {
  private udp: UdpSocket | undefined;
  private listener: TcpSocket | undefined;
  private readonly probeServers: GoHttpServer[] = [];
  private readonly rng: Rng;
  private readonly cfg: KubernetesPluginConfig;
  onQuery: ((log: CoreDnsQueryLog) => void) | undefined;
  /** Lines CoreDNS logs (`kubectl logs`): the errors plugin's "[ERROR] plugin/errors: 2 google.com. A: ...". */
  onLog: ((line: string) => void) | undefined;

  constructor(
    readonly ns: Netns,
    readonly opts: CoreDnsOptions,
  ) {
    this.rng = ns.ctx.rng.fork(`apps/coredns/${ns.name}`);
    const domain = `${(opts.clusterDomain ?? 'cluster.local').toLowerCase().replace(/\.$/, '')}.`;
    this.cfg = {
      zones: [domain, 'in-addr.arpa.', 'ip6.arpa.'],
      fallthrough: ['in-addr.arpa.', 'ip6.arpa.'],
      ttl: opts.ttl ?? 30,
      localIps: opts.localIps ?? [...ns.devices.values()].flatMap((d) => (d.kind === 'loopback' ? [] : d.addrs.map((a) => a.local))),
    };
  }

  /** Binds UDP 53 and listens on TCP 53 (TCP only once the kernel's TCP is there), Go's ":53": AF_INET6 taking IPv4. */
  start(): Errno | undefined {
    const port = this.opts.port ?? 53;
    const udp = new UdpSocket(this.ns);
    const err = udp.bind(0 as Ipv4Addr, port, { family: 'inet6' });
    if (err) return err;
    // Handlers are bound to a const before they go on a socket (docs/architecture.md, Memory).
    const onMessage: UdpSocket['onMessage'] = (payload, from) => this.handle(payload, 'udp', from, (bytes) => udp.sendto(bytes, from));
    udp.onMessage = onMessage;
    this.udp = udp;
    const tcp = this.opts.tcp ?? kernelTcp;
    try {
      const l = tcp.listen(this.ns, 0 as Ipv4Addr, port, undefined, { family: 'inet6' });
      if (!isErrno(l)) {
        const onAccept = (child: TcpSocket): void => this.serveTcp(child);
        l.onAccept = onAccept;
        this.listener = l;
      }
    } catch {
      // The kernel's TCP is not built yet: UDP only.
    }
    const probes = this.opts.probes;
    if (probes) {
      for (const [p, path] of [[8080, '/health'], [8181, '/ready']] as const) {
        const srv = new GoHttpServer(this.ns, { port: p, epochMs: probes.epochMs, handler: (r) => (r.target.split('?')[0] === path ? { status: 200, header: [], writes: [bytesOf('OK')] } : goError(404, '404 page not found')), tcp });
        if (srv.start() === undefined) this.probeServers.push(srv);
      }
    }
    return undefined;
  }

  stop(): void {
    this.udp?.close();
    this.listener?.close();
    this.udp = undefined;
    this.listener = undefined;
    for (const p of this.probeServers.splice(0)) p.stop();
  }

  private serveTcp(conn: TcpSocket): void {
    let buf = new Uint8Array(0);
    const client = { addr: conn.remoteAddr, port: conn.remotePort };
    const onData = (data: Uint8Array): void => {
      const joined = new Uint8Array(buf.length + data.length);
      joined.set(buf);
      joined.set(data, buf.length);
      buf = joined;
      for (;;) {
        const m = parseDnsTcp(buf);
        if (!m.ok) break;
        const len = m.value.next;
        this.handle(buf.slice(2, len), 'tcp', client, (bytes) => conn.send(withLength(bytes)));
        buf = buf.slice(len);
      }
    };
    const onPeerClosed = (): void => conn.close();
    conn.onData = onData;
    conn.onPeerClosed = onPeerClosed;
  }

  /** ServeDNS: one request in, one reply out (possibly later, after forwarding). */
  handle(payload: Uint8Array, proto: 'udp' | 'tcp', client: SockAddr, respond: (bytes: Uint8Array) => void): void {
    const started = this.ns.now;
    const parsed = parseDns(payload);
    if (!parsed.ok || parsed.value.qr) return;
    const req = parsed.value;
    const send = (m: DnsMessage): void => {
      const out = sizeAndDo(req, req.opcode === DNS_OPCODE.QUERY ? loadbalance(m, this.rng) : m);
      const q = req.questions[0];
      this.onQuery?.({ proto, client, name: q?.name ?? '.', type: q?.type ?? 0, rcode: out.rcode, durationUs: this.ns.now - started });
      respond(packReply(out, clientBufferSize(req, proto)));
    };
    const q = req.questions[0];
    if (req.opcode !== DNS_OPCODE.QUERY) return send(errorReply(req, DNS_RCODE.NOTIMP));
    if (!q || req.questions.length !== 1) return send(errorReply(req, DNS_RCODE.FORMERR));
    const r = serveKubernetes(this.opts.directory, this.cfg, q);
    if (r.kind === 'reply') return send(r.rcode === DNS_RCODE.REFUSED ? errorReply(req, r.rcode) : replyTo(req, { ...r, aa: true }));
    forwardQuery(this.ns, this.rng, this.opts.upstreams, req, (f) => {
      if (f.ok) return send(f.reply);
      this.onLog?.(`[ERROR] plugin/errors: ${DNS_RCODE.SERVFAIL} ${q.name} ${dnsTypeName(q.type)}: ${f.text}`);
      send(errorReply(req, DNS_RCODE.SERVFAIL));
    });
  }
}

/** SetRcode: a bare reply carrying only the question. */
function errorReply(req: ParsedDnsMessage, rcode: number): DnsMessage {
  return replyTo(req, { rcode, aa: false, answers: [], authorities: [], additionals: [] });
}

function withLength(msg: Uint8Array): Uint8Array {
  const out = new Uint8Array(msg.length + 2);
  out[0] = msg.length >> 8;
  out[1] = msg.length & 0xff;
  out.set(msg, 2);
  return out;
}

