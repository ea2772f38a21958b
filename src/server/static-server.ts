// Layer server: the HTTP server behind `ciliumlab web` — it serves the built browser lab (dist-web/) as
// static files and nothing else: GET and HEAD only, no directory listings, no path outside the root
// (after decoding and resolving symlinks), a Content-Security-Policy that lets the page talk to no one.
// The emulator runs in the page, so no request ever runs a command on this machine.

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

async function answer(root: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { ...HEADERS, Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end('405 Method Not Allowed\n');
    return;
  }
  const file = await fileFor(root, req.url ?? '/');
  if (file === undefined) {
    res.writeHead(404, { ...HEADERS, 'Content-Type': 'text/plain; charset=utf-8' }).end('404 Not Found\n');
    return;
  }
  const body = await readFile(file);
  res.writeHead(200, { ...HEADERS, 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream', 'Content-Length': body.length });
  res.end(req.method === 'HEAD' ? undefined : body);
}

/**
 * Starts serving `root`; resolves with the server and its URL once it listens.
 * @example const { url } = await startStaticServer({ root: 'dist-web', host: '127.0.0.1', port: 0 })
 */
export function startStaticServer(opts: StaticServerOptions): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    answer(opts.root, req, res).catch(() => {
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
