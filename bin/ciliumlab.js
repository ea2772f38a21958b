#!/usr/bin/env node
// The `ciliumlab` command: runs the CLI built into dist/ by `npm run build` (npm ci runs it via prepare).
import { main } from '../dist/cli/main.js';

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err) => {
    process.stderr.write(`ciliumlab: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(70);
  },
);
