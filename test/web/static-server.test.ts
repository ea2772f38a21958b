// `ciliumlab web`'s server: it serves the built files of one directory and nothing else — no path out of
// it (dot-dot, encoded or through a symlink), no listings, GET and HEAD only — with a CSP that lets the
// page connect nowhere; and the command line that starts it (127.0.0.1 unless told otherwise).

import { mkdirSync, mkdtempSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { gunzipSync, gzipSync } from 'node:zlib';
import { acceptsGzip, startStaticServer } from '../../src/server/static-server.js';

interface Reply {
  status: number;
  type: string;
  csp: string;
  body: string;
  headers: Record<string, string | string[] | undefined>;
}

function get(url: string, path: string, method = 'GET', headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks);
        const body = (res.headers['content-encoding'] === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), csp: String(res.headers['content-security-policy'] ?? ''), body, headers: res.headers });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

const BIG = `${'console.log("a line of the lab");\n'.repeat(200)}`;

describe('the static server', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'ciliumlab-web-'));
    const root = join(base, 'dist-web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
    // A large script with the build's gzipped copy beside it (as new as the script).
    writeFileSync(join(root, 'assets', 'big.js'), BIG);
    writeFileSync(join(root, 'assets', 'big.js.gz'), gzipSync(BIG));
    writeFileSync(join(root, 'assets', 'stale.js'), BIG);
    writeFileSync(join(root, 'assets', 'stale.js.gz'), gzipSync('old'));
    utimesSync(join(root, 'assets', 'stale.js.gz'), new Date(2000, 0, 1), new Date(2000, 0, 1));
    writeFileSync(join(base, 'secret.txt'), 'do not serve');
    symlinkSync(join(base, 'secret.txt'), join(root, 'assets', 'link.txt'));
    ({ server, url } = await startStaticServer({ root, host: '127.0.0.1', port: 0 }));
  });

  afterAll(() => server.close());

  test('serves the page and its assets with their types and a CSP that allows no connections', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await get(url, '/');
    expect([page.status, page.type, page.body]).toEqual([200, 'text/html; charset=utf-8', '<!doctype html><title>lab</title>']);
    expect(page.csp).toContain("connect-src 'none'");
    expect(page.csp).toContain("script-src 'self'");
    const js = await get(url, '/assets/app.js?v=1');
    expect([js.status, js.type]).toEqual([200, 'text/javascript; charset=utf-8']);
    expect((await get(url, '/assets/app.js', 'HEAD')).body).toBe('');
  });

  test.each(['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/assets/link.txt', '/assets/', '/missing.js', '/index.html%00.js'])('%s is not found', async (path) => {
    expect((await get(url, path)).status).toBe(404);
  });

  test('a reload with the ETag (or Last-Modified) it was given gets 304 Not Modified; a changed ETag gets the file', async () => {
    const first = await get(url, '/assets/app.js');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/"[0-9a-f]+-[0-9a-f]+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    const again = await get(url, '/assets/app.js', 'GET', { 'If-None-Match': etag });
    expect([again.status, again.body, again.headers['etag']]).toEqual([304, '', etag]);
    expect((await get(url, '/assets/app.js', 'GET', { 'If-Modified-Since': String(first.headers['last-modified']) })).status).toBe(304);
    expect((await get(url, '/assets/app.js', 'GET', { 'If-None-Match': 'W/"0-0"' })).status).toBe(200);
  });

  test("the build's gzipped copy goes to clients that accept gzip, unless it is older than the file", async () => {
    const gz = await get(url, '/assets/big.js', 'GET', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect([gz.status, gz.headers['content-encoding'], gz.headers['vary'], gz.body]).toEqual([200, 'gzip', 'Accept-Encoding', BIG]);
    expect(Number(gz.headers['content-length'])).toBeLessThan(BIG.length / 10);
    const plain = await get(url, '/assets/big.js');
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, BIG]);
    expect((await get(url, '/assets/big.js', 'GET', { 'Accept-Encoding': 'gzip;q=0' })).headers['content-encoding']).toBeUndefined();
    const stale = await get(url, '/assets/stale.js', 'GET', { 'Accept-Encoding': 'gzip' });
    expect([stale.headers['content-encoding'], stale.body]).toEqual([undefined, BIG]);
    expect([acceptsGzip('gzip'), acceptsGzip('br, GZIP;q=0.5'), acceptsGzip('*'), acceptsGzip('gzip;q=0'), acceptsGzip('identity'), acceptsGzip(undefined)]).toEqual([true, true, true, false, false, false]);
  });

  test('only GET and HEAD', async () => {
    expect((await get(url, '/', 'POST')).status).toBe(405);
    expect((await get(url, '/', 'PUT')).status).toBe(405);
  });
});

test('ciliumlab web [--port N] [--host ADDR]', () => {
  expect(parseArgs(['web'])).toEqual({ command: 'web' });
  expect(parseArgs(['web', '--port', '0', '--host', '0.0.0.0'])).toEqual({ command: 'web', port: 0, host: '0.0.0.0' });
  expect(parseArgs(['web', '--port=70000'])).toEqual({ error: 'option --port needs a port number (0-65535), not "70000"' });
});
