// Bundles the compiled CLI (dist/cli/main.js) with esbuild into dist/bundle/, code-split so just-bash's
// utilities load only when first used: a handful of files instead of hundreds of modules is what brings
// the first prompt under 300 ms. `npm run build` runs it; bin/ciliumlab.js runs it if the bundle is stale.
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const ENTRY = new URL('../dist/cli/main.js', import.meta.url);
export const BUNDLE_DIR = new URL('../dist/bundle/', import.meta.url);
/** Packages just-bash loads only for commands the lab never runs, and Vite (`ciliumlab web` builds the page with it). */
export const EXTERNAL = ['@mongodb-js/zstd', 'node-liblzma', 'sql.js', 'quickjs-emscripten', 'seek-bzip', 'vite'];

export async function bundleCli() {
  const esbuild = await import('esbuild');
  // Chunk names carry content hashes: start empty so the chunks of earlier builds do not pile up.
  rmSync(BUNDLE_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: [fileURLToPath(ENTRY)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: fileURLToPath(BUNDLE_DIR),
    entryNames: '[name]',
    external: EXTERNAL,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __ciliumlabRequire } from 'node:module'; const require = __ciliumlabRequire(import.meta.url);" },
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await bundleCli();
