// Layer apps: reading an HTTP/1.1 response as curl does (lib/http.c header parsing, lib/http_chunks.c):
// the status line and header fields, then a body delimited by Content-Length, by chunked transfer coding,
// or by the server closing (HTTP/1.0, or no length). HEAD responses and 204/304 have no body.

import { concat, indexOfCrlfCrlf, latin1 } from './http-request.js';

export type ReaderEvent =
  | { readonly kind: 'head'; readonly statusLine: string; readonly status: number; readonly headers: readonly (readonly [string, string])[] }
  | { readonly kind: 'data'; readonly wireBytes: number; readonly body: Uint8Array }
  | { readonly kind: 'error'; readonly message: string };

export class HttpResponseReader {
  private buf: Uint8Array = new Uint8Array(0);
  hasHead = false;
  isComplete = false;
  isServerClose = false;
  contentLength: number | undefined;
  bodyBytes = 0;
  private mode: 'length' | 'chunked' | 'eof' | 'none' = 'none';
  private chunkLeft = -1;

  constructor(private readonly isHead: boolean) {}

  feed(d: Uint8Array): ReaderEvent[] {
    const out: ReaderEvent[] = [];
    this.buf = concat(this.buf, d);
    if (!this.hasHead) {
      const end = indexOfCrlfCrlf(this.buf);
      if (end < 0) return out;
      const [statusLine = '', ...fields] = latin1(this.buf.subarray(0, end)).split('\r\n');
      const m = /^HTTP\/(\d(?:\.\d)?) (\d{3})/.exec(statusLine);
      if (!m) return [{ kind: 'error', message: 'Weird server reply' }];
      const headers = fields.map((f): [string, string] => [f.slice(0, Math.max(0, f.indexOf(':'))), f.slice(f.indexOf(':') + 1).trim()]);
      this.hasHead = true;
      this.buf = this.buf.slice(end + 4);
      const status = Number(m[2]);
      const get = (k: string): string | undefined => headers.find(([h]) => h.toLowerCase() === k)?.[1];
      const conn = (get('connection') ?? '').toLowerCase();
      this.isServerClose = conn.includes('close') || (m[1] === '1.0' && !conn.includes('keep-alive'));
      const cl = get('content-length');
      if (cl !== undefined) this.contentLength = Number(cl);
      if (this.isHead || status === 204 || status === 304) this.mode = 'none';
      else if ((get('transfer-encoding') ?? '').toLowerCase().includes('chunked')) this.mode = 'chunked';
      else if (this.contentLength !== undefined) this.mode = 'length';
      else this.mode = 'eof';
      out.push({ kind: 'head', statusLine, status, headers });
      if (this.mode === 'none' || (this.mode === 'length' && this.contentLength === 0)) this.isComplete = true;
    }
    if (this.isComplete || this.buf.length === 0) return out;
    if (this.mode === 'length' || this.mode === 'eof') {
      const want = this.mode === 'length' ? Math.min(this.buf.length, (this.contentLength ?? 0) - this.bodyBytes) : this.buf.length;
      const body = this.buf.slice(0, want);
      this.buf = this.buf.slice(want);
      this.bodyBytes += body.length;
      out.push({ kind: 'data', wireBytes: body.length, body });
      if (this.mode === 'length' && this.bodyBytes >= (this.contentLength ?? 0)) this.isComplete = true;
      return out;
    }
    return [...out, ...this.chunks()];
  }

  private chunks(): ReaderEvent[] {
    const wire = this.buf.length;
    const parts: Uint8Array[] = [];
    let off = 0;
    for (;;) {
      if (this.chunkLeft < 0) {
        const nl = this.buf.indexOf(10, off);
        if (nl < 0) break;
        const size = Number.parseInt(latin1(this.buf.subarray(off, nl)).trim(), 16);
        if (Number.isNaN(size)) return [{ kind: 'error', message: 'invalid chunk size' }];
        off = nl + 1;
        if (size === 0) {
          this.isComplete = true;
          off = Math.min(this.buf.length, off + 2);
          break;
        }
        this.chunkLeft = size;
      }
      const take = Math.min(this.chunkLeft, this.buf.length - off);
      parts.push(this.buf.slice(off, off + take));
      off += take;
      this.chunkLeft -= take;
      if (this.chunkLeft > 0) break;
      if (this.buf.length - off < 2) {
        this.chunkLeft = 0;
        break;
      }
      off += 2;
      this.chunkLeft = -1;
    }
    this.buf = this.buf.slice(off);
    const body = parts.reduce((a, b) => concat(a, b), new Uint8Array(0));
    this.bodyBytes += body.length;
    return [{ kind: 'data', wireBytes: wire - this.buf.length, body }];
  }

  /** The server closed: how many announced body bytes never came (0 when the body was close-delimited). */
  onEof(): number {
    if (this.mode === 'eof') {
      this.isComplete = true;
      return 0;
    }
    return this.contentLength !== undefined ? Math.max(0, this.contentLength - this.bodyBytes) : 0;
  }
}
