// Layer apps: an HTTP/1.x request as a server reads it (Go net/http readRequest, textproto): the request
// line, header fields with keys canonicalised (CanonicalMIMEHeaderKey: "user-agent" -> "User-Agent"),
// and a Content-Length body. Incremental: feed bytes, take complete requests; malformed input is an error.

export interface HttpRequest {
  readonly method: string;
  readonly target: string;
  readonly proto: string;
  readonly protoMinor: number;
  /** Canonical keys in arrival order, repeated keys kept. Host is included. */
  readonly headers: readonly (readonly [string, string])[];
  readonly body: Uint8Array;
}

export type ParseStep = { readonly kind: 'need-more' } | { readonly kind: 'request'; readonly request: HttpRequest; readonly rest: Uint8Array } | { readonly kind: 'error'; readonly reason: string };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** textproto.CanonicalMIMEHeaderKey. */
export function canonicalHeaderKey(k: string): string {
  if (!TOKEN.test(k)) return k;
  return k.toLowerCase().replace(/(^|-)([a-z])/g, (_m, dash: string, c: string) => dash + c.toUpperCase());
}

export function headerValue(h: readonly (readonly [string, string])[], key: string): string | undefined {
  return h.find(([k]) => k === key)?.[1];
}

export function parseHttpRequest(buf: Uint8Array): ParseStep {
  const end = indexOfCrlfCrlf(buf);
  if (end < 0) return buf.length > 1 << 20 ? { kind: 'error', reason: 'request header too large' } : { kind: 'need-more' };
  const head = latin1(buf.subarray(0, end));
  const [line = '', ...fields] = head.split(/\r?\n/);
  const m = /^([A-Z!#$%&'*+\-.^_`|~0-9a-z]+) (\S+) HTTP\/(\d)\.(\d)$/.exec(line);
  if (!m) return { kind: 'error', reason: 'malformed HTTP request' };
  const headers: [string, string][] = [];
  for (const f of fields) {
    const c = f.indexOf(':');
    if (c <= 0) return { kind: 'error', reason: 'malformed MIME header line' };
    headers.push([canonicalHeaderKey(f.slice(0, c)), f.slice(c + 1).trim()]);
  }
  const len = Number(headerValue(headers, 'Content-Length') ?? '0');
  if (!Number.isInteger(len) || len < 0) return { kind: 'error', reason: 'bad Content-Length' };
  const bodyStart = end + 4;
  if (buf.length < bodyStart + len) return { kind: 'need-more' };
  const request: HttpRequest = { method: m[1] ?? 'GET', target: m[2] ?? '/', proto: `HTTP/${m[3]}.${m[4]}`, protoMinor: Number(m[4]), headers, body: buf.slice(bodyStart, bodyStart + len) };
  return { kind: 'request', request, rest: buf.slice(bodyStart + len) };
}

export function indexOfCrlfCrlf(b: Uint8Array): number {
  for (let i = 0; i + 3 < b.length; i++) if (b[i] === 13 && b[i + 1] === 10 && b[i + 2] === 13 && b[i + 3] === 10) return i;
  return -1;
}

export function latin1(b: Uint8Array): string {
  let s = '';
  for (const c of b) s += String.fromCharCode(c);
  return s;
}

export function bytesOf(s: string): Uint8Array {
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i) & 0xff;
  return out;
}

export function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
