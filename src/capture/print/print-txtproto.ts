// Layer capture (print): util-print.c's txtproto_print() as print-http.c uses it: "HTTP" and, when the
// payload starts with a request method or has a 3-digit status code as its second token, ": " and the
// first line ("HTTP: GET / HTTP/1.1"); with -v ", length: N" and every text line on its own "\n\t" line.
// Lines end at LF or CRLF; anything unprintable stops the printing.

import type { Nd } from './nd.js';
import { latin1 } from './print-util.js';

const HTTP_METHODS = new Set([
  'GET', 'PUT', 'COPY', 'HEAD', 'LOCK', 'MOVE', 'POLL', 'POST', 'BCOPY', 'BMOVE', 'MKCOL', 'TRACE', 'LABEL', 'MERGE', 'DELETE',
  'SEARCH', 'UNLOCK', 'REPORT', 'UPDATE', 'NOTIFY', 'BDELETE', 'CONNECT', 'OPTIONS', 'CHECKIN', 'PROPFIND', 'CHECKOUT', 'CCM_POST',
  'SUBSCRIBE', 'PROPPATCH', 'BPROPFIND', 'BPROPPATCH', 'UNCHECKOUT', 'MKACTIVITY', 'MKWORKSPACE', 'UNSUBSCRIBE', 'RPC_CONNECT',
  'VERSION-CONTROL', 'BASELINE-CONTROL',
]);
const MAX_TOKEN = 128;

function isPrint(c: number): boolean {
  return c >= 0x20 && c < 0x7f;
}

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0d || c === 0x0a;
}

/** fetch_token(): the token at idx and the index after it and its trailing blanks; idx 0 on failure. */
function fetchToken(nd: Nd, p: number, idx: number, len: number): { token: string; idx: number } {
  let token = '';
  for (; idx < len; idx++) {
    if (!nd.has(p + idx, 1)) return { token, idx: 0 };
    const c = nd.u8(p + idx);
    if (c > 0x7f) return { token, idx: 0 };
    if (isSpace(c)) break;
    if (!isPrint(c) || token.length + 2 > MAX_TOKEN + 1) return { token, idx: 0 };
    token += String.fromCharCode(c);
  }
  if (token.length === 0) return { token, idx: 0 };
  for (; idx < len; idx++) {
    if (!nd.has(p + idx, 1)) break;
    const c = nd.u8(p + idx);
    if (c === 0x0d || c === 0x0a || !isPrint(c) || (c !== 0x20 && c !== 0x09)) break;
  }
  return { token, idx };
}

/** print_txt_line(): the index after the line ending, or 0 (binary data, or no ending: printed as cut). */
function printTxtLine(nd: Nd, prefix: string, p: number, idx: number, len: number): number {
  const start = idx;
  while (idx < len) {
    const c = nd.u8(p + idx);
    if (c === 0x0a) return emitLine(nd, prefix, p + start, idx - start, idx + 1);
    if (c === 0x0d) {
      if (idx + 1 >= len) return 0;
      if (nd.u8(p + idx + 1) === 0x0a) return emitLine(nd, prefix, p + start, idx - start, idx + 2);
      return 0;
    }
    if (!isPrint(c) && c !== 0x09) return 0;
    idx++;
  }
  emitLine(nd, prefix, p + start, idx - start, 0);
  nd.printTrunc();
  return 0;
}

function emitLine(nd: Nd, prefix: string, at: number, n: number, next: number): number {
  nd.print(prefix + latin1(nd.data, at, at + n));
  return next;
}

export function httpPrint(nd: Nd, p: number, len: number): void {
  nd.protocol = 'http';
  let isHttp = false;
  const first = fetchToken(nd, p, 0, len);
  if (first.idx !== 0) {
    isHttp = HTTP_METHODS.has(first.token.toUpperCase());
    const second = fetchToken(nd, p, first.idx, len);
    if (second.idx !== 0 && /^[0-9]{3}$/.test(second.token)) isHttp = true;
  }
  nd.printProtocolCaps();
  if (!isHttp) return;
  if (!nd.opts.vflag) return void printTxtLine(nd, ': ', p, 0, len);
  nd.print(`, length: ${len}`);
  for (let idx = 0; idx < len; ) {
    const eol = printTxtLine(nd, '\n\t', p, idx, len);
    if (eol === 0) break;
    idx = eol;
  }
}
