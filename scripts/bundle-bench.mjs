// Bundles a bench entry (bench/*.ts) with esbuild for Node, with the CLI bundle's externals, so that
// benchmarks run the code as one file the way the CLI does (tsx's per-module loading is several times slower).
import { fileURLToPath } from 'node:url';
import { EXTERNAL } from './bundle-cli.mjs';

/** Bundles `entry` (a URL of a .ts file) into `outfile` (a path). */
export async function bundleBench(entry, outfile) {
  const esbuild = await import('esbuild');
  await esbuild.build({
    entryPoints: [fileURLToPath(entry)],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile,
    external: EXTERNAL,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
  });
}
