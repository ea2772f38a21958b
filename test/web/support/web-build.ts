// Test support for the browser lab: builds the Vite app into dist-web/ as `npx vite build --config
// web/vite.config.ts` does (`ciliumlab web` serves that directory), unless the build is newer than
// everything under web/ and src/. Also starts `ciliumlab web` itself and reads the URL it prints.

import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { WEB_ROOT } from '../../../src/server/web-command.js';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the app unless the build is newer than its sources; returns the directory (dist-web/). */
export async function buildWebApp(): Promise<string> {
  const index = join(WEB_ROOT, 'index.html');
  const sources = Math.max(newestMtime(join(ROOT, 'web')), newestMtime(join(ROOT, 'src')));
  if (existsSync(index) && statSync(index).mtimeMs > sources) return WEB_ROOT;
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'web/vite.config.ts'), logLevel: 'error' });
  return WEB_ROOT;
}

/** `ciliumlab web --port 0` in a child process; resolves with it and the URL it printed. */
export function startWebCommand(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', "const { main } = await import('./src/cli/main.ts'); process.exitCode = await main(['web', '--port', '0']);"], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (c: string) => {
      out += c;
      const url = /is at (http:\/\/\S+\/)/.exec(out)?.[1];
      if (url) resolve({ child, url });
    });
    child.on('exit', (code) => reject(new Error(`ciliumlab web exited with ${code}: ${out}`)));
  });
}
