#!/usr/bin/env node
// The `ciliumlab` command. It runs the CLI that `npm run build` (npm ci's prepare) compiled into dist/,
// as an esbuild bundle (dist/bundle/, code split so just-bash's utilities load when first used) when it
// can: a few files instead of hundreds of modules bring the first prompt under 300 ms. The bundle is made
// on first use, and again after a new build.
import { existsSync, statSync } from 'node:fs';

const ENTRY = new URL('../dist/cli/main.js', import.meta.url);
const BUNDLE_DIR = new URL('../dist/bundle/', import.meta.url);
const BUNDLE = new URL('main.js', BUNDLE_DIR);
/** Packages just-bash loads only for commands the lab never runs. */
const EXTERNAL = ['@mongodb-js/zstd', 'node-liblzma', 'sql.js', 'quickjs-emscripten', 'seek-bzip'];

async function loadCli() {
  if (!existsSync(ENTRY)) throw new Error('dist/ is missing: run `npm run build` (npm ci does it) first');
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= statSync(ENTRY).mtimeMs) return import(BUNDLE.href);
  try {
    const esbuild = await import('esbuild');
    await esbuild.build({
      entryPoints: [ENTRY.pathname],
      bundle: true,
      platform: 'node',
      format: 'esm',
      splitting: true,
      outdir: BUNDLE_DIR.pathname,
      entryNames: '[name]',
      external: EXTERNAL,
      logLevel: 'silent',
      banner: { js: "import { createRequire as __ciliumlabRequire } from 'node:module'; const require = __ciliumlabRequire(import.meta.url);" },
    });
    return import(BUNDLE.href);
  } catch {
    return import(ENTRY.href);
  }
}

loadCli()
  .then((cli) => cli.main(process.argv.slice(2)))
  .then(
    (code) => process.exit(code),
    (err) => {
      process.stderr.write(`ciliumlab: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(70);
    },
  );
