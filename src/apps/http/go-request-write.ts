// Layer apps: Go's Request.Write (net/http request.go write) as whoami calls it on the request it
// received: "<METHOD> <RequestURI> HTTP/1.1", "Host:", "User-Agent:" (Go-http-client/1.1 when the
// client sent none), "Connection: close" when the client asked to close, then the other headers sorted
// by key (Header.writeSubset without Host, User-Agent, Content-Length, Transfer-Encoding, Trailer), CRLF.

import { headerValue, type HttpRequest } from './http-request.js';

const EXCLUDED = new Set(['Host', 'User-Agent', 'Content-Length', 'Transfer-Encoding', 'Trailer', 'Connection']);

export function goRequestWrite(req: HttpRequest): string {
  const lines = [`${req.method} ${requestUri(req.target)} HTTP/1.1`, `Host: ${headerValue(req.headers, 'Host') ?? ''}`];
  const ua = headerValue(req.headers, 'User-Agent');
  const userAgent = ua === undefined ? 'Go-http-client/1.1' : ua.replace(/[\r\n]/g, ' ').trim();
  if (userAgent !== '') lines.push(`User-Agent: ${userAgent}`);
  // The server deleted a "Connection: close" header and set Close; the transfer writer prints it back.
  const conn = headerValue(req.headers, 'Connection');
  const isClose = conn !== undefined && conn.toLowerCase().split(',').some((t) => t.trim() === 'close');
  if (isClose) lines.push('Connection: close');
  if (req.body.length > 0 && ['POST', 'PUT', 'PATCH'].includes(req.method)) lines.push(`Content-Length: ${req.body.length}`);
  const rest = req.headers.filter(([k]) => !EXCLUDED.has(k) || (k === 'Connection' && !isClose));
  const keys = [...new Set(rest.map(([k]) => k))].sort();
  for (const k of keys) for (const [kk, v] of rest) if (kk === k) lines.push(`${k}: ${v.replace(/[\r\n]/g, ' ').trim()}`);
  return `${lines.join('\r\n')}\r\n\r\n`;
}

/** URL.RequestURI for an origin-form or absolute-form target. */
function requestUri(target: string): string {
  const m = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*(.*)$/.exec(target);
  const uri = m ? (m[1] ?? '') : target;
  return uri === '' ? '/' : uri;
}
