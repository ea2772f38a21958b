// Layer apps: Go's net/http server (server.go conn.serve, response/chunkWriter.writeHeader) on an emulated
// TCP socket: keep-alive per request, "HTTP/1.1 <code> <text>", the handler's headers sorted, then Date,
// Content-Length (when the whole body fit the 2048-byte buffer) or chunked, a sniffed Content-Type, and
// "Connection: close" when the client asked; bad requests get Go's plain 400 and the connection closes.

import { formatIpv4, type Ipv4Addr } from '../../addr/index.js';
import type { Errno } from '../../net/netlink-error.js';
import type { Netns } from '../../net/netns.js';
import { isErrno, kernelTcp, type TcpSocket, type TcpTransport } from '../tcp-transport.js';
import { httpDate, wallMs } from './http-date.js';
import { bytesOf, concat, headerValue, parseHttpRequest, type HttpRequest } from './http-request.js';

/** What a handler wrote: its status, the headers it set, and its Write calls in order. */
export interface GoResponse {
  readonly status: number;
  readonly header: readonly (readonly [string, string])[];
  readonly writes: readonly Uint8Array[];
  /** Time the handler took (whoami's ?wait=), in µs. */
  readonly delayUs?: number;
}

export type GoHandler = (req: HttpRequest, remoteAddr: string) => GoResponse;

const STATUS_TEXT: Readonly<Record<number, string>> = { 200: 'OK', 204: 'No Content', 301: 'Moved Permanently', 400: 'Bad Request', 404: 'Not Found', 405: 'Method Not Allowed', 500: 'Internal Server Error', 503: 'Service Unavailable' };
/** bufferBeforeChunkingSize in server.go. */
const BUFFER_BEFORE_CHUNKING = 2048;

export interface GoHttpServerOptions {
  readonly port: number;
  readonly handler: GoHandler;
  /** Wall clock at virtual time 0 (Unix ms), for the Date header. */
  readonly epochMs: number;
  readonly tcp?: TcpTransport;
}

export class GoHttpServer {
  private listener: TcpSocket | undefined;

  constructor(
    readonly ns: Netns,
    readonly opts: GoHttpServerOptions,
  ) {}

  start(): Errno | undefined {
    // ListenAndServe(":port"): Go listens on one AF_INET6 socket that takes IPv4 too.
    const l = (this.opts.tcp ?? kernelTcp).listen(this.ns, 0 as Ipv4Addr, this.opts.port, undefined, { family: 'inet6' });
    if (isErrno(l)) return l;
    this.attach(l);
    return undefined;
  }

  /** Serves on a listener the program opened itself (another address, family or options); `onConn` sees each accepted connection. */
  attach(l: TcpSocket, onConn?: (c: TcpSocket) => void): void {
    // Handlers are bound to a const before they go on a socket (docs/architecture.md, Memory).
    const onAccept = (c: TcpSocket): void => {
      onConn?.(c);
      this.serve(c);
    };
    l.onAccept = onAccept;
    this.listener = l;
  }

  stop(): void {
    this.listener?.close();
    this.listener = undefined;
  }

  /** conn.serve: one request at a time, in order, until one asks to close. */
  private serve(conn: TcpSocket): void {
    let buf: Uint8Array = new Uint8Array(0);
    let busy = false;
    let closing = false;
    const remote = `${formatIpv4(conn.remoteAddr)}:${conn.remotePort}`;
    const pump = (): void => {
      while (!busy && !closing) {
        const step = parseHttpRequest(buf);
        if (step.kind === 'need-more') return;
        if (step.kind === 'error') {
          conn.send(bytesOf('HTTP/1.1 400 Bad Request\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request'));
          closing = true;
          return conn.close();
        }
        buf = step.rest;
        const req = step.request;
        if (req.protoMinor === 1 && req.proto === 'HTTP/1.1' && headerValue(req.headers, 'Host') === undefined) {
          conn.send(bytesOf('HTTP/1.1 400 Bad Request: missing required Host header\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n\r\n400 Bad Request: missing required Host header'));
          closing = true;
          return conn.close();
        }
        const res = this.opts.handler(req, remote);
        busy = true;
        const reply = (): void => {
          busy = false;
          const out = goResponseBytes(req, res, httpDate(wallMs(this.opts.epochMs, this.ns.now)));
          conn.send(out.bytes);
          if (out.isClose) {
            closing = true;
            conn.close();
          } else pump();
        };
        if (res.delayUs) this.ns.ctx.scheduler.after(res.delayUs, reply);
        else reply();
      }
    };
    const onData = (d: Uint8Array): void => {
      buf = concat(buf, d);
      pump();
    };
    const onPeerClosed = (): void => {
      if (!busy) conn.close();
      closing = true;
    };
    conn.onData = onData;
    conn.onPeerClosed = onPeerClosed;
  }
}

/** http.NotFound / http.Error: the plain-text error Go's mux writes. */
export function goError(status: number, text: string): GoResponse {
  return { status, header: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], writes: [bytesOf(`${text}\n`)] };
}

/** response.finishRequest + chunkWriter: the bytes Go writes for one handler run. */
export function goResponseBytes(req: HttpRequest, res: GoResponse, date: string): { bytes: Uint8Array; isClose: boolean } {
  const isHead = req.method === 'HEAD';
  const chunks = bufioFlushes(res.writes);
  const first = chunks[0] ?? new Uint8Array(0);
  const total = chunks.reduce((n, c) => n + c.length, 0);
  const fitsBuffer = chunks.length <= 1 && total <= BUFFER_BEFORE_CHUNKING;
  const has = (k: string): boolean => res.header.some(([h]) => h.toLowerCase() === k.toLowerCase());
  const connHdr = (headerValue(req.headers, 'Connection') ?? '').toLowerCase();
  const isHttp11 = req.proto === 'HTTP/1.1';
  const wantsClose = connHdr.split(',').some((t) => t.trim() === 'close') || (!isHttp11 && !connHdr.includes('keep-alive'));
  const bodyAllowed = res.status !== 204 && res.status !== 304 && !(res.status >= 100 && res.status < 200);
  const extra: string[] = [];
  if (!has('Date')) extra.push(`Date: ${date}`);
  let isChunked = false;
  if (fitsBuffer && bodyAllowed && !has('Content-Length') && (!isHead || total > 0)) extra.push(`Content-Length: ${total}`);
  else if (!fitsBuffer && bodyAllowed && !isHead && isHttp11) isChunked = true;
  if (bodyAllowed && !has('Content-Type') && total > 0) extra.push(`Content-Type: ${sniffContentType(first)}`);
  const keepAliveOk = fitsBuffer || isChunked;
  const isClose = wantsClose || !keepAliveOk;
  if (isClose && isHttp11) extra.push('Connection: close');
  else if (!isClose && !isHttp11) extra.push('Connection: keep-alive');
  if (isChunked) extra.push('Transfer-Encoding: chunked');
  // closeAfterReply: a handler's own Connection header goes unless it already says close.
  const dropConn = isClose && !res.header.some(([k, v]) => k.toLowerCase() === 'connection' && v.toLowerCase().includes('close'));
  const sorted = res.header.filter(([k]) => !(dropConn && k.toLowerCase() === 'connection')).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const head = [`HTTP/1.1 ${res.status} ${STATUS_TEXT[res.status] ?? 'status code ' + res.status}`, ...sorted.map(([k, v]) => `${k}: ${v}`), ...extra].join('\r\n') + '\r\n\r\n';
  let bytes: Uint8Array = bytesOf(head);
  if (!isHead && bodyAllowed) {
    if (isChunked) {
      for (const c of chunks) bytes = concat(concat(bytes, bytesOf(`${c.length.toString(16)}\r\n`)), concat(c, bytesOf('\r\n')));
      bytes = concat(bytes, bytesOf('0\r\n\r\n'));
    } else for (const c of chunks) bytes = concat(bytes, c);
  }
  return { bytes, isClose };
}

/** bufio.Writer of 2048 bytes in front of chunkWriter: the pieces that reach the wire. */
function bufioFlushes(writes: readonly Uint8Array[]): Uint8Array[] {
  const out: Uint8Array[] = [];
  let buf: Uint8Array = new Uint8Array(0);
  for (let p of writes) {
    while (p.length > BUFFER_BEFORE_CHUNKING - buf.length) {
      if (buf.length === 0) {
        out.push(p);
        p = new Uint8Array(0);
        break;
      }
      const n = BUFFER_BEFORE_CHUNKING - buf.length;
      out.push(concat(buf, p.subarray(0, n)));
      buf = new Uint8Array(0);
      p = p.subarray(n);
    }
    buf = concat(buf, p);
  }
  if (buf.length > 0) out.push(buf);
  return out;
}

/** http.DetectContentType for what these servers write: HTML, JSON-ish text, plain text, or binary. */
export function sniffContentType(b: Uint8Array): string {
  let i = 0;
  while (i < b.length && (b[i] === 9 || b[i] === 10 || b[i] === 12 || b[i] === 13 || b[i] === 32)) i++;
  const start = String.fromCharCode(...b.subarray(i, i + 14)).toLowerCase();
  if (/^<(!doctype html|html|head|script|iframe|h1|div|font|table|a|style|title|b|body|br|p)[ >]/.test(start)) return 'text/html; charset=utf-8';
  for (const c of b.subarray(0, 512)) if (c < 0x20 && c !== 9 && c !== 10 && c !== 12 && c !== 13 && c !== 27) return 'application/octet-stream';
  return 'text/plain; charset=utf-8';
}
