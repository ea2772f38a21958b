// Layer server: the HTTP server behind `ciliumlab web` — it serves the built browser lab (dist-web/) as
// static files and nothing else: GET and HEAD only, no directory listings, no path outside the root
// (after decoding and resolving symlinks), a Content-Security-Policy that lets the page talk to no one.
// The emulator runs in the page, so no request ever runs a command on this machine.
// Every response carries a validator (ETag, Last-Modified) and `no-cache`: a reload revalidates each file
// and gets 304 Not Modified, so the browser keeps its copy and the code V8 compiled from it (the next load
// skips parsing and compiling the 3 MB script). The build writes a gzipped copy beside each large text
// file (FILE.gz); clients that accept gzip get that copy, with no compressing at request time.

import type { Stats } from 'node:fs';
import { realpath, readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/** The page loads its scripts from itself and connects nowhere; Cytoscape and xterm.js set inline styles. */
const HEADERS = {
  'Content-Security-Policy': "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self'; connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-cache',
} as const;

export interface StaticServerOptions {
  /** The directory to serve (dist-web/). */
  readonly root: string;
  readonly host: string;
  /** 0 picks a free port. */
  readonly port: number;
}

/** The file a request path names inside `root`, or undefined when it names nothing servable. */
export async function fileFor(root: string, urlPath: string): Promise<string | undefined> {
  let path: string;
  try {
    path = decodeURIComponent(urlPath.split(/[?#]/)[0] ?? '/');
  } catch {
    return undefined;
  }
  if (path.includes('\0') || !path.startsWith('/')) return undefined;
  const realRoot = await realpath(root);
  const wanted = resolve(realRoot, `.${path.endsWith('/') ? `${path}index.html` : path}`);
  try {
    const real = await realpath(wanted);
    if (real !== realRoot && !real.startsWith(realRoot + sep)) return undefined;
    return (await stat(real)).isFile() ? real : undefined;
  } catch {
    return undefined;
  }
}

/** One version of a file: its validators, and its bytes when read. */
interface Entry {
  readonly etag: string;
  readonly lastModified: string;
  readonly mtimeMs: number;
  body: Promise<Buffer> | undefined;
}

/** Files by path with their validators and bytes; an entry is replaced when the file's size or mtime changes. */
class FileCache {
  private readonly entries = new Map<string, Entry>();

  get(file: string, st: Stats): Entry {
    const etag = `W/"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
    let e = this.entries.get(file);
    if (e?.etag !== etag) {
      e = { etag, lastModified: new Date(Math.floor(st.mtimeMs / 1000) * 1000).toUTCString(), mtimeMs: st.mtimeMs, body: undefined };
      this.entries.set(file, e);
    }
    return e;
  }

  body(file: string, e: Entry): Promise<Buffer> {
    if (!e.body) {
      e.body = readFile(file);
      e.body.catch(() => (e.body = undefined));
    }
    return e.body;
  }

  /** The build's gzipped copy of `file` when there is one as new as it. */
  async gzipped(file: string, e: Entry): Promise<Buffer | undefined> {
    const gz = `${file}.gz`;
    const st = await stat(gz).catch(() => undefined);
    // Not through a symlink (it could lead out of the root), and not older than the file.
    if (!st?.isFile() || st.mtimeMs < e.mtimeMs || (await realpath(gz)) !== gz) return undefined;
    return this.body(gz, this.get(gz, st));
  }
}

/** Accept-Encoding names gzip (or *) with a q above 0. */
export function acceptsGzip(header: string | undefined): boolean {
  return (header ?? '').split(',').some((part) => {
    const [coding = '', ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q.slice(2)) > 0);
  });
}

/** If-None-Match (or, without it, If-Modified-Since) says the client's copy is this version. */
function isFresh(req: IncomingMessage, e: Entry): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return inm.split(',').some((t) => t.trim() === '*' || t.trim().replace(/^W\//, '') === e.etag.replace(/^W\//, ''));
  const ims = req.headers['if-modified-since'];
  return ims !== undefined && Date.parse(ims) >= Date.parse(e.lastModified);
}

async function answer(root: string, cache: FileCache, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('405 Method Not Allowed\n');
    return;
  }
  const file = await fileFor(root, req.url ?? '/');
  if (file === undefined) {
    res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
    return;
  }
  const entry = cache.get(file, await stat(file));
  const validators = { ETag: entry.etag, 'Last-Modified': entry.lastModified, Vary: 'Accept-Encoding' };
  if (isFresh(req, entry)) {
    res.writeHead(304, { ...HEADERS, ...validators }).end();
    return;
  }
  const gzipped = acceptsGzip(req.headers['accept-encoding']) ? await cache.gzipped(file, entry) : undefined;
  const body = gzipped ?? (await cache.body(file, entry));
  res.writeHead(200, { ...HEADERS, ...validators, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length, ...(gzipped ? { 'Content-Encoding': 'gzip' } : {}) });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts serving `root`; resolves with the server and its URL once it listens.
 * @example const { url } = await startStaticServer({ root: 'dist-web', host: '127.0.0.1', port: 0 })
 */
export function startStaticServer(opts: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const cache = new FileCache();
  const server = createServer((req, res) => {
    answer(opts.root, cache, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('500 Internal Server Error\n');
    });
  });
  return new Promise((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => {
      server.off('error', reject);
      const addr = server.address();
      const port = typeof addr === 'object' && addr ? addr.port : opts.port;
      const host = opts.host.includes(':') ? `[${opts.host}]` : opts.host;
      resolveListen({ server, url: `http://${host}:${port}/` });
    });
  });
}
