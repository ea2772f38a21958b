#!/usr/bin/env node
// The `ciliumlab` command. It runs the CLI that `npm run build` (npm ci's prepare) compiled into dist/ and
// bundled into dist/bundle/ (scripts/bundle-cli.mjs). A stale or missing bundle is rebuilt on first use;
// without esbuild the unbundled dist/cli/main.js runs instead (slower to start).
import { existsSync, statSync } from 'node:fs';

const ENTRY = new URL('../dist/cli/main.js', import.meta.url);
const BUNDLE = new URL('../dist/bundle/main.js', import.meta.url);

async function loadCli() {
  if (!existsSync(ENTRY)) throw new Error('dist/ is missing: run `npm run build` (npm ci does it) first');
  if (existsSync(BUNDLE) && statSync(BUNDLE).mtimeMs >= statSync(ENTRY).mtimeMs) return import(BUNDLE.href);
  try {
    const { bundleCli } = await import('../scripts/bundle-cli.mjs');
    await bundleCli();
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
