// Layer server: `ciliumlab web [--port N] [--host ADDR]` — serves the browser lab built into dist-web/
// on 127.0.0.1 (unless told otherwise), prints its URL, and runs until Ctrl-C. The first run after `npm ci`
// builds dist-web/ with Vite (a dev dependency). The page needs no server beyond files: dist-web/index.html
// also opens from disk.

import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startStaticServer } from './static-server.js';

/** dist-web/ at the package root: two levels up from src/server/, dist/server/ and dist/bundle/ alike. */
export const WEB_ROOT = fileURLToPath(new URL('../../dist-web/', import.meta.url));
export const DEFAULT_WEB_PORT = 8080;
const VITE_CONFIG = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

/** `vite build --config web/vite.config.ts`, when Vite is installed; false when it is not. */
async function buildWeb(): Promise<boolean> {
  let vite: typeof import('vite');
  try {
    vite = await import('vite');
  } catch {
    return false;
  }
  process.stdout.write('ciliumlab web: building the browser lab into dist-web/ (first run only)\n');
  await vite.build({ configFile: VITE_CONFIG, logLevel: 'error' });
  return existsSync(`${WEB_ROOT}index.html`);
}

export async function runWebServer(opts: { host?: string | undefined; port?: number | undefined }): Promise<number> {
  if (!existsSync(`${WEB_ROOT}index.html`) && !(existsSync(VITE_CONFIG) && (await buildWeb()))) {
    process.stderr.write(`ciliumlab web: the browser lab is not built (${WEB_ROOT}index.html is missing): run \`npx vite build --config web/vite.config.ts\`\n`);
    return 1;
  }
  const host = opts.host ?? '127.0.0.1';
  let started: Awaited<ReturnType<typeof startStaticServer>>;
  try {
    started = await startStaticServer({ root: WEB_ROOT, host, port: opts.port ?? DEFAULT_WEB_PORT });
  } catch (e) {
    const code = (e as { code?: string }).code;
    process.stderr.write(`ciliumlab web: cannot listen on ${host}:${opts.port ?? DEFAULT_WEB_PORT}: ${code === 'EADDRINUSE' ? 'the port is in use (choose another with --port N)' : e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
  process.stdout.write(`ciliumlab web: the browser lab is at ${started.url} (the lab runs in the page; Ctrl-C stops the server)\n`);
  await new Promise<void>((resolve) => {
    const stop = () => started.server.close(() => resolve());
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
