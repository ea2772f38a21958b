// `ciliumlab web`'s server: it serves the built files of one directory and nothing else — no path out of
// it (dot-dot, encoded or through a symlink), no listings, GET and HEAD only — with a CSP that lets the
// page connect nowhere; and the command line that starts it (127.0.0.1 unless told otherwise).

import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseArgs } from '../../src/cli/args.js';
import { startStaticServer } from '../../src/server/static-server.js';

function get(url: string, path: string, method = 'GET'): Promise<{ status: number; type: string; csp: string; body: string }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = request({ host: u.hostname, port: u.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), csp: String(res.headers['content-security-policy'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the static server', () => {
  let server: Server;
  let url: string;

  beforeAll(async () => {
    const base = mkdtempSync(join(tmpdir(), 'ciliumlab-web-'));
    const root = join(base, 'dist-web');
    mkdirSync(join(root, 'assets'), { recursive: true });
    writeFileSync(join(root, 'index.html'), '<!doctype html><title>lab</title>');
    writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
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
