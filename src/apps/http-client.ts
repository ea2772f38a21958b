// Layer apps: the engine behind curl 8 for plain HTTP/1.1 (lib/multi.c states, lib/connect.c eyeballing,
// lib/http.c, lib/transfer.c): resolve, connect to each IPv4 address in turn, send "GET / HTTP/1.1" with
// Host, User-Agent and Accept, read a Content-Length, chunked or close-delimited response, and report
// every step as an event with curl's own error codes and failf() texts, per release (8.5.0 and 8.14.1).

import { parseIpv4, type Ipv4Addr } from '../addr/index.js';
import type { Errno } from '../net/netlink-error.js';
import type { Netns } from '../net/netns.js';
import type { Timer } from '../sim/index.js';
import { concatBytes } from '../wire/index.js';
import { HttpResponseReader } from './http/http-response.js';
import type { ResolveResult } from './resolver/resolve-result.js';
import { isErrno, kernelTcp, type TcpSocket, type TcpTransport } from './tcp-transport.js';

/** netshoot ships curl 8.14.1; Ubuntu 24.04 ships 8.5.0. */
export type CurlRelease = '8.5.0' | '8.14.1';

export interface HttpClientOptions {
  /** The URL as typed: "webpod", "http://10.96.0.10:8080/path". */
  readonly url: string;
  /** -X, or POST with a body; HEAD reads no response body. */
  readonly method?: string;
  /** -d: sent after the head with Content-Length and (unless -H set one) Content-Type form-urlencoded. */
  readonly body?: Uint8Array;
  readonly release?: CurlRelease;
  /** -A; default "curl/<release>". */
  readonly userAgent?: string;
  /** -H lines, sent after Accept. */
  readonly headers?: readonly (readonly [string, string])[];
  /** --connect-timeout in ms (default 300 s). */
  readonly connectTimeoutMs?: number;
  /** -m / --max-time in ms. */
  readonly maxTimeMs?: number;
  readonly resolver: { lookup(name: string, done: (r: ResolveResult) => void): () => void };
  readonly tcp?: TcpTransport;
}

export type CurlEvent =
  | { readonly kind: 'resolved'; readonly host: string; readonly port: number; readonly v4: readonly Ipv4Addr[]; readonly v6: readonly string[] }
  | { readonly kind: 'trying'; readonly ip: Ipv4Addr; readonly port: number }
  | { readonly kind: 'connect-failed'; readonly ip: Ipv4Addr; readonly port: number; readonly errno: Errno; readonly local: { addr: Ipv4Addr; port: number } | undefined }
  | { readonly kind: 'connected'; readonly host: string; readonly ip: Ipv4Addr; readonly port: number; readonly local: { addr: Ipv4Addr; port: number } }
  | { readonly kind: 'request-sent'; readonly head: string; readonly bodyBytes: number }
  | { readonly kind: 'response-head'; readonly statusLine: string; readonly headers: readonly (readonly [string, string])[] }
  /** Body bytes: `wireBytes` counts what was read (chunk framing included), `body` the decoded data. */
  | { readonly kind: 'data'; readonly wireBytes: number; readonly body: Uint8Array }
  | { readonly kind: 'error'; readonly code: number; readonly message: string }
  | { readonly kind: 'done'; readonly exitCode: number; readonly connection: 'left-intact' | 'closed-by-server' | 'closed'; readonly elapsedUs: number };

const DEFAULT_CONNECT_TIMEOUT_MS = 300_000;

export class HttpClient {
  private readonly release: CurlRelease;
  private readonly startUs: number;
  private state: 'resolving' | 'connecting' | 'transfer' | 'done' = 'resolving';
  private cancelResolve: (() => void) | undefined;
  private sock: TcpSocket | undefined;
  private timer: Timer | undefined;
  /** 8.5.0's per-attempt connect deadline (virtual µs) and its timer. */
  private ballerAt: number | undefined;
  private ballerTimer: Timer | undefined;
  private reader: HttpResponseReader | undefined;
  private host = '';
  private port = 80;
  private path = '/';

  constructor(
    readonly ns: Netns,
    readonly opts: HttpClientOptions,
    private readonly onEvent: (e: CurlEvent) => void,
  ) {
    this.release = opts.release ?? '8.14.1';
    this.startUs = ns.now;
  }

  start(): void {
    const m = /^(?:(https?):\/\/)?([^/:?#]+)(?::(\d+))?([^#]*)/i.exec(this.opts.url);
    this.host = m?.[2] ?? this.opts.url;
    this.port = m?.[3] !== undefined ? Number(m[3]) : 80;
    this.path = m?.[4] ? (m[4].startsWith('/') ? m[4] : `/${m[4]}`) : '/';
    this.armConnectTimer();
    const numeric = parseIpv4(this.host);
    if (numeric !== undefined) return this.connectNext([numeric], 0);
    this.cancelResolve = this.opts.resolver.lookup(this.host, (r) => {
      if (this.state === 'done') return;
      if (!r.ok) return this.fail(6, `Could not resolve host: ${this.host}`);
      this.onEvent({ kind: 'resolved', host: this.host, port: this.port, v4: r.v4, v6: r.v6 });
      this.connectNext(r.v4, 0);
    });
  }

  /** Ctrl-C: curl dies with the transfer unfinished. */
  abort(): void {
    if (this.state === 'done') return;
    this.cancelResolve?.();
    this.finish(130, 'closed');
  }

  private elapsedMs(): number {
    return Math.floor((this.ns.now - this.startUs) / 1000);
  }

  /** Curl_timeleft: the connect phase is bounded by both --connect-timeout and -m. */
  private armConnectTimer(): void {
    const ct = this.opts.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const mt = this.opts.maxTimeMs;
    const limit = mt !== undefined ? Math.min(ct, mt) : ct;
    // 8.5.0 lets the connect attempt ("baller") expire exactly at --connect-timeout; otherwise the multi
    // loop notices only once Curl_timeleft() is negative, i.e. 1 ms later.
    const isBaller = this.release === '8.5.0' && (mt === undefined || ct < mt);
    this.timer = this.ns.ctx.scheduler.after((limit + 1) * 1000, () => this.connectTimeout(false));
    if (isBaller) this.ballerAt = this.startUs + limit * 1000;
  }

  private connectTimeout(isBaller: boolean): void {
    if (this.state === 'resolving') {
      this.cancelResolve?.();
      return this.fail(28, `Resolving timed out after ${this.elapsedMs()} milliseconds`);
    }
    if (this.state !== 'connecting') return;
    this.sock?.abort();
    if (isBaller) return this.fail(28, `Failed to connect to ${this.host} port ${this.port} after ${this.elapsedMs()} ms: Timeout was reached`);
    this.fail(28, `Connection timed out after ${this.elapsedMs()} milliseconds`);
  }

  private connectNext(addrs: readonly Ipv4Addr[], i: number): void {
    const ip = addrs[i];
    if (ip === undefined) {
      const text = this.release === '8.5.0' ? "Couldn't connect to server" : 'Could not connect to server';
      return this.fail(7, `Failed to connect to ${this.host} port ${this.port} after ${this.elapsedMs()} ms: ${text}`);
    }
    this.state = 'connecting';
    if (this.ballerAt !== undefined && this.ballerTimer === undefined) this.ballerTimer = this.ns.ctx.scheduler.at(this.ballerAt, () => this.connectTimeout(true));
    this.onEvent({ kind: 'trying', ip, port: this.port });
    const s = (this.opts.tcp ?? kernelTcp).connect(this.ns, { addr: ip, port: this.port });
    if (isErrno(s)) {
      this.onEvent({ kind: 'connect-failed', ip, port: this.port, errno: s, local: undefined });
      return this.connectNext(addrs, i + 1);
    }
    this.sock = s;
    s.onConnected = () => this.connected(s, ip);
    s.onClosed = (errno) => {
      if (this.state === 'connecting' && this.sock === s) {
        this.onEvent({ kind: 'connect-failed', ip, port: this.port, errno: errno ?? 'ECONNREFUSED', local: { addr: s.localAddr, port: s.localPort } });
        return this.connectNext(addrs, i + 1);
      }
      this.closedDuringTransfer(errno);
    };
  }

  private connected(s: TcpSocket, ip: Ipv4Addr): void {
    if (this.state !== 'connecting') return;
    this.state = 'transfer';
    const sched = this.ns.ctx.scheduler;
    sched.cancel(this.timer);
    sched.cancel(this.ballerTimer);
    const mt = this.opts.maxTimeMs;
    if (mt !== undefined) this.timer = sched.at(this.startUs + (mt + 1) * 1000, () => this.operationTimeout());
    this.onEvent({ kind: 'connected', host: this.host, ip, port: this.port, local: { addr: s.localAddr, port: s.localPort } });
    const method = this.opts.method ?? 'GET';
    const hostHeader = this.port === 80 ? this.host : `${this.host}:${this.port}`;
    const custom = this.opts.headers ?? [];
    const lines = [`${method} ${this.path} HTTP/1.1`, `Host: ${hostHeader}`, `User-Agent: ${this.opts.userAgent ?? `curl/${this.release}`}`, 'Accept: */*', ...custom.map(([k, v]) => `${k}: ${v}`)];
    const body = this.opts.body;
    if (body !== undefined) {
      // lib/http.c: the body's length, then a form content type unless the user gave one.
      lines.push(`Content-Length: ${body.length}`);
      if (!custom.some(([k]) => k.toLowerCase() === 'content-type')) lines.push('Content-Type: application/x-www-form-urlencoded');
    }
    const head = `${lines.join('\r\n')}\r\n\r\n`;
    this.reader = new HttpResponseReader(method === 'HEAD');
    s.onData = (d) => this.receive(d);
    s.onPeerClosed = () => this.closedDuringTransfer(undefined);
    const headBytes = new TextEncoder().encode(head);
    s.send(body === undefined ? headBytes : concatBytes([headBytes, body]));
    this.onEvent({ kind: 'request-sent', head, bodyBytes: body?.length ?? 0 });
  }

  private receive(d: Uint8Array): void {
    const r = this.reader;
    if (!r || this.state !== 'transfer') return;
    for (const ev of r.feed(d)) {
      if (ev.kind === 'head') this.onEvent({ kind: 'response-head', statusLine: ev.statusLine, headers: ev.headers });
      else if (ev.kind === 'data') this.onEvent({ kind: 'data', wireBytes: ev.wireBytes, body: ev.body });
      else if (ev.kind === 'error') return this.fail(8, ev.message);
    }
    if (r.isComplete) this.finish(0, r.isServerClose ? 'closed-by-server' : 'left-intact');
  }

  private closedDuringTransfer(errno: Errno | undefined): void {
    if (this.state !== 'transfer') return;
    const r = this.reader;
    if (errno === 'ECONNRESET') return this.fail(56, 'Recv failure: Connection reset by peer');
    if (!r || !r.hasHead) return this.fail(52, 'Empty reply from server');
    const missing = r.onEof();
    if (missing === 0) return this.finish(0, 'closed-by-server');
    this.fail(18, this.release === '8.5.0' ? `transfer closed with ${missing} bytes remaining to read` : `end of response with ${missing} bytes missing`);
  }

  private operationTimeout(): void {
    if (this.state !== 'transfer') return;
    const r = this.reader;
    const got = r?.bodyBytes ?? 0;
    const size = r?.contentLength;
    const tail = size !== undefined ? `with ${got} out of ${size} bytes received` : `with ${got} bytes received`;
    this.fail(28, `Operation timed out after ${this.elapsedMs()} milliseconds ${tail}`);
  }

  private fail(code: number, message: string): void {
    if (this.state === 'done') return;
    this.onEvent({ kind: 'error', code, message });
    this.finish(code, 'closed');
  }

  private finish(exitCode: number, connection: 'left-intact' | 'closed-by-server' | 'closed'): void {
    this.state = 'done';
    const sched = this.ns.ctx.scheduler;
    sched.cancel(this.timer);
    sched.cancel(this.ballerTimer);
    const s = this.sock;
    if (s) {
      s.onData = undefined;
      s.onClosed = undefined;
      if (exitCode === 0) s.close();
      else s.abort();
    }
    this.onEvent({ kind: 'done', exitCode, connection, elapsedUs: this.ns.now - this.startUs });
  }
}

