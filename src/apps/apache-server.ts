// Layer apps: the router's Apache (apache2 2.4.58 on Ubuntu 24.04, default site) serving
// /var/www/html/index.html: core's default handler with mod_deflate loaded, so a 200 carries Date, Server,
// Last-Modified, ETag ("<size hex>-<mtime µs hex>", FileETag MTime Size), Accept-Ranges, Content-Length,
// Vary: Accept-Encoding and Content-Type: text/html; other paths get Apache's 404 page. KeepAliveTimeout 5 s.
// `Listen 80` opens one AF_INET6 socket on :: that takes IPv4 too (APR's v4-mapped default on Linux),
// with ListenBacklog 511.

import type { Ipv4Addr } from '../addr/index.js';
import type { Errno } from '../net/netlink-error.js';
import type { Netns } from '../net/netns.js';
import { httpDate, wallMs } from './http/http-date.js';
import { bytesOf, concat, parseHttpRequest, type HttpRequest } from './http/http-request.js';
import { isErrno, kernelTcp, type TcpSocket, type TcpTransport } from './tcp-transport.js';

export interface ApacheOptions {
  /** `$(hostname)` in the lab's `echo -e "<h1>Web Server : $(hostname)</h1>" > /var/www/html/index.html`. */
  readonly hostname: string;
  readonly epochMs: number;
  /** When index.html was written (Unix ms); default the epoch. */
  readonly mtimeMs?: number;
  /** Replaces the default page. */
  readonly indexHtml?: string;
  readonly port?: number;
  readonly tcp?: TcpTransport;
}

const SERVER = 'Apache/2.4.58 (Ubuntu)';
const KEEPALIVE_TIMEOUT_US = 5_000_000;
/** DEFAULT_LISTENBACKLOG. */
const LISTEN_BACKLOG = 511;

export class ApacheServer {
  private listener: TcpSocket | undefined;

  constructor(
    readonly ns: Netns,
    readonly opts: ApacheOptions,
  ) {}

  start(): Errno | undefined {
    const l = (this.opts.tcp ?? kernelTcp).listen(this.ns, 0 as Ipv4Addr, this.opts.port ?? 80, LISTEN_BACKLOG, { family: 'inet6' });
    if (isErrno(l)) return l;
    // Handlers are bound to a const before they go on a socket (docs/architecture.md, Memory).
    const onAccept = (c: TcpSocket): void => this.serve(c);
    l.onAccept = onAccept;
    this.listener = l;
    return undefined;
  }

  stop(): void {
    this.listener?.close();
  }

  private serve(conn: TcpSocket): void {
    const sched = this.ns.ctx.scheduler;
    let buf: Uint8Array = new Uint8Array(0);
    let idle = sched.after(KEEPALIVE_TIMEOUT_US, () => conn.close());
    const onData = (d: Uint8Array): void => {
      buf = concat(buf, d);
      for (;;) {
        const step = parseHttpRequest(buf);
        if (step.kind === 'need-more') return;
        if (step.kind === 'error') {
          conn.send(this.respond(undefined, conn));
          return conn.close();
        }
        buf = step.rest;
        conn.send(this.respond(step.request, conn));
        const c = step.request.headers.find(([k]) => k === 'Connection')?.[1]?.toLowerCase() ?? '';
        if (c.includes('close') || step.request.proto === 'HTTP/1.0') return conn.close();
        sched.cancel(idle);
        idle = sched.after(KEEPALIVE_TIMEOUT_US, () => conn.close());
      }
    };
    const onPeerClosed = (): void => {
      sched.cancel(idle);
      conn.close();
    };
    conn.onData = onData;
    conn.onPeerClosed = onPeerClosed;
  }

  private respond(req: HttpRequest | undefined, conn: TcpSocket): Uint8Array {
    const now = wallMs(this.opts.epochMs, this.ns.now);
    const path = req?.target.split('?')[0] ?? '';
    const isHead = req?.method === 'HEAD';
    if (req && (path === '/' || path === '/index.html') && (req.method === 'GET' || isHead)) {
      const body = bytesOf(this.opts.indexHtml ?? `<h1>Web Server : ${this.opts.hostname}</h1>\n`);
      const mtime = this.opts.mtimeMs ?? this.opts.epochMs;
      const weak = now - mtime < 1000 ? 'W/' : '';
      const etag = `${weak}"${body.length.toString(16)}-${(mtime * 1000).toString(16)}"`;
      const head = ['HTTP/1.1 200 OK', `Date: ${httpDate(now)}`, `Server: ${SERVER}`, `Last-Modified: ${httpDate(mtime)}`, `ETag: ${etag}`, 'Accept-Ranges: bytes', `Content-Length: ${body.length}`, 'Vary: Accept-Encoding', 'Content-Type: text/html'];
      return concat(bytesOf(`${head.join('\r\n')}\r\n\r\n`), isHead ? new Uint8Array(0) : body);
    }
    const [code, title, text] = req ? ['404', 'Not Found', 'The requested URL was not found on this server.'] : ['400', 'Bad Request', 'Your browser sent a request that this server could not understand.<br />\n'];
    const page = `<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>${code} ${title}</title>\n</head><body>\n<h1>${title}</h1>\n<p>${text}</p>\n<hr>\n<address>${SERVER} Server at ${hostOf(req, conn)} Port ${this.opts.port ?? 80}</address>\n</body></html>\n`;
    const head = [`HTTP/1.1 ${code} ${title}`, `Date: ${httpDate(now)}`, `Server: ${SERVER}`, `Content-Length: ${page.length}`, ...(req ? [] : ['Connection: close']), 'Content-Type: text/html; charset=iso-8859-1'];
    return bytesOf(`${head.join('\r\n')}\r\n\r\n${isHead ? '' : page}`);
  }
}

/** ServerName is unset: Apache names itself by the Host header, else the local address. */
function hostOf(req: HttpRequest | undefined, conn: TcpSocket): string {
  const h = req?.headers.find(([k]) => k === 'Host')?.[1];
  if (h) return h.replace(/:\d+$/, '');
  const a = conn.localAddr;
  return `${(a >>> 24) & 255}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}
