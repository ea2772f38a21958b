// `npm run bench`: bundles bench/run.ts (scripts/bundle-bench.mjs) into out/ and runs it; the figures print
// one per line as `name: value unit`.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { bundleBench } from './bundle-bench.mjs';

const OUT = fileURLToPath(new URL('../out/bench.mjs', import.meta.url));
await bundleBench(new URL('../bench/run.ts', import.meta.url), OUT);
process.exit(spawnSync(process.execPath, [OUT], { stdio: 'inherit' }).status ?? 1);
