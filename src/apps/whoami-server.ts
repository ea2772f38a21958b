// Layer apps: traefik/whoami (app.go) in a pod: Go's HTTP server on TCP 80 with whoami's handlers.
// "/" prints "Hostname:", one "IP:" per interface address (net.Interfaces order), "RemoteAddr:", then the
// request as Request.Write prints it; "/api" the same as JSON, "/health" a bare status, "/bench" "1".
// Query options: ?wait=<Go duration> delays the answer, ?env=true appends the environment.

import type { Errno } from '../net/netlink-error.js';
import type { Netns } from '../net/netns.js';
import { GoHttpServer, type GoResponse } from './http/go-http-server.js';
import { goRequestWrite } from './http/go-request-write.js';
import type { HttpRequest } from './http/http-request.js';
import { interfaceIps } from './interface-ips.js';
import type { TcpTransport } from './tcp-transport.js';

export interface WhoamiOptions {
  /** os.Hostname(): the pod name. */
  readonly hostname: string;
  /** Wall clock (Unix ms) at virtual time 0, for the Date header. */
  readonly epochMs: number;
  /** WHOAMI_PORT_NUMBER / --port. Default 80. */
  readonly port?: number;
  /** WHOAMI_NAME / --name: adds a "Name:" line. */
  readonly name?: string;
  /** The container's environment, for ?env=true. */
  readonly env?: readonly string[];
  readonly tcp?: TcpTransport;
}

const enc = new TextEncoder();

/**
 * @example
 * new WhoamiServer(podNs, { hostname: 'webpod-697b545f57-5dd9p', epochMs }).start();
 */
export class WhoamiServer {
  private readonly http: GoHttpServer;
  private health = 200;

  constructor(
    readonly ns: Netns,
    readonly opts: WhoamiOptions,
  ) {
    this.http = new GoHttpServer(ns, { port: opts.port ?? 80, epochMs: opts.epochMs, handler: (r, remote) => this.route(r, remote), ...(opts.tcp ? { tcp: opts.tcp } : {}) });
  }

  start(): Errno | undefined {
    return this.http.start();
  }

  stop(): void {
    this.http.stop();
  }

  /** The ServeMux: exact paths for the named handlers, "/" for everything else. */
  private route(req: HttpRequest, remote: string): GoResponse {
    const [path = '/', query = ''] = req.target.replace(/^[a-z]+:\/\/[^/]*/i, '').split('?', 2);
    const params = new URLSearchParams(query);
    if (path === '/api') return this.api(req, remote, params);
    if (path === '/health') return this.healthHandler(req);
    if (path === '/bench') return { status: 200, header: [['Connection', 'keep-alive'], ['Content-Type', 'text/plain']], writes: [enc.encode('1')] };
    return this.whoami(req, remote, params);
  }

  private whoami(req: HttpRequest, remote: string, params: URLSearchParams): GoResponse {
    const lines: string[] = [];
    if (this.opts.name) lines.push(`Name: ${this.opts.name}\n`);
    lines.push(`Hostname: ${this.opts.hostname}\n`);
    for (const ip of interfaceIps(this.ns)) lines.push(`IP: ${ip}\n`);
    lines.push(`RemoteAddr: ${remote}\n`);
    const writes: Uint8Array[] = lines.map((l) => enc.encode(l));
    // Request.Write goes through its own 4096-byte bufio.Writer: one Write per 4096 bytes.
    const reqText = enc.encode(goRequestWrite(req));
    for (let i = 0; i < reqText.length; i += 4096) writes.push(reqText.subarray(i, i + 4096));
    if (req.body.length > 0) writes.push(req.body);
    if (parseBool(params.get('env'))) for (const e of this.opts.env ?? []) writes.push(enc.encode(`${e}\n`));
    const wait = goDurationUs(params.get('wait') ?? '');
    return { status: 200, header: [], writes, ...(wait ? { delayUs: wait } : {}) };
  }

  private api(req: HttpRequest, remote: string, params: URLSearchParams): GoResponse {
    const headers: Record<string, string[]> = {};
    for (const [k, v] of req.headers) if (k !== 'Host') (headers[k] ??= []).push(v);
    const environ: Record<string, string> = {};
    if (parseBool(params.get('env'))) for (const e of this.opts.env ?? []) environ[e.split('=')[0] ?? e] = e.slice(e.indexOf('=') + 1);
    const data: Record<string, unknown> = { hostname: this.opts.hostname, ip: interfaceIps(this.ns), headers: sortKeys(headers), url: req.target.replace(/^[a-z]+:\/\/[^/]*/i, '') || '/', host: req.headers.find(([k]) => k === 'Host')?.[1] ?? '', method: req.method };
    if (this.opts.name) data['name'] = this.opts.name;
    data['remoteAddr'] = remote;
    if (Object.keys(environ).length > 0) data['environ'] = sortKeys(environ);
    return { status: 200, header: [['Content-Type', 'application/json']], writes: [enc.encode(`${goJson(data)}\n`)] };
  }

  private healthHandler(req: HttpRequest): GoResponse {
    if (req.method === 'POST') {
      const code = Number.parseInt(new TextDecoder().decode(req.body).trim(), 10);
      if (Number.isNaN(code)) return { status: 400, header: [['Content-Type', 'text/plain; charset=utf-8'], ['X-Content-Type-Options', 'nosniff']], writes: [enc.encode('invalid character in body\n')] };
      this.health = code;
      return { status: 200, header: [], writes: [] };
    }
    return { status: this.health, header: [], writes: [] };
  }
}

function parseBool(v: string | null): boolean {
  return v !== null && ['1', 't', 'T', 'TRUE', 'true', 'True'].includes(v);
}

/** time.ParseDuration for the units whoami users write ("100ms", "1s", "1.5s", "2m"). */
export function goDurationUs(s: string): number {
  const units: Record<string, number> = { ns: 1e-3, us: 1, µs: 1, ms: 1e3, s: 1e6, m: 60e6, h: 3600e6 };
  let total = 0;
  const re = /([0-9]*\.?[0-9]+)(ns|us|µs|ms|s|m|h)/gy;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(s)) !== null) {
    total += Number(m[1]) * (units[m[2] ?? 's'] ?? 0);
    consumed = re.lastIndex;
  }
  return consumed === s.length && s !== '' ? Math.round(total) : 0;
}

function sortKeys<T>(o: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** encoding/json with Go's HTML escaping of <, > and &. */
function goJson(v: unknown): string {
  return JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
