// `npm run bench`: bundles bench/run.ts with esbuild (the same externals as the CLI bundle) into out/ and
// runs it; the figures print one per line as `name: value unit`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EXTERNAL } from './bundle-cli.mjs';

const OUT = fileURLToPath(new URL('../out/bench.mjs', import.meta.url));
const esbuild = await import('esbuild');
await esbuild.build({
  entryPoints: [fileURLToPath(new URL('../bench/run.ts', import.meta.url))],
  bundle: true,
  platform: 'node',
  format: 'esm',
  outfile: OUT,
  external: EXTERNAL,
  logLevel: 'warning',
  banner: { js: "import { createRequire as __benchRequire } from 'node:module'; const require = __benchRequire(import.meta.url);" },
});
process.exit(spawnSync(process.execPath, [OUT], { stdio: 'inherit' }).status ?? 1);
