// Layer tools (net-clients): `curl` (8.14.1 in netshoot, 8.5.0 on Ubuntu) over the HttpClient engine:
// the body to stdout or -o FILE, -v's "* " / "> " / "< " / "{ [N bytes data]" trace per release
// (src/tool_cb_dbg.c), the progress meter when the body does not go to a terminal, "curl: (N) ..." errors
// unless -s, -w after the transfer. Ctrl-C kills it: status 130 and nothing more. --help, --version and
// --manual print instead of a transfer, per release, with or without a network. TLS is not modelled: an
// https:// URL says so rather than speak plain HTTP where the real curl would handshake.

import { formatIpv4 } from '../../addr/index.js';
import { HttpClient, type CurlEvent, type CurlRelease } from '../../apps/index.js';
import type { Process, Tool } from '../process.js';
import { parseCurlArgs, type CurlArgs, type CurlRequest } from './curl-args.js';
import { curlHelp, NO_MANUAL, terminalColumns } from './curl-help.js';
import { ProgressMeter } from './curl-progress.js';
import { curlVersion } from './curl-version.js';
import { writeOut, type TransferInfo } from './curl-write-out.js';
import { clientEnv, curlRelease, resolverFor, strerror, type ClientEnv } from './host-env.js';

export const curl: Tool = async (p) => {
  const env = clientEnv(p);
  const release = curlRelease(p);
  const parsed = parseCurlArgs(p.argv.slice(1), release);
  if (!parsed.ok) {
    p.err(parsed.stderr);
    return parsed.exitCode;
  }
  if ('request' in parsed) return printRequest(p, release, parsed.request);
  if (/^https:\/\//i.test(parsed.args.url)) {
    // The real curl speaks TLS here; the lab has no TLS, and plain HTTP to port 80 would be a wrong answer.
    p.err(`ciliumlab: curl over TLS (${parsed.args.url}) is not modelled; the lab's HTTP servers answer on http://\n`);
    return 1;
  }
  if (!env) {
    p.err(`curl: (7) Failed to connect to ${parsed.args.url}: Network is unreachable\n`);
    return 7;
  }
  return new CurlRun(p, env, parsed.args).run();
};

function printRequest(p: Process, release: CurlRelease, r: CurlRequest): number {
  switch (r.kind) {
    case 'version':
      p.out(curlVersion(release));
      return 0;
    case 'manual':
      p.err(NO_MANUAL);
      return 1;
    case 'help': {
      const help = curlHelp(release, r.category, terminalColumns(p.env));
      if (help.out) p.out(help.out);
      if (help.err) p.err(help.err);
      return help.exitCode;
    }
  }
}

class CurlRun {
  private readonly release: CurlRelease;
  private readonly bodyToTty: boolean;
  private readonly meter: ProgressMeter | undefined;
  private readonly info: { -readonly [K in keyof TransferInfo]: TransferInfo[K] };
  private readonly startUs: number;
  private isTracedData = false;
  private failStatus: number | undefined;
  private fileBody = '';
  private exitCode: number | undefined;

  constructor(
    private readonly p: Process,
    private readonly env: ClientEnv,
    private readonly a: CurlArgs,
  ) {
    this.release = env.curl;
    this.startUs = p.lab.nowUs;
    this.bodyToTty = a.output === undefined && p.isTty;
    const hasMeter = !a.isSilent && !a.isNoProgress && !this.bodyToTty;
    this.meter = hasMeter ? new ProgressMeter(this.startUs, (t) => p.err(t)) : undefined;
    const zero = { namelookup: 0, connect: 0, pretransfer: 0, starttransfer: 0, total: 0 };
    this.info = { url: a.url, httpCode: 0, exitCode: 0, errorMessage: '', remoteIp: '', remotePort: 0, localIp: '', localPort: 0, sizeDownload: 0, sizeHeader: 0, sizeRequest: 0, contentType: undefined, method: requestMethod(a), numConnects: 0, timesUs: zero };
  }

  async run(): Promise<number> {
    const a = this.a;
    const client = new HttpClient(
      this.env.netns,
      {
        url: a.url,
        method: requestMethod(a),
        ...(a.data !== undefined ? { body: new TextEncoder().encode(a.data) } : {}),
        release: this.release,
        resolver: resolverFor(this.env),
        headers: a.headers,
        ...(a.userAgent !== undefined ? { userAgent: a.userAgent } : {}),
        ...(a.connectTimeoutMs !== undefined ? { connectTimeoutMs: a.connectTimeoutMs } : {}),
        ...(a.maxTimeMs !== undefined ? { maxTimeMs: a.maxTimeMs } : {}),
      },
      (e) => this.onEvent(e),
    );
    this.meter?.update(this.p.lab.nowUs);
    const tick = (): void => {
      if (this.exitCode !== undefined) return;
      this.meter?.update(this.p.lab.nowUs);
      this.p.lab.scheduler.after(1_000_000, tick);
    };
    if (this.meter) this.p.lab.scheduler.after(1_000_000, tick);
    this.p.onInterrupt(() => client.abort());
    client.start();
    await this.p.until(() => this.exitCode !== undefined);
    return this.exitCode ?? 0;
  }

  private trace(text: string): void {
    if (this.a.isVerbose) this.p.err(text);
  }

  private elapsed(): number {
    return this.p.lab.nowUs - this.startUs;
  }

  private onEvent(e: CurlEvent): void {
    const t = this.info.timesUs;
    switch (e.kind) {
      case 'resolved':
        t.namelookup = this.elapsed();
        this.trace(`* Host ${e.host}:${e.port} was resolved.\n* IPv6: ${e.v6.join(', ') || '(none)'}\n* IPv4: ${e.v4.map(formatIpv4).join(', ')}\n`);
        return this.meter?.update(this.p.lab.nowUs);
      case 'trying':
        return this.trace(`*   Trying ${formatIpv4(e.ip)}:${e.port}...\n`);
      case 'connect-failed': {
        const from = e.local ? `${formatIpv4(e.local.addr)} port ${e.local.port}` : '0.0.0.0 port 0';
        return this.trace(`* connect to ${formatIpv4(e.ip)} port ${e.port} from ${from} failed: ${strerror(this.env.libc, e.errno)}\n`);
      }
      case 'connected':
        Object.assign(this.info, { remoteIp: formatIpv4(e.ip), remotePort: e.port, localIp: formatIpv4(e.local.addr), localPort: e.local.port, numConnects: 1 });
        t.connect = this.elapsed();
        t.pretransfer = t.connect;
        this.trace(`* Connected to ${e.host} (${formatIpv4(e.ip)}) port ${e.port}\n${this.release === '8.14.1' ? '* using HTTP/1.x\n' : ''}`);
        return this.meter?.update(this.p.lab.nowUs);
      case 'request-sent':
        this.info.sizeRequest = e.head.length;
        this.isTracedData = false;
        return this.trace(`${e.head.split('\r\n').slice(0, -1).map((l) => `> ${l}\r\n`).join('')}${sentOffLine(this.release, e.bodyBytes)}`);
      case 'response-head':
        return this.onHead(e);
      case 'data':
        return this.onData(e);
      case 'error':
        return this.onError(e.code, e.message);
      case 'done':
        return this.onDone(e);
    }
  }

  private onHead(e: Extract<CurlEvent, { kind: 'response-head' }>): void {
    const lines = [e.statusLine, ...e.headers.map(([k, v]) => `${k}: ${v}`), ''];
    const block = lines.map((l) => `${l}\r\n`).join('');
    this.info.timesUs.starttransfer = this.elapsed();
    this.info.httpCode = Number(/^HTTP\/\S+ (\d{3})/.exec(e.statusLine)?.[1] ?? 0);
    this.info.sizeHeader = block.length;
    this.info.contentType = e.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1];
    const length = e.headers.find(([k]) => k.toLowerCase() === 'content-length')?.[1];
    this.meter?.setTotal(length !== undefined && !this.a.isHead ? Number(length) : undefined);
    this.isTracedData = false;
    this.trace(lines.map((l) => `< ${l}\r\n`).join(''));
    if (this.a.isFail && this.info.httpCode >= 400) {
      this.failStatus = this.info.httpCode;
      return;
    }
    if (this.a.isHead || this.a.isInclude) this.emitBody(block);
  }

  private onData(e: Extract<CurlEvent, { kind: 'data' }>): void {
    if (this.failStatus !== undefined) return;
    if (this.a.isVerbose && !this.isTracedData && !this.p.isTty) {
      this.p.err(`{ [${this.release === '8.14.1' ? e.wireBytes : e.body.length} bytes data]\n`);
      this.isTracedData = true;
    }
    this.info.sizeDownload += e.body.length;
    this.meter?.addBytes(e.body.length);
    this.meter?.update(this.p.lab.nowUs);
    this.emitBody(new TextDecoder().decode(e.body));
  }

  private emitBody(text: string): void {
    if (this.a.output === undefined || this.a.output === '-') this.p.out(text);
    else this.fileBody += text;
  }

  private onError(code: number, message: string): void {
    this.info.errorMessage = message;
    if (this.release === '8.5.0' && code === 28 && message.startsWith('Failed to connect')) this.trace(`* ipv4 connect timeout after ${this.a.connectTimeoutMs ?? 0}ms, move on!\n`);
    this.trace(`* ${message}\n`);
  }

  private onDone(e: Extract<CurlEvent, { kind: 'done' }>): void {
    if (e.exitCode === 130) {
      this.exitCode = 130;
      return;
    }
    const code = this.failStatus !== undefined ? 22 : e.exitCode;
    this.info.exitCode = code;
    this.info.timesUs.total = e.elapsedUs;
    if (this.failStatus !== undefined) this.info.errorMessage = `The requested URL returned error: ${this.failStatus}`;
    if (this.failStatus !== undefined) this.trace(`* ${this.info.errorMessage}\n`);
    // multi_done() forces the last meter line before it lets the connection go; a failed name lookup never
    // gets there, so its "curl: (6)" follows the first meter line on the same line.
    if (code !== 6) this.meter?.done(this.p.lab.nowUs);
    this.trace(closingLine(this.release, code === 0 ? e.connection : 'closed', hostOf(this.a.url)));
    if (this.a.output !== undefined && this.a.output !== '-') this.p.host.writeFile(this.a.output, this.fileBody);
    if (code !== 0 && (!this.a.isSilent || this.a.isShowError)) this.p.err(`curl: (${code}) ${this.info.errorMessage}\n`);
    if (this.a.writeOut !== undefined) this.p.out(writeOut(this.a.writeOut, this.info, (w) => this.p.err(w)));
    this.exitCode = code;
  }
}

/** The host part of the URL as curl names the connection. */
function hostOf(url: string): string {
  return /^(?:[a-z]+:\/\/)?([^/:?#]+)/i.exec(url)?.[1] ?? url;
}

function closingLine(release: CurlRelease, connection: 'left-intact' | 'closed-by-server' | 'closed', host: string): string {
  if (connection === 'left-intact') return `* Connection #0 to host ${host} left intact\n`;
  if (release === '8.5.0') return '* Closing connection\n';
  return connection === 'closed-by-server' ? '* shutting down connection #0\n' : '* closing connection #0\n';
}

/** -X as typed, else HEAD for -I, POST when -d gives a body, GET otherwise. */
function requestMethod(a: CurlArgs): string {
  if (a.isHead) return 'HEAD';
  return a.method ?? (a.data !== undefined ? 'POST' : 'GET');
}

/** 8.14.1's lib/request.c line once the request is out; 8.5.0 prints none when a small body leaves with the head. */
function sentOffLine(release: CurlRelease, bodyBytes: number): string {
  if (release !== '8.14.1') return '';
  return bodyBytes > 0 ? `* upload completely sent off: ${bodyBytes} bytes\n` : '* Request completely sent off\n';
}
