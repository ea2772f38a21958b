// Test support for the browser lab: builds the Vite app once into out/web-e2e/ (reused while nothing
// under web/ or src/ is newer), the same way `npx vite build --config web/vite.config.ts` builds dist-web/.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const E2E_BUILD_DIR = join(ROOT, 'out/web-e2e');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the app unless the build is newer than its sources; returns the directory. */
export async function buildWebApp(): Promise<string> {
  const index = join(E2E_BUILD_DIR, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'web')), newestMtime(join(ROOT, 'src')));
  if (existsSync(index) && statSync(index).mtimeMs > sources) return E2E_BUILD_DIR;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error', build: { outDir: E2E_BUILD_DIR, emptyOutDir: true } });
  return E2E_BUILD_DIR;
}
